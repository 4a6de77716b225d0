package io.github.walletproject.money;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Until when a payment's funds stay frozen ({@code PUT payment/{id}/freeze}, body
 * {@code {"freeze_until": unix seconds}} as {@code WalletClient.php} {@code changeFreezePeriod}
 * sends it).
 *
 * @param until the end of the freeze
 */
public record FreezePeriod(Instant until) {

	/**
	 * Check the time.
	 */
	public FreezePeriod {
		Objects.requireNonNull(until, "until");
	}

	/**
	 * A freeze until a time.
	 * @param until the end of the freeze
	 * @return the period
	 */
	public static FreezePeriod until(Instant until) {
		return new FreezePeriod(until);
	}

	@JsonValue
	Map<String, Object> body() {
		return Map.of("freeze_until", this.until.getEpochSecond());
	}

}
