package io.github.walletproject.money;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Which transactions {@code GET transactions} lists, and which page: by location, status and
 * creation time ({@code location_id}, {@code status}, {@code from}, as the Java SDK's
 * {@code WalletApiClient.getTransactions} sends them), {@code limit} and {@code offset}. The
 * project is the bound one: it travels signed, as for every call, and no {@code project_id}
 * query parameter is added (a second, unsigned project could only disagree with it).
 *
 * @param locationId the location, or {@code null}
 * @param status the status, or {@code null}
 * @param from the earliest creation time, or {@code null}
 * @param limit the page size (1 to 200), or {@code null} for the API's default
 * @param offset the first item, or {@code null}
 */
public record TransactionFilter(@Nullable Long locationId, @Nullable TransactionStatus status, @Nullable Instant from,
		@Nullable Integer limit, @Nullable Long offset) implements QueryParameters {

	/**
	 * Check the page.
	 */
	public TransactionFilter {
		if (limit != null && (limit < 1 || limit > 200)) {
			throw new IllegalArgumentException("A page holds 1 to 200 transactions, not " + limit);
		}
		if (offset != null && offset < 0) {
			throw new IllegalArgumentException("The offset must not be negative");
		}
		if (status == TransactionStatus.UNKNOWN) {
			throw new IllegalArgumentException("UNKNOWN is not a status to filter by");
		}
	}

	/**
	 * Every transaction of the bound project.
	 * @return the filter
	 */
	public static TransactionFilter all() {
		return new TransactionFilter(null, null, null, null, null);
	}

	/**
	 * @param locationId the location
	 * @return a copy made at this location only
	 */
	public TransactionFilter location(long locationId) {
		return new TransactionFilter(locationId, this.status, this.from, this.limit, this.offset);
	}

	/**
	 * @param status the status
	 * @return a copy with this status only
	 */
	public TransactionFilter status(TransactionStatus status) {
		return new TransactionFilter(this.locationId, status, this.from, this.limit, this.offset);
	}

	/**
	 * @param from the earliest creation time
	 * @return a copy created at or after it
	 */
	public TransactionFilter from(Instant from) {
		return new TransactionFilter(this.locationId, this.status, from, this.limit, this.offset);
	}

	/**
	 * @param limit the page size
	 * @return a copy with this page size
	 */
	public TransactionFilter limit(int limit) {
		return new TransactionFilter(this.locationId, this.status, this.from, limit, this.offset);
	}

	/**
	 * @param offset the first item
	 * @return a copy from this item
	 */
	public TransactionFilter offset(long offset) {
		return new TransactionFilter(this.locationId, this.status, this.from, this.limit, offset);
	}

	@Override
	public MultiValueMap<String, String> toQueryParameters() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (this.locationId != null) {
			query.add("location_id", this.locationId.toString());
		}
		if (this.status != null) {
			query.add("status", this.status.wireValue());
		}
		if (this.from != null) {
			query.add("from", Long.toString(this.from.getEpochSecond()));
		}
		if (this.limit != null) {
			query.add("limit", this.limit.toString());
		}
		if (this.offset != null) {
			query.add("offset", this.offset.toString());
		}
		return query;
	}

}
