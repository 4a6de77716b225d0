package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.StdConverter;


/**
 * The wire form of allowances (field names from Paysera's PHP client,
 * {@code Mapper::encodeAllowance} and {@code decodeAllowance}; a limit's period travels as
 * {@code time}, as in the client's newer mapper).
 */
final class AllowanceJson {

	private AllowanceJson() {
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
