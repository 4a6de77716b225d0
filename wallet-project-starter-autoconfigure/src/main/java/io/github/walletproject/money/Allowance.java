package io.github.walletproject.money;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An allowance as the Wallet API returns it.
 *
 * @param id the allowance id
 * @param transactionKey the transaction that confirms it, or {@code null}
 * @param status its status
 * @param createdAt when it was created
 * @param confirmedAt when the user confirmed it, or {@code null}
 * @param walletId the user's wallet, once known, or {@code null}
 * @param description its description, or {@code null}
 * @param maxPrice the most that may be charged in all, or {@code null}
 * @param limits its limits per period
 * @param validForHours how long it stays valid after confirmation, or {@code null}
 * @param validUntil until when it stays valid, or {@code null}
 */
@JsonDeserialize(converter = AllowanceJson.Decode.class)
public record Allowance(long id, @Nullable String transactionKey, AllowanceStatus status, Instant createdAt,
		@Nullable Instant confirmedAt, @Nullable Long walletId, @Nullable String description, @Nullable Money maxPrice,
		List<AllowanceLimit> limits, @Nullable Integer validForHours, @Nullable Instant validUntil) {

	/**
	 * Copy the limits.
	 */
	public Allowance {
		limits = ApiConventions.list(limits);
	}

}
