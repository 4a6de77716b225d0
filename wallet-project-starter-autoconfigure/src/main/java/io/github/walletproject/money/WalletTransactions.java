package io.github.walletproject.money;

import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * Transactions of the Wallet API: create, read, confirm, revoke. Inject it; every call is
 * signed and goes to the bound project ({@code @WalletProject}, {@code ProjectContext}, else
 * {@code paysera.wallet.default-project}), which the access check allows or refuses before
 * anything is sent.
 *
 * <pre class="code">
 * &#64;WalletProject("shop")
 * Transaction pay(Order order) {
 *     return transactions.create(TransactionRequest.of(
 *             PaymentRequest.of("Order #" + order.id(), Money.of(order.total(), "EUR"))));
 * }
 * </pre>
 *
 * A transaction belongs to the project it was created in: read, confirm and revoke it in
 * the same project (another project gets {@code not_found}).
 * <p>
 * Errors are {@link io.github.walletproject.WalletApiException}s keyed on Paysera's code
 * ({@code not_found} is a {@link io.github.walletproject.WalletApiException.NotFound},
 * {@code invalid_state} — confirming what is not reserved, revoking what is confirmed — a
 * {@code WalletApiException} with {@code getErrorCode()} {@code invalid_state}); a response
 * that cannot be read is a {@link io.github.walletproject.WalletResponseException}.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface WalletTransactions {

	/**
	 * {@code POST transaction}: create a transaction in the bound project. Not retried: a
	 * transaction must not be created twice.
	 * @param request the payments and options
	 * @return the transaction, {@code new}
	 */
	@PostExchange(url = "transaction", contentType = MediaType.APPLICATION_JSON_VALUE)
	Transaction create(@RequestBody TransactionRequest request);

	/**
	 * {@code GET transaction/{key}}.
	 * @param transactionKey the transaction key
	 * @return the transaction
	 */
	@GetExchange("transaction/{key}")
	Transaction get(@PathVariable("key") String transactionKey);

	/**
	 * {@code PUT transaction/{key}/confirm}: confirm a reserved transaction, lowering some
	 * payments' prices.
	 * @param transactionKey the transaction key
	 * @param finalPrices final prices per payment (not above what was reserved)
	 * @return the transaction, {@code confirmed}
	 */
	@PutExchange(url = "transaction/{key}/confirm", contentType = MediaType.APPLICATION_JSON_VALUE)
	Transaction confirm(@PathVariable("key") String transactionKey, @RequestBody FinalPrices finalPrices);

	/**
	 * {@code PUT transaction/{key}/confirm}: confirm a reserved transaction for what was
	 * reserved.
	 * @param transactionKey the transaction key
	 * @return the transaction, {@code confirmed}
	 */
	default Transaction confirm(String transactionKey) {
		return confirm(transactionKey, FinalPrices.none());
	}

	/**
	 * {@code DELETE transaction/{key}}: revoke a transaction that is not confirmed.
	 * @param transactionKey the transaction key
	 * @return the transaction, {@code revoked}
	 */
	@DeleteExchange("transaction/{key}")
	Transaction revoke(@PathVariable("key") String transactionKey);

	/**
	 * {@code PUT transaction/{key}/reserve/{payer}}: the payer named by wallet id accepts the
	 * transaction with their allowance or PIN. Prefer {@link #reserve(String, Reservation)}.
	 * @param transactionKey the transaction key
	 * @param payerWalletId the payer's wallet id
	 * @param reservation the PIN and funds sources (its payer is the path's)
	 * @return the transaction, {@code reserved} when accepted
	 */
	@PutExchange(url = "transaction/{key}/reserve/{payer}", contentType = MediaType.APPLICATION_JSON_VALUE)
	Transaction reserve(@PathVariable("key") String transactionKey, @PathVariable("payer") long payerWalletId,
			@RequestBody Reservation reservation);

	/**
	 * {@code PUT transaction/{key}/reserve} with the payer (email or phone) in the body.
	 * Prefer {@link #reserve(String, Reservation)}.
	 * @param transactionKey the transaction key
	 * @param reservation the payer, PIN and funds sources
	 * @return the transaction, {@code reserved} when accepted
	 */
	@PutExchange(url = "transaction/{key}/reserve", contentType = MediaType.APPLICATION_JSON_VALUE)
	Transaction reserveByPayerInBody(@PathVariable("key") String transactionKey, @RequestBody Reservation reservation);

	/**
	 * Accept (reserve) a transaction for its payer, with the payer's active allowance or PIN:
	 * {@code PUT transaction/{key}/reserve/{payer}} when the payer is named by wallet id, else
	 * {@code PUT transaction/{key}/reserve} with {@code payer} in the body. A transaction that is
	 * not {@code new} is refused with {@link io.github.walletproject.WalletApiException.InvalidState}.
	 * @param transactionKey the transaction key
	 * @param reservation the payer and how they accept it
	 * @return the transaction, {@code reserved} when accepted
	 */
	default Transaction reserve(String transactionKey, Reservation reservation) {
		Long payerId = reservation.payer().id();
		return (payerId != null) ? reserve(transactionKey, payerId, reservation)
				: reserveByPayerInBody(transactionKey, reservation);
	}

	/**
	 * {@code GET transactions}: one page of the bound project's transactions, for
	 * reconciliation.
	 * @param filter the filter and page
	 * @return the page
	 */
	@GetExchange("transactions")
	TransactionPage find(TransactionFilter filter);

	/**
	 * Every transaction the filter selects, fetched page by page while the stream is read; each
	 * page goes to the project bound when this method was called.
	 * @param filter the filter; its limit is the page size (100 when not set)
	 * @return a lazy stream
	 */
	default Stream<Transaction> findAll(TransactionFilter filter) {
		long offset = (filter.offset() != null) ? filter.offset() : 0;
		int limit = (filter.limit() != null) ? filter.limit() : Pages.DEFAULT_STREAM_LIMIT;
		return Pages.stream("transactions", offset, limit,
				(pageOffset, pageLimit) -> find(filter.offset(pageOffset).limit(pageLimit)));
	}

}
