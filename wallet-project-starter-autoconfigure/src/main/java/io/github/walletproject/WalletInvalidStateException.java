package io.github.walletproject;

/**
 * The object is not in a state that allows this ({@code invalid_state}, usually HTTP 409):
 * confirming a transaction the payer has not accepted, cancelling a finalized payment,
 * cancelling twice. Nothing was changed; read the object to see its state.
 */
public class WalletInvalidStateException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletInvalidStateException(WalletError error) {
		super(error);
	}

}
