package io.github.walletproject;

/**
 * The request was not authenticated (`unauthorized` or `invalid_grant`, usually HTTP 401): wrong MAC credentials, or an expired or revoked access token.
 */
public class WalletUnauthorizedException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletUnauthorizedException(WalletError error) {
		super(error);
	}

}
