package io.github.walletproject;

/**
 * The list of accessible projects could not be loaded, and no list recent enough to trust
 * is at hand: the access check fails closed and nothing is sent.
 */
public class ProjectAccessUnavailableException extends WalletException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause why the list could not be loaded
	 */
	public ProjectAccessUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
