package io.github.walletproject.money;

import java.time.Duration;
import java.util.Objects;

/**
 * A spending limit of an allowance: at most {@code maxPrice} within any {@code period}. The
 * period travels as {@code time} in seconds (as in Paysera's PHP client, {@code Entity/Limit.php},
 * and Java SDK, {@code AllowanceLimit}); the deprecated {@code period} field, in hours, is still
 * read.
 *
 * @param maxPrice the most that may be charged in the period
 * @param period the period, whole seconds
 */
public record AllowanceLimit(Money maxPrice, Duration period) {

	/**
	 * Check the fields.
	 */
	public AllowanceLimit {
		Objects.requireNonNull(maxPrice, "maxPrice");
		Objects.requireNonNull(period, "period");
		ApiConventions.checkCents(maxPrice, "The maximum price of an allowance limit");
		if (period.isNegative() || period.isZero() || period.getNano() != 0) {
			throw new IllegalArgumentException(
					"The period of an allowance limit must be a positive number of whole seconds, not " + period);
		}
	}

	/**
	 * A limit per period.
	 * @param maxPrice the most that may be charged in the period
	 * @param period the period, such as {@code Duration.ofDays(1)}
	 * @return the limit
	 */
	public static AllowanceLimit of(Money maxPrice, Duration period) {
		return new AllowanceLimit(maxPrice, period);
	}

	/**
	 * The period in seconds, as the API's {@code time} field carries it.
	 * @return the seconds
	 */
	long seconds() {
		return this.period.getSeconds();
	}

}
