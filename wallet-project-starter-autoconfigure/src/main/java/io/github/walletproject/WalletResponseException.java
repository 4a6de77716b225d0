package io.github.walletproject;

/**
 * A successful response could not be used: empty where JSON was expected, not JSON, not the
 * expected shape, or larger than {@code paysera.wallet.max-response-size}.
 */
public class WalletResponseException extends WalletException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 */
	public WalletResponseException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message the message
	 * @param cause the cause
	 */
	public WalletResponseException(String message, Throwable cause) {
		super(message, cause);
	}

}
