package io.github.walletproject.money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

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
@JsonIgnoreProperties(ignoreUnknown = true)
public record Allowance(long id, @Nullable String transactionKey, AllowanceStatus status, Instant createdAt,
		@Nullable Instant confirmedAt, @Nullable Long walletId, @Nullable String description, @Nullable Money maxPrice,
		List<AllowanceLimit> limits, @Nullable Integer validForHours, @Nullable Instant validUntil) {

	/**
	 * Copy the limits.
	 */
	public Allowance {
		limits = ApiConventions.list(limits);
	}

	/**
	 * Read an allowance from the Wallet API's fields ({@code Mapper.php} {@code decodeAllowance};
	 * a limit's {@code time} in seconds, the deprecated {@code period} in hours).
	 */
	@JsonCreator
	static Allowance fromJson(@JsonProperty("id") @Nullable Long id,
			@JsonProperty("transaction_key") @Nullable String transactionKey,
			@JsonProperty("status") @Nullable String status, @JsonProperty("created_at") @Nullable Long createdAt,
			@JsonProperty("confirmed_at") @Nullable Long confirmedAt, @JsonProperty("wallet") @Nullable Long wallet,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("max_price") @Nullable Long maxPrice,
			@JsonProperty("max_price_decimal") @Nullable String maxPriceDecimal,
			@JsonProperty("limits") @Nullable List<LimitJson> limits,
			@JsonProperty("valid_for") @Nullable Integer validFor,
			@JsonProperty("valid_until") @Nullable Long validUntil) {
		List<AllowanceLimit> read = new ArrayList<>();
		for (LimitJson limit : ApiConventions.list(limits)) {
			Duration period = (limit.time() != null) ? Duration.ofSeconds(limit.time())
					: (limit.period() != null) ? Duration.ofHours(limit.period()) : null;
			read.add(new AllowanceLimit(ApiConventions.requiredMoney(limit.maxPrice(), limit.maxPriceDecimal(), currency,
					"allowance.limits.max_price"), ApiConventions.required(period, "allowance.limits.time")));
		}
		return new Allowance(ApiConventions.required(id, "allowance.id"), transactionKey,
				AllowanceStatus.fromWireValue(status),
				ApiConventions.required(ApiConventions.instant(createdAt), "allowance.created_at"),
				ApiConventions.instant(confirmedAt), wallet, description,
				ApiConventions.money(maxPrice, maxPriceDecimal, currency, "allowance.max_price"), read, validFor,
				ApiConventions.instant(validUntil));
	}

	/** A limit as the API sends it: its currency is the allowance's. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record LimitJson(@JsonProperty("max_price") @Nullable Long maxPrice,
			@JsonProperty("max_price_decimal") @Nullable String maxPriceDecimal,
			@JsonProperty("time") @Nullable Long time, @JsonProperty("period") @Nullable Long period) {
	}

}
