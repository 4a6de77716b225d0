package io.github.walletproject.callback;

import io.github.walletproject.client.TransactionObserver;
import org.jspecify.annotations.Nullable;

/**
 * The project each transaction was created (or read) in, as the starter routed and checked
 * that call, whichever client made it (the signing interceptor and filter tell it every
 * transaction call answered with 2xx): transaction key → project id, kept for
 * {@code paysera.wallet.callbacks.records.time-to-live}. Callbacks whose data carries no
 * {@code project_id} take their project from here, never from the URL or a default.
 */
final class TransactionProjects implements TransactionObserver {

	private final CallbackStore store;

	TransactionProjects(CallbackStore store) {
		this.store = store;
	}

	@Override
	public void observed(String transactionKey, long projectId) {
		record(transactionKey, projectId);
	}

	void record(String transactionKey, long projectId) {
		// memory only: recording never waits for a read of the shared cache
		Long known = this.store.local(transactionKey);
		if (known == null || known != projectId) {
			this.store.put(transactionKey, projectId);
		}
	}

	@Nullable Long projectOf(String transactionKey) {
		return this.store.get(transactionKey);
	}

}
