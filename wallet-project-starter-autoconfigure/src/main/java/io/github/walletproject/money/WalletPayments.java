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
 * Payments of the Wallet API: create, read, cancel and find, in the bound project.
 *
 * @see WalletTransactions for how calls are routed and fail
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface WalletPayments {

	/**
	 * {@code POST payment}: create a payment outside a transaction (add it to one later by
	 * id). Not retried.
	 * @param request the payment
	 * @return the payment, {@code new}
	 */
	@PostExchange(url = "payment", contentType = MediaType.APPLICATION_JSON_VALUE)
	Payment create(@RequestBody PaymentRequest request);

	/**
	 * {@code GET payment/{id}}.
	 * @param paymentId the payment id
	 * @return the payment
	 */
	@GetExchange("payment/{id}")
	Payment get(@PathVariable("id") long paymentId);

	/**
	 * {@code DELETE payment/{id}}: cancel a payment that is not confirmed.
	 * @param paymentId the payment id
	 * @return the payment, {@code canceled}
	 */
	@DeleteExchange("payment/{id}")
	Payment cancel(@PathVariable("id") long paymentId);

	/**
	 * {@code GET payments}: one page of the payments the filter selects.
	 * @param filter the filter and page
	 * @return the page
	 */
	@GetExchange("payments")
	PaymentPage find(PaymentFilter filter);

	/**
	 * Every payment the filter selects, from its offset on, fetched page by page as the
	 * stream is read, each page in the project bound when this method was called.
	 * @param filter the filter; its limit is the page size (100 when not set)
	 * @return a lazy stream
	 * @see Pages
	 */
	default Stream<Payment> findAll(PaymentFilter filter) {
		long offset = (filter.offset() != null) ? filter.offset() : 0;
		int limit = (filter.limit() != null) ? filter.limit() : Pages.DEFAULT_STREAM_LIMIT;
		return Pages.stream("payments", offset, limit,
				(pageOffset, pageLimit) -> find(filter.offset(pageOffset).limit(pageLimit)));
	}

	/**
	 * {@code PUT payment/{id}/finalize}: finalize a frozen payment for its full price; a
	 * finalized payment can no longer be cancelled.
	 * @param paymentId the payment id
	 * @return the payment
	 */
	@PutExchange("payment/{id}/finalize")
	Payment finalize(@PathVariable("id") long paymentId);

	/**
	 * {@code PUT payment/{id}/finalize} for a lower final price
	 * ({@code {"price": cents, "currency": …}}).
	 * @param paymentId the payment id
	 * @param finalPrice the final price, at most the payment's price
	 * @return the payment
	 */
	@PutExchange(url = "payment/{id}/finalize", contentType = MediaType.APPLICATION_JSON_VALUE)
	Payment finalize(@PathVariable("id") long paymentId, @RequestBody FinalPrice finalPrice);

	/**
	 * {@code PUT payment/{id}/freeze}: change until when a payment's funds stay frozen
	 * ({@code {"freeze_until": unix seconds}}).
	 * @param paymentId the payment id
	 * @param period the new end of the freeze
	 * @return the payment
	 */
	@PutExchange(url = "payment/{id}/freeze", contentType = MediaType.APPLICATION_JSON_VALUE)
	Payment freeze(@PathVariable("id") long paymentId, @RequestBody FreezePeriod period);

}
