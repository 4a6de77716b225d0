package io.github.walletproject;

/**
 * A project value (from an annotation, a SpEL result, {@link ProjectContext}, a request
 * attribute or configuration) is not a configured alias or a positive project id. Thrown
 * before any request is built.
 */
public class InvalidProjectException extends WalletException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong and where the value came from
	 */
	public InvalidProjectException(String message) {
		super(message);
	}

}
