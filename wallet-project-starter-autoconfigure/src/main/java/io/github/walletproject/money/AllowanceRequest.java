package io.github.walletproject.money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An allowance to create: a user's permission to be charged without confirming each payment,
 * up to a total ({@code maxPrice}) and/or within limits per period. All amounts share one
 * currency.
 *
 * <pre class="code">
 * AllowanceRequest.upTo(Money.of("50.00", "EUR"))
 *     .withLimit(Money.of("10.00", "EUR"), Duration.ofDays(1))   // "limits": [{"max_price": 1000, "time": 86400}]
 *     .withDescription("Monthly plan")
 *     .validForHours(720);
 * </pre>
 *
 * @param description what the allowance is for, or {@code null}
 * @param maxPrice the most that may be charged in all, or {@code null} when there are limits
 * @param limits limits per period, possibly empty
 * @param validForHours how long it stays valid after confirmation, or {@code null}
 * @param validUntil until when it stays valid, or {@code null}
 */
@JsonSerialize(converter = AllowanceJson.EncodeRequest.class)
public record AllowanceRequest(@Nullable String description, @Nullable Money maxPrice, List<AllowanceLimit> limits,
		@Nullable Integer validForHours, @Nullable Instant validUntil) {

	/**
	 * Check the allowance as the API will.
	 */
	public AllowanceRequest {
		limits = ApiConventions.list(limits);
		if (maxPrice == null && limits.isEmpty()) {
			throw new IllegalArgumentException("An allowance needs a maximum price or limits");
		}
		ApiConventions.checkCents(maxPrice, "The maximum price of an allowance");
		if (validForHours != null && validUntil != null) {
			throw new IllegalArgumentException("An allowance is valid for some hours or until a time, not both");
		}
		String currency = (maxPrice != null) ? maxPrice.currency() : limits.get(0).maxPrice().currency();
		for (AllowanceLimit limit : limits) {
			if (!limit.maxPrice().currency().equals(currency)) {
				throw new IllegalArgumentException(
						"All amounts of an allowance must be in one currency: " + currency + " and "
								+ limit.maxPrice().currency() + " were given");
			}
		}
	}

	/**
	 * An allowance for at most this much in all.
	 * @param maxPrice the most that may be charged
	 * @return the allowance
	 */
	public static AllowanceRequest upTo(Money maxPrice) {
		return new AllowanceRequest(null, maxPrice, List.of(), null, null);
	}

	/**
	 * An allowance with a limit per period and no overall maximum.
	 * @param maxPrice the most that may be charged in the period
	 * @param period the period, such as {@code Duration.ofDays(1)} (sent in seconds)
	 * @return the allowance
	 */
	public static AllowanceRequest limitedTo(Money maxPrice, Duration period) {
		return new AllowanceRequest(null, null, List.of(new AllowanceLimit(maxPrice, period)), null, null);
	}

	/**
	 * This allowance with one more limit per period.
	 * @param maxPrice the most that may be charged in the period
	 * @param period the period, such as {@code Duration.ofDays(1)} (sent in seconds)
	 * @return a copy
	 */
	public AllowanceRequest withLimit(Money maxPrice, Duration period) {
		List<AllowanceLimit> more = new ArrayList<>(this.limits);
		more.add(new AllowanceLimit(maxPrice, period));
		return new AllowanceRequest(this.description, this.maxPrice, more, this.validForHours, this.validUntil);
	}

	/**
	 * This allowance with a description for the user.
	 * @param description the description
	 * @return a copy
	 */
	public AllowanceRequest withDescription(String description) {
		return new AllowanceRequest(description, this.maxPrice, this.limits, this.validForHours, this.validUntil);
	}

	/**
	 * This allowance, valid for some hours after confirmation.
	 * @param hours how many hours
	 * @return a copy
	 */
	public AllowanceRequest validForHours(int hours) {
		return new AllowanceRequest(this.description, this.maxPrice, this.limits, hours, null);
	}

	/**
	 * This allowance, valid until a time.
	 * @param until the end of its validity
	 * @return a copy
	 */
	public AllowanceRequest validUntil(Instant until) {
		return new AllowanceRequest(this.description, this.maxPrice, this.limits, null, until);
	}

	String currency() {
		return (this.maxPrice != null) ? this.maxPrice.currency() : this.limits.get(0).maxPrice().currency();
	}

}
