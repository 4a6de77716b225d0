package io.github.walletproject.money;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A price list entry of a location: a priced service ({@code type} {@code price}) or an offer
 * without a price ({@code type} {@code offer}).
 *
 * @param title what is offered
 * @param type {@code price} or {@code offer}
 * @param price its price, or {@code null} for an offer
 */
public record LocationPrice(String title, String type, @Nullable Money price) {

	/**
	 * Check the fields.
	 */
	public LocationPrice {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(type, "type");
		if ("price".equals(type) && price == null) {
			throw new IllegalArgumentException("A location price of type 'price' needs a price");
		}
		ApiConventions.checkCents(price, "The price of '" + title + "'");
	}

	/**
	 * A priced entry.
	 * @param title what is offered
	 * @param price its price
	 * @return the entry
	 */
	public static LocationPrice price(String title, Money price) {
		return new LocationPrice(title, "price", price);
	}

	/**
	 * An offer without a price.
	 * @param title what is offered
	 * @return the entry
	 */
	public static LocationPrice offer(String title) {
		return new LocationPrice(title, "offer", null);
	}

}
