package io.github.walletproject.callback;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.money.Payment;

/**
 * A verified callback about a payment.
 *
 * @param type the type, {@code UNKNOWN} for one this client does not know
 * @param typeName the type as Paysera sent it
 * @param payment the payment as the Wallet API returns it
 * @param project the project it belongs to, bound while synchronous listeners run
 */
public record PaymentCallback(PaymentCallbackType type, String typeName, Payment payment,
		ResolvedProject project) implements WalletCallback {

	@Override
	public String object() {
		return "payment";
	}

	@Override
	public String id() {
		return Long.toString(this.payment.id());
	}

}
