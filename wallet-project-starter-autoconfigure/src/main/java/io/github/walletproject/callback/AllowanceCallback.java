package io.github.walletproject.callback;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.money.Allowance;

/**
 * A verified callback about a allowance.
 *
 * @param type the type, {@code UNKNOWN} for one this client does not know
 * @param typeName the type as Paysera sent it
 * @param allowance the allowance as the Wallet API returns it
 * @param project the project it belongs to, bound while synchronous listeners run
 */
public record AllowanceCallback(AllowanceCallbackType type, String typeName, Allowance allowance,
		ResolvedProject project) implements WalletCallback {

	@Override
	public String object() {
		return "allowance";
	}

	@Override
	public String id() {
		return Long.toString(this.allowance.id());
	}

}
