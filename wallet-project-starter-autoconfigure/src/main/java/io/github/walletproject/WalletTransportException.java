package io.github.walletproject;

/**
 * The request could not be completed: connection refused or reset, or no response in time.
 * For a request that may have reached the server (a read timeout on a POST) the outcome is
 * unknown; such requests are never resent automatically.
 */
public class WalletTransportException extends WalletException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the I/O failure
	 */
	public WalletTransportException(String message, Throwable cause) {
		super(message, cause);
	}

}
