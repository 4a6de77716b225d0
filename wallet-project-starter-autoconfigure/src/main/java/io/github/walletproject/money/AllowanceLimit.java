package io.github.walletproject.money;

import java.util.Objects;

/**
 * A spending limit of an allowance: at most {@code maxPrice} within any {@code periodHours}.
 *
 * @param maxPrice the most that may be charged in the period
 * @param periodHours the period in hours
 */
public record AllowanceLimit(Money maxPrice, int periodHours) {

	/**
	 * Check the fields.
	 */
	public AllowanceLimit {
		Objects.requireNonNull(maxPrice, "maxPrice");
		ApiConventions.checkCents(maxPrice, "The maximum price of an allowance limit");
		if (periodHours < 1) {
			throw new IllegalArgumentException("The period of an allowance limit must be at least one hour");
		}
	}

}
