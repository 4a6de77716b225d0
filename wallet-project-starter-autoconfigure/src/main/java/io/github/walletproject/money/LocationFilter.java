package io.github.walletproject.money;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Which locations of a project to list, and which page. Every field is optional.
 *
 * @param statuses only locations with these statuses, or empty for all
 * @param updatedAfter only locations changed after this time, or {@code null}
 * @param limit the page size (1 to 200), or {@code null} for the API's default
 * @param offset how many locations to skip, or {@code null} for none
 */
public record LocationFilter(List<LocationStatus> statuses, @Nullable Instant updatedAfter, @Nullable Integer limit,
		@Nullable Long offset) implements QueryParameters {

	/**
	 * Check the fields.
	 */
	public LocationFilter {
		statuses = ApiConventions.list(statuses);
		if (statuses.contains(LocationStatus.UNKNOWN)) {
			throw new IllegalArgumentException("Filter by LocationStatus.ACTIVE or INACTIVE");
		}
		if (limit != null) {
			Pages.checkLimit(limit);
		}
		if (offset != null && offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, was " + offset);
		}
	}

	/**
	 * Every location, the API's default page.
	 * @return the filter
	 */
	public static LocationFilter all() {
		return new LocationFilter(List.of(), null, null, null);
	}

	/**
	 * Only locations with these statuses.
	 * @param statuses the statuses
	 * @return a copy
	 */
	public LocationFilter statuses(LocationStatus... statuses) {
		return new LocationFilter(List.of(statuses), this.updatedAfter, this.limit, this.offset);
	}

	/**
	 * Only locations changed after a time.
	 * @param updatedAfter the time
	 * @return a copy
	 */
	public LocationFilter updatedAfter(Instant updatedAfter) {
		return new LocationFilter(this.statuses, updatedAfter, this.limit, this.offset);
	}

	/**
	 * The page size.
	 * @param limit 1 to 200
	 * @return a copy
	 */
	public LocationFilter limit(int limit) {
		return new LocationFilter(this.statuses, this.updatedAfter, limit, this.offset);
	}

	/**
	 * How many locations to skip.
	 * @param offset the offset
	 * @return a copy
	 */
	public LocationFilter offset(long offset) {
		return new LocationFilter(this.statuses, this.updatedAfter, this.limit, offset);
	}

	@Override
	public MultiValueMap<String, String> toQueryParameters() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (this.limit != null) {
			query.add("limit", this.limit.toString());
		}
		if (this.offset != null) {
			query.add("offset", this.offset.toString());
		}
		if (!this.statuses.isEmpty()) {
			query.add("status", String.join(",", this.statuses.stream().map(LocationStatus::wireValue).toList()));
		}
		if (this.updatedAfter != null) {
			query.add("updated_after", Long.toString(this.updatedAfter.getEpochSecond()));
		}
		return query;
	}

}
