package io.github.walletproject;

/**
 * The requested resource does not exist (`not_found`, usually HTTP 404).
 */
public class WalletNotFoundException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletNotFoundException(WalletError error) {
		super(error);
	}

}
