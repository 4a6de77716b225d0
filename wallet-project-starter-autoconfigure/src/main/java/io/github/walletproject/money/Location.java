package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A project's location as the Wallet API returns it: a place where its services are offered.
 *
 * @param id the location id
 * @param projectId the project it belongs to, when the API says it, or {@code null}
 * @param title its title
 * @param description its description, or {@code null}
 * @param address its address, or {@code null}
 * @param lat its latitude, or {@code null}
 * @param lng its longitude, or {@code null}
 * @param radius its radius in meters, or {@code null}
 * @param status whether it is in use
 * @param publicLocation whether it is shown to the public, or {@code null}
 * @param services the services available there ({@code pay}, {@code cash_in}, …)
 * @param workingHours opening hours by day name ({@code monday} …)
 * @param prices its price list
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(long id, @Nullable Long projectId, String title, @Nullable String description,
		@Nullable String address, @Nullable Double lat, @Nullable Double lng, @Nullable Integer radius,
		LocationStatus status, @Nullable Boolean publicLocation, List<String> services,
		Map<String, OpeningHours> workingHours, List<LocationPrice> prices) {

	/**
	 * Copy the collections.
	 */
	public Location {
		services = ApiConventions.list(services);
		workingHours = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(workingHours));
		prices = ApiConventions.list(prices);
	}

	/**
	 * Read a location from the Wallet API's fields ({@code Mapper.php} {@code decodeLocation}):
	 * the services marked available, the working hours with both times, the prices.
	 */
	@JsonCreator
	static Location fromJson(@JsonProperty("id") @Nullable Long id, @JsonProperty("project_id") @Nullable Long projectId,
			@JsonProperty("title") @Nullable String title, @JsonProperty("description") @Nullable String description,
			@JsonProperty("address") @Nullable String address, @JsonProperty("lat") @Nullable Double lat,
			@JsonProperty("lng") @Nullable Double lng, @JsonProperty("radius") @Nullable Integer radius,
			@JsonProperty("status") @Nullable String status, @JsonProperty("public") @Nullable Boolean publicLocation,
			@JsonProperty("services") @Nullable Map<String, LocationJson.ServiceJson> services,
			@JsonProperty("working_hours") @Nullable Map<String, LocationJson.HoursJson> workingHours,
			@JsonProperty("prices") @Nullable List<LocationJson.PriceJson> prices) {
		List<String> available = new ArrayList<>();
		if (services != null) {
			services.forEach((name, service) -> {
				if (service != null && Boolean.TRUE.equals(service.available())) {
					available.add(name);
				}
			});
		}
		Map<String, OpeningHours> hours = new LinkedHashMap<>();
		if (workingHours != null) {
			workingHours.forEach((day, time) -> {
				if (time != null && time.openingTime() != null && time.closingTime() != null) {
					hours.put(day, new OpeningHours(time.openingTime(), time.closingTime()));
				}
			});
		}
		List<LocationPrice> read = new ArrayList<>();
		for (LocationJson.PriceJson price : ApiConventions.list(prices)) {
			LocationJson.MoneyJson amount = price.price();
			Money money = (amount != null) ? ApiConventions.money(amount.amount(), amount.amountDecimal(),
					amount.currency(), "location.prices.price") : null;
			String type = (price.type() != null) ? price.type() : (money != null) ? "price" : "offer";
			read.add(new LocationPrice(ApiConventions.required(price.title(), "location.prices.title"), type, money));
		}
		return new Location(ApiConventions.required(id, "location.id"), projectId,
				ApiConventions.required(title, "location.title"), description, address, lat, lng, radius,
				LocationStatus.fromWireValue(status), publicLocation, available, hours, read);
	}

}
