package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.StdConverter;

import static io.github.walletproject.money.ApiConventions.instant;
import static io.github.walletproject.money.ApiConventions.money;
import static io.github.walletproject.money.ApiConventions.required;
import static io.github.walletproject.money.ApiConventions.requiredMoney;

/**
 * The wire form of allowances (field names from Paysera's PHP client,
 * {@code Mapper::encodeAllowance} and {@code decodeAllowance}; a limit's period travels as
 * {@code time}, as in the client's newer mapper).
 */
final class AllowanceJson {

	private AllowanceJson() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LimitJson(@JsonProperty("max_price") @Nullable Long maxPrice,
			@JsonProperty("max_price_decimal") @Nullable String maxPriceDecimal,
			@JsonProperty("time") @Nullable Long time, @JsonProperty("period") @Nullable Long period) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record In(@JsonProperty("id") @Nullable Long id, @JsonProperty("transaction_key") @Nullable String transactionKey,
			@JsonProperty("status") @Nullable String status, @JsonProperty("created_at") @Nullable Long createdAt,
			@JsonProperty("confirmed_at") @Nullable Long confirmedAt, @JsonProperty("wallet") @Nullable Long wallet,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("max_price") @Nullable Long maxPrice,
			@JsonProperty("max_price_decimal") @Nullable String maxPriceDecimal,
			@JsonProperty("limits") @Nullable List<LimitJson> limits,
			@JsonProperty("valid_for") @Nullable Integer validFor,
			@JsonProperty("valid_until") @Nullable Long validUntil) {
	}

	static final class Decode extends Decoder<In, Allowance> {

		Decode() {
			super("allowance");
		}

		@Override
		Allowance decode(In in) {
			List<AllowanceLimit> limits = new ArrayList<>();
			for (LimitJson limit : ApiConventions.list(in.limits())) {
				// time is in seconds; the deprecated period was in hours
				java.time.Duration period = (limit.time() != null) ? java.time.Duration.ofSeconds(limit.time())
						: (limit.period() != null) ? java.time.Duration.ofHours(limit.period()) : null;
				limits.add(new AllowanceLimit(
						requiredMoney(limit.maxPrice(), limit.maxPriceDecimal(), in.currency(), "allowance.limits.max_price"),
						required(period, "allowance.limits.time")));
			}
			return new Allowance(required(in.id(), "allowance.id"), in.transactionKey(),
					AllowanceStatus.fromWireValue(in.status()),
					required(instant(in.createdAt()), "allowance.created_at"), instant(in.confirmedAt()), in.wallet(),
					in.description(), money(in.maxPrice(), in.maxPriceDecimal(), in.currency(), "allowance.max_price"),
					limits, in.validFor(), instant(in.validUntil()));
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LimitOut(@JsonProperty("max_price") long maxPrice, @JsonProperty("time") long time) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Out(@JsonProperty("description") @Nullable String description, @JsonProperty("currency") String currency,
			@JsonProperty("max_price") @Nullable Long maxPrice, @JsonProperty("valid_for") @Nullable Integer validFor,
			@JsonProperty("valid_until") @Nullable Long validUntil,
			@JsonProperty("limits") @Nullable List<LimitOut> limits) {
	}

	static final class EncodeRequest extends StdConverter<AllowanceRequest, Out> {

		@Override
		public Out convert(AllowanceRequest request) {
			List<LimitOut> limits = new ArrayList<>();
			for (AllowanceLimit limit : request.limits()) {
				limits.add(new LimitOut(limit.maxPrice().cents(), limit.seconds()));
			}
			Money maxPrice = request.maxPrice();
			return new Out(request.description(), request.currency(), (maxPrice != null) ? maxPrice.cents() : null,
					request.validForHours(), ApiConventions.seconds(request.validUntil()),
					limits.isEmpty() ? null : limits);
		}

	}

}
