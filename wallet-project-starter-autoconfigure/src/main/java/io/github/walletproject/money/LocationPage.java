package io.github.walletproject.money;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a project's locations. The API answers this listing with a bare list and no
 * total, so the page knows the offset and limit it was asked for, and {@link #hasNext()} is
 * true while pages come back full.
 *
 * @param items the locations of this page
 * @param offset the offset asked for
 * @param limit the page size asked for
 */
public record LocationPage(List<Location> items, long offset, int limit) implements Page<Location> {

	/**
	 * Copy the locations.
	 */
	public LocationPage {
		items = ApiConventions.list(items);
	}

	@Override
	public OptionalLong total() {
		return OptionalLong.empty();
	}

}
