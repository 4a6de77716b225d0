package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.StdConverter;


/**
 * The wire form of project locations (field names from Paysera's PHP client,
 * {@code Mapper::encodeLocation}, {@code decodeLocation}, {@code encodeLocationPrice},
 * {@code decodeLocationPrice}, {@code encodeLocationServices}, {@code encodeDayWorkingHours}).
 * A price travels as {@code {"amount": cents, "currency": …}}.
 */
final class LocationJson {

	private LocationJson() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record HoursJson(@JsonProperty("opening_time") @Nullable String openingTime,
			@JsonProperty("closing_time") @Nullable String closingTime) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MoneyJson(@JsonProperty("amount") @Nullable Long amount,
			@JsonProperty("amount_decimal") @Nullable String amountDecimal,
			@JsonProperty("currency") @Nullable String currency) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PriceJson(@JsonProperty("title") @Nullable String title, @JsonProperty("type") @Nullable String type,
			@JsonProperty("price") @Nullable MoneyJson price) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ServiceJson(@JsonProperty("available") @Nullable Boolean available) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MoneyOut(@JsonProperty("amount") long amount, @JsonProperty("currency") String currency) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PriceOut(@JsonProperty("title") String title, @JsonProperty("type") String type,
			@JsonProperty("price") @Nullable MoneyOut price) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Out(@JsonProperty("title") String title, @JsonProperty("description") @Nullable String description,
			@JsonProperty("address") @Nullable String address, @JsonProperty("lat") @Nullable Double lat,
			@JsonProperty("lng") @Nullable Double lng, @JsonProperty("radius") @Nullable Integer radius,
			@JsonProperty("working_hours") @Nullable Map<String, HoursJson> workingHours,
			@JsonProperty("prices") @Nullable List<PriceOut> prices, @JsonProperty("status") @Nullable String status,
			@JsonProperty("services") @Nullable Map<String, ServiceJson> services,
			@JsonProperty("public") @Nullable Boolean publicLocation) {
	}

	static final class EncodeRequest extends StdConverter<LocationRequest, Out> {

		@Override
		public Out convert(LocationRequest request) {
			Map<String, HoursJson> hours = new LinkedHashMap<>();
			request.workingHours()
				.forEach((day, time) -> hours.put(day, new HoursJson(time.openingTime(), time.closingTime())));
			List<PriceOut> prices = new ArrayList<>();
			for (LocationPrice price : request.prices()) {
				Money money = price.price();
				prices.add(new PriceOut(price.title(), price.type(),
						(money != null) ? new MoneyOut(money.cents(), money.currency()) : null));
			}
			Map<String, ServiceJson> services = new LinkedHashMap<>();
			for (String service : request.services()) {
				services.put(service, new ServiceJson(Boolean.TRUE));
			}
			return new Out(request.title(), request.description(), request.address(), request.lat(), request.lng(),
					request.radius(), hours.isEmpty() ? null : hours, prices.isEmpty() ? null : prices,
					(request.status() != null) ? request.status().wireValue() : null,
					services.isEmpty() ? null : services, request.publicLocation());
		}

	}

}
