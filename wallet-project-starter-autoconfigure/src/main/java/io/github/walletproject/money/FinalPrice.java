package io.github.walletproject.money;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The price a payment is finalized for ({@code PUT payment/{id}/finalize}), sent as
 * {@code {"price": cents, "currency": …}} as {@code Mapper.php} {@code encodePrice} writes it.
 *
 * @param price the final price, in whole cents
 */
public record FinalPrice(Money price) {

	/**
	 * Check the price.
	 */
	public FinalPrice {
		Objects.requireNonNull(price, "price");
		ApiConventions.checkCents(price, "The final price");
	}

	/**
	 * A final price.
	 * @param price the price
	 * @return the final price
	 */
	public static FinalPrice of(Money price) {
		return new FinalPrice(price);
	}

	@JsonValue
	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("price", this.price.cents());
		body.put("currency", this.price.currency());
		return body;
	}

}
