package io.github.walletproject;

/**
 * The Wallet API failed (HTTP 5xx or `internal_server_error`).
 */
public class WalletServerException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletServerException(WalletError error) {
		super(error);
	}

}
