package io.github.walletproject;

/**
 * No connection or no response within {@code paysera.wallet.connect-timeout} /
 * {@code paysera.wallet.read-timeout}.
 */
public class WalletTimeoutException extends WalletTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the timeout
	 */
	public WalletTimeoutException(String message, Throwable cause) {
		super(message, cause);
	}

}
