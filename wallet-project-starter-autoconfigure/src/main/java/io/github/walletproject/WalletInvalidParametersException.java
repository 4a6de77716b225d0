package io.github.walletproject;

/**
 * The API refused the request's values ({@code invalid_parameters}, usually HTTP 400): a
 * missing or malformed field, a final price above the reserved one. Nothing was changed; fix
 * the request before sending it again. {@link #getErrorProperties()} names the fields at fault
 * ({@code error_properties}).
 */
public class WalletInvalidParametersException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletInvalidParametersException(WalletError error) {
		super(error);
	}

}
