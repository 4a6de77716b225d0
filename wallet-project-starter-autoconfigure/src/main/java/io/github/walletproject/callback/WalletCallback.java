package io.github.walletproject.callback;

import io.github.walletproject.ResolvedProject;

/**
 * A verified callback from Paysera, published as a Spring application event: listen with
 * {@code @EventListener} for {@link TransactionCallback}, {@link PaymentCallback},
 * {@link AllowanceCallback} or this interface. Synchronous listeners run with
 * {@link #project()} bound ({@code ProjectContext}), so their Wallet calls go to it; the
 * endpoint answers {@code 200} after they ran and {@code 500} when one throws, so that Paysera
 * sends it again.
 */
public sealed interface WalletCallback permits TransactionCallback, PaymentCallback, AllowanceCallback {

	/**
	 * The kind of object, as Paysera names it.
	 * @return {@code transaction}, {@code payment} or {@code allowance}
	 */
	String object();

	/**
	 * The object's id: a transaction key, or a payment or allowance id.
	 * @return the id as text
	 */
	String id();

	/**
	 * The type as Paysera sent it, also when the typed enum reads it as {@code UNKNOWN}.
	 * @return the type, such as {@code reserved}
	 */
	String typeName();

	/**
	 * The project the object belongs to, from the signed data's {@code project_id} or from
	 * the record the starter kept when it created the transaction; checked against the
	 * credentials' access.
	 * @return the project
	 */
	ResolvedProject project();

}
