package io.github.walletproject.callback;

import java.util.Objects;

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
		record(transactionKey, projectId, null);
	}

	@Override
	public void observed(String transactionKey, long projectId, @Nullable String user) {
		record(transactionKey, projectId, user);
	}

	void record(String transactionKey, long projectId, @Nullable String user) {
		// memory only: recording never waits for a read of the shared cache
		CallbackStore.Entry known = this.store.local(transactionKey);
		if (known == null || known.value() != projectId || !Objects.equals(known.owner(), user)) {
			this.store.put(transactionKey, projectId, user);
		}
	}

	/**
	 * The user whose credentials made or last touched the transaction in a project.
	 * @param transactionKey the transaction's key
	 * @param projectId the project
	 * @return the name of the user's credentials ({@code user:<key>}), or {@code null} when
	 * the application's own made it in that project, or nothing is recorded
	 */
	@Nullable String userOf(String transactionKey, long projectId) {
		CallbackStore.Entry entry = this.store.entry(transactionKey);
		return (entry != null && entry.value() == projectId) ? entry.owner() : null;
	}

	@Nullable Long projectOf(String transactionKey) {
		return this.store.get(transactionKey);
	}

}
