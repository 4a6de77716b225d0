package io.github.walletproject.money;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a Wallet API listing, fetched with {@code limit} and {@code offset}.
 *
 * @param <T> the item type
 */
public interface Page<T> {

	/**
	 * The items of this page, in the order the API listed them.
	 * @return the items
	 */
	List<T> items();

	/**
	 * How many items of the whole listing come before this page.
	 * @return the offset
	 */
	long offset();

	/**
	 * The page size that was asked for.
	 * @return the limit
	 */
	int limit();

	/**
	 * The size of the whole listing, when the API says it ({@code _metadata.total}).
	 * @return the total, or empty when the API does not send one
	 */
	OptionalLong total();

	/**
	 * Whether a next page may have items: the total says so, or, without a total, this page
	 * is full.
	 * @return {@code true} when there is more to fetch
	 */
	default boolean hasNext() {
		OptionalLong total = total();
		if (total.isPresent()) {
			return nextOffset() < total.getAsLong();
		}
		return !items().isEmpty() && items().size() >= limit();
	}

	/**
	 * The offset of the next page.
	 * @return {@code offset() + items().size()}
	 */
	default long nextOffset() {
		return offset() + items().size();
	}

}
