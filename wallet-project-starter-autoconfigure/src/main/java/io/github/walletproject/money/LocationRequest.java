package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A location to create or update. Fields left {@code null} are not sent (on update, they keep
 * their value).
 *
 * <pre class="code">
 * LocationRequest.builder("Vilnius shop").address("Gedimino pr. 1").coordinates(54.687, 25.279)
 *     .service("pay").openingHours("monday", "09:00", "18:00").build();
 * </pre>
 *
 * @param title its title
 * @param description its description, or {@code null}
 * @param address its address, or {@code null}
 * @param lat its latitude, or {@code null}
 * @param lng its longitude, or {@code null}
 * @param radius its radius in meters, or {@code null}
 * @param status whether it is in use, or {@code null}
 * @param publicLocation whether it is shown to the public, or {@code null}
 * @param services the services available there, possibly empty
 * @param workingHours opening hours by day name, possibly empty
 * @param prices its price list, possibly empty
 */
@JsonSerialize(converter = LocationJson.EncodeRequest.class)
public record LocationRequest(String title, @Nullable String description, @Nullable String address,
		@Nullable Double lat, @Nullable Double lng, @Nullable Integer radius, @Nullable LocationStatus status,
		@Nullable Boolean publicLocation, List<String> services, Map<String, OpeningHours> workingHours,
		List<LocationPrice> prices) {

	/**
	 * Check the fields.
	 */
	public LocationRequest {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A location needs a title");
		}
		if ((lat == null) != (lng == null)) {
			throw new IllegalArgumentException("A location has both coordinates or neither");
		}
		if (status == LocationStatus.UNKNOWN) {
			throw new IllegalArgumentException("Set LocationStatus.ACTIVE or INACTIVE");
		}
		services = ApiConventions.list(services);
		workingHours = Collections.unmodifiableMap(new LinkedHashMap<>(workingHours));
		prices = ApiConventions.list(prices);
	}

	/**
	 * Start building a location.
	 * @param title its title
	 * @return a builder
	 */
	public static Builder builder(String title) {
		return new Builder(title);
	}

	/**
	 * Builds a {@link LocationRequest}.
	 */
	public static final class Builder {

		private final String title;

		private @Nullable String description;

		private @Nullable String address;

		private @Nullable Double lat;

		private @Nullable Double lng;

		private @Nullable Integer radius;

		private @Nullable LocationStatus status;

		private @Nullable Boolean publicLocation;

		private final List<String> services = new ArrayList<>();

		private final Map<String, OpeningHours> workingHours = new LinkedHashMap<>();

		private final List<LocationPrice> prices = new ArrayList<>();

		private Builder(String title) {
			this.title = title;
		}

		/**
		 * Its description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/**
		 * Its address.
		 * @param address the address
		 * @return this builder
		 */
		public Builder address(String address) {
			this.address = address;
			return this;
		}

		/**
		 * Its coordinates.
		 * @param lat the latitude
		 * @param lng the longitude
		 * @return this builder
		 */
		public Builder coordinates(double lat, double lng) {
			this.lat = lat;
			this.lng = lng;
			return this;
		}

		/**
		 * Its radius.
		 * @param meters the radius in meters
		 * @return this builder
		 */
		public Builder radius(int meters) {
			this.radius = meters;
			return this;
		}

		/**
		 * Whether it is in use.
		 * @param status the status
		 * @return this builder
		 */
		public Builder status(LocationStatus status) {
			this.status = status;
			return this;
		}

		/**
		 * Whether it is shown to the public.
		 * @param publicLocation whether it is
		 * @return this builder
		 */
		public Builder publicLocation(boolean publicLocation) {
			this.publicLocation = publicLocation;
			return this;
		}

		/**
		 * A service available there.
		 * @param service such as {@code pay}, {@code cash_in}, {@code cash_out}, {@code identification}
		 * @return this builder
		 */
		public Builder service(String service) {
			this.services.add(service);
			return this;
		}

		/**
		 * The opening hours of a day.
		 * @param day the day, such as {@code monday}
		 * @param openingTime when it opens, such as {@code 09:00}
		 * @param closingTime when it closes, such as {@code 18:00}
		 * @return this builder
		 */
		public Builder openingHours(String day, String openingTime, String closingTime) {
			this.workingHours.put(day, new OpeningHours(openingTime, closingTime));
			return this;
		}

		/**
		 * A price list entry.
		 * @param price the entry
		 * @return this builder
		 */
		public Builder price(LocationPrice price) {
			this.prices.add(price);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public LocationRequest build() {
			return new LocationRequest(this.title, this.description, this.address, this.lat, this.lng, this.radius,
					this.status, this.publicLocation, this.services, this.workingHours, this.prices);
		}

	}

}
