package io.github.walletproject.money;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

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
@JsonDeserialize(converter = LocationJson.Decode.class)
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

}
