package io.github.walletproject.money;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.walletproject.ProjectContext;
import org.jspecify.annotations.Nullable;

/**
 * Lazy streams over paged Wallet API listings. A stream fetches its first page when it is first
 * read and each next page when the previous one is used up, so it may be read long after the
 * code that created it has returned, on another thread, or never.
 * <p>
 * A project binding does not survive that: the stream captures the binding of the thread that
 * creates it ({@link ProjectContext#current()}) and binds it again around every page fetch,
 * so every page goes to the project the stream was created for. When nothing was bound at
 * creation, nothing is invented: pages are fetched with no binding of the stream's own, and
 * reading such a stream inside some other binding is refused, because its pages would go to
 * that other project.
 */
final class Pages {

	/** The API's largest page. */
	static final int MAX_LIMIT = 200;

	/** The page size of a stream whose filter names none. */
	static final int DEFAULT_STREAM_LIMIT = 100;

	private Pages() {
	}

	/**
	 * A lazy stream over every item from an offset on.
	 * @param <T> the item type
	 * @param what what is listed, for messages ({@code "statements of wallet 2112"})
	 * @param firstOffset the offset of the first page
	 * @param limit the page size, 1 to {@value #MAX_LIMIT}
	 * @param fetcher fetches one page
	 * @return the stream
	 */
	static <T> Stream<T> stream(String what, long firstOffset, int limit, Fetcher<T> fetcher) {
		checkLimit(limit);
		if (firstOffset < 0) {
			throw new IllegalArgumentException("The offset of " + what + " must not be negative, was " + firstOffset);
		}
		String project = ProjectContext.current().orElse(null);
		return StreamSupport.stream(new PageSpliterator<>(what, project, firstOffset, limit, fetcher), false);
	}

	static int checkLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException(
					"A Wallet API page holds 1 to " + MAX_LIMIT + " items; limit " + limit + " is out of range");
		}
		return limit;
	}

	/**
	 * Fetches one page.
	 * @param <T> the item type
	 */
	@FunctionalInterface
	interface Fetcher<T> {

		/**
		 * Fetch a page.
		 * @param offset its offset
		 * @param limit its size
		 * @return the page
		 */
		Page<T> fetch(long offset, int limit);

	}

	private static final class PageSpliterator<T> extends Spliterators.AbstractSpliterator<T> {

		private final String what;

		private final @Nullable String project;

		private final int limit;

		private final Fetcher<T> fetcher;

		private long nextOffset;

		private boolean lastPage;

		private @Nullable Iterator<T> items;

		PageSpliterator(String what, @Nullable String project, long firstOffset, int limit, Fetcher<T> fetcher) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.what = what;
			this.project = project;
			this.nextOffset = firstOffset;
			this.limit = limit;
			this.fetcher = fetcher;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			while (this.items == null || !this.items.hasNext()) {
				if (this.lastPage) {
					return false;
				}
				long offset = this.nextOffset;
				Page<T> page = fetch(offset);
				int size = page.items().size();
				this.nextOffset = offset + size;
				this.lastPage = size == 0 || (page.total().isPresent() ? this.nextOffset >= page.total().getAsLong()
						: size < this.limit);
				this.items = page.items().iterator();
			}
			action.accept(this.items.next());
			return true;
		}

		private Page<T> fetch(long offset) {
			if (this.project != null) {
				return ProjectContext.callWith(this.project, () -> this.fetcher.fetch(offset, this.limit));
			}
			String bound = ProjectContext.current().orElse(null);
			if (bound != null) {
				throw new IllegalStateException("The stream of " + this.what
						+ " was created with no Wallet project bound and is being read inside the binding of '" + bound
						+ "'; its next page would go to '" + bound + "' instead of the project it was created for. "
						+ "Create the stream inside that binding (@WalletProject or ProjectContext.callWith(\"" + bound
						+ "\", ...)), or read it outside any binding.");
			}
			return this.fetcher.fetch(offset, this.limit);
		}

	}

}
