package io.github.walletproject.client;

import org.jspecify.annotations.Nullable;

/**
 * Told of every transaction a Wallet call in a project created, read or changed, after the
 * Wallet API answered it with 2xx: by the signing interceptor of the blocking client and the
 * signing filter of the reactive one, so every shape of call is seen (HTTP interfaces, the raw
 * {@code RestClient} and {@code WebClient}). The starter records in this way the project each
 * transaction was made in, which routes Paysera's callbacks about it.
 */
@FunctionalInterface
public interface TransactionObserver {

	/** Observes nothing. */
	TransactionObserver NONE = (transactionKey, projectId) -> {
	};

	/**
	 * A call checked and signed for a project was answered with 2xx about a transaction.
	 * @param transactionKey the transaction's key
	 * @param projectId the id of the project the call was routed to
	 */
	void observed(String transactionKey, long projectId);

	/**
	 * A call checked and signed for a project was answered with 2xx about a transaction, and
	 * who signed it.
	 * @param transactionKey the transaction's key
	 * @param projectId the id of the project the call was routed to
	 * @param user the name of the user's credentials that signed it ({@code user:<key>}, bound
	 * by {@code WalletUserTokens.callAs}; never a secret), or {@code null} for the
	 * application's own credentials
	 */
	default void observed(String transactionKey, long projectId, @Nullable String user) {
		observed(transactionKey, projectId);
	}

}
