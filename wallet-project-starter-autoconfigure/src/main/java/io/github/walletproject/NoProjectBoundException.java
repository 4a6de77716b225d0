package io.github.walletproject;

/**
 * A project-scoped Wallet API call was made with no project bound (no annotation, context
 * or request attribute) and no {@code paysera.wallet.default-project}. Nothing was sent.
 */
public class NoProjectBoundException extends WalletException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 */
	public NoProjectBoundException(String message) {
		super(message);
	}

}
