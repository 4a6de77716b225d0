package io.github.walletproject.money;

import java.util.Objects;

/**
 * When a location is open on one day, as the API spells the times ({@code "09:00"}).
 *
 * @param openingTime when it opens
 * @param closingTime when it closes ({@code "24:00"} for midnight)
 */
public record OpeningHours(String openingTime, String closingTime) {

	/**
	 * Check the fields.
	 */
	public OpeningHours {
		Objects.requireNonNull(openingTime, "openingTime");
		Objects.requireNonNull(closingTime, "closingTime");
	}

}
