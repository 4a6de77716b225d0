package io.github.walletproject.sample.pay;

import org.springframework.http.HttpStatus;

/**
 * The sample refuses a pay card action itself, before or instead of a Wallet API call: a
 * change in live mode, an invalid amount, a payer asked to accept what is not new.
 */
final class RefusedAction extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String type;

	private final HttpStatus status;

	RefusedAction(String type, HttpStatus status, String message) {
		super(message);
		this.type = type;
		this.status = status;
	}

	/**
	 * What kind of refusal, for the page: {@code DemoOnly}, {@code InvalidPayment},
	 * {@code InvalidState}.
	 * @return the type
	 */
	String type() {
		return this.type;
	}

	HttpStatus status() {
		return this.status;
	}

}
