package io.github.walletproject.callback;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.money.Transaction;

/**
 * A verified callback about a transaction.
 *
 * @param type the type, {@code UNKNOWN} for one this client does not know
 * @param typeName the type as Paysera sent it
 * @param transaction the transaction as the Wallet API returns it
 * @param project the project it belongs to, bound while synchronous listeners run
 */
public record TransactionCallback(TransactionCallbackType type, String typeName, Transaction transaction,
		ResolvedProject project) implements WalletCallback {

	@Override
	public String object() {
		return "transaction";
	}

	@Override
	public String id() {
		return this.transaction.key();
	}

}
