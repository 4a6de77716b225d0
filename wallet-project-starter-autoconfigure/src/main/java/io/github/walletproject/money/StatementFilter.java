package io.github.walletproject.money;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Which statements to list, and which page. Every field is optional.
 *
 * <pre class="code">
 * StatementFilter.all().currencies("EUR").from(start).limit(50);
 * </pre>
 *
 * @param currencies only these currencies, or empty for all
 * @param from only statements at or after this time, or {@code null}
 * @param to only statements at or before this time, or {@code null}
 * @param direction only incoming or outgoing statements, or {@code null} for both
 * @param limit the page size (1 to 200), or {@code null} for the API's default
 * @param offset how many statements to skip, or {@code null} for none
 */
public record StatementFilter(List<String> currencies, @Nullable Instant from, @Nullable Instant to,
		@Nullable StatementDirection direction, @Nullable Integer limit, @Nullable Long offset)
		implements QueryParameters {

	/**
	 * Check the fields.
	 */
	public StatementFilter {
		currencies = ApiConventions.list(currencies);
		if (limit != null) {
			Pages.checkLimit(limit);
		}
		if (offset != null && offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, was " + offset);
		}
		if (direction == StatementDirection.UNKNOWN) {
			throw new IllegalArgumentException("Filter by StatementDirection.IN or OUT");
		}
	}

	/**
	 * Every statement, the API's default page.
	 * @return the filter
	 */
	public static StatementFilter all() {
		return new StatementFilter(List.of(), null, null, null, null, null);
	}

	/**
	 * Only these currencies.
	 * @param currencies the currency codes
	 * @return a copy
	 */
	public StatementFilter currencies(String... currencies) {
		return new StatementFilter(List.of(currencies), this.from, this.to, this.direction, this.limit, this.offset);
	}

	/**
	 * Only statements at or after a time.
	 * @param from the earliest time
	 * @return a copy
	 */
	public StatementFilter from(Instant from) {
		return new StatementFilter(this.currencies, from, this.to, this.direction, this.limit, this.offset);
	}

	/**
	 * Only statements at or before a time.
	 * @param to the latest time
	 * @return a copy
	 */
	public StatementFilter to(Instant to) {
		return new StatementFilter(this.currencies, this.from, to, this.direction, this.limit, this.offset);
	}

	/**
	 * Only incoming or only outgoing statements.
	 * @param direction the direction
	 * @return a copy
	 */
	public StatementFilter direction(StatementDirection direction) {
		return new StatementFilter(this.currencies, this.from, this.to, direction, this.limit, this.offset);
	}

	/**
	 * The page size.
	 * @param limit 1 to 200
	 * @return a copy
	 */
	public StatementFilter limit(int limit) {
		return new StatementFilter(this.currencies, this.from, this.to, this.direction, limit, this.offset);
	}

	/**
	 * How many statements to skip.
	 * @param offset the offset
	 * @return a copy
	 */
	public StatementFilter offset(long offset) {
		return new StatementFilter(this.currencies, this.from, this.to, this.direction, this.limit, offset);
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
		if (!this.currencies.isEmpty()) {
			query.add("currency", String.join(",", this.currencies));
		}
		if (this.from != null) {
			query.add("from", Long.toString(this.from.getEpochSecond()));
		}
		if (this.to != null) {
			query.add("to", Long.toString(this.to.getEpochSecond()));
		}
		if (this.direction != null) {
			query.add("direction", this.direction.wireValue());
		}
		return query;
	}

}
