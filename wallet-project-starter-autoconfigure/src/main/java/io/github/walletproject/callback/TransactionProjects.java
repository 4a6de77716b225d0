package io.github.walletproject.callback;

import org.jspecify.annotations.Nullable;

/**
 * The project each transaction was created (or read) in, as the starter routed and checked
 * that call: transaction key → project id. Callbacks whose data carries no
 * {@code project_id} take their project from here, never from the URL or a default.
 */
final class TransactionProjects {

	private final CallbackStore store;

	TransactionProjects(CallbackStore store) {
		this.store = store;
	}

	void record(String transactionKey, long projectId) {
		Long known = this.store.get(transactionKey);
		if (known == null || known != projectId) {
			this.store.put(transactionKey, projectId);
		}
	}

	@Nullable Long projectOf(String transactionKey) {
		return this.store.get(transactionKey);
	}

}
