package io.github.walletproject;

/**
 * The server refused the MAC timestamp (`invalid_timestamp`): the clocks differ too much. The client re-synchronizes with `GET server` and retries once before this reaches you.
 */
public class WalletInvalidTimestampException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletInvalidTimestampException(WalletError error) {
		super(error);
	}

}
