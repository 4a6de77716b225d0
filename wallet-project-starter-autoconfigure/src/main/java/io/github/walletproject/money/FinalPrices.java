package io.github.walletproject.money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Final prices for {@link WalletTransactions#confirm(String, FinalPrices)}: a payment may be
 * confirmed for less than was reserved (the difference goes back to the payer), never more.
 * The API takes them as an object keyed by payment id:
 * {@code {"2987": {"price": 1000, "currency": "EUR"}}}.
 *
 * @param prices the final price per payment id
 */
public record FinalPrices(Map<Long, Money> prices) {

	/**
	 * Copy the prices.
	 */
	public FinalPrices {
		prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
		prices.forEach((paymentId, price) -> ApiConventions.checkCents(price, "The final price of payment " + paymentId));
	}

	/**
	 * No changed prices: confirm every payment for what was reserved.
	 * @return the empty final prices
	 */
	public static FinalPrices none() {
		return new FinalPrices(Map.of());
	}

	/**
	 * A final price for one payment.
	 * @param paymentId the payment
	 * @param price its final price
	 * @return the final prices
	 */
	public static FinalPrices of(long paymentId, Money price) {
		return none().and(paymentId, price);
	}

	/**
	 * These prices and one more.
	 * @param paymentId the payment
	 * @param price its final price
	 * @return a copy
	 */
	public FinalPrices and(long paymentId, Money price) {
		Map<Long, Money> more = new LinkedHashMap<>(this.prices);
		more.put(paymentId, price);
		return new FinalPrices(more);
	}

	@JsonValue
	Map<String, Map<String, Object>> toJson() {
		Map<String, Map<String, Object>> json = new LinkedHashMap<>();
		this.prices.forEach((paymentId, price) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("price", price.cents());
			fields.put("currency", price.currency());
			json.put(Long.toString(paymentId), fields);
		});
		return json;
	}

}
