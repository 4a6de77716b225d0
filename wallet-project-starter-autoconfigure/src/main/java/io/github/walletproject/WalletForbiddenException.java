package io.github.walletproject;

/**
 * The credentials are authenticated but not allowed to do this (`forbidden`, usually HTTP 403), for example a missing OAuth scope.
 */
public class WalletForbiddenException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletForbiddenException(WalletError error) {
		super(error);
	}

}
