package io.github.walletproject;

/**
 * Base of every exception this library throws at run time. Messages never contain a MAC
 * key, an access token or any other secret.
 */
public class WalletException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 */
	public WalletException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message the message
	 * @param cause the cause
	 */
	public WalletException(String message, Throwable cause) {
		super(message, cause);
	}

}
