package io.github.walletproject.client;

import io.github.walletproject.ResolvedProject;

/**
 * Events the starter counts. The Micrometer implementation lives in the metrics
 * auto-configuration; without Micrometer, {@link #NONE} is used.
 * <p>
 * Internal API: not for use outside this library.
 */
public interface WalletMetrics {

	/** Records nothing. */
	WalletMetrics NONE = new WalletMetrics() {
	};

	/**
	 * An access check let a call through.
	 * @param project the project
	 */
	default void accessGranted(ResolvedProject project) {
	}

	/**
	 * An access check refused a call.
	 * @param project the project
	 */
	default void accessDenied(ResolvedProject project) {
	}

	/**
	 * An access check could not decide and failed closed.
	 * @param project the project
	 */
	default void accessUnavailable(ResolvedProject project) {
	}

	/**
	 * The accessible-projects cache answered from memory.
	 * @param cache the cache name
	 */
	default void cacheHit(String cache) {
	}

	/**
	 * The accessible-projects cache had nothing usable.
	 * @param cache the cache name
	 */
	default void cacheMiss(String cache) {
	}

	/**
	 * A cache load finished.
	 * @param cache the cache name
	 * @param nanos how long it took
	 * @param success whether it produced a value
	 */
	default void cacheLoad(String cache, long nanos, boolean success) {
	}

	/**
	 * A request was sent again.
	 * @param reason why: {@code status_502}, {@code io_error}, {@code invalid_timestamp}…
	 */
	default void retry(String reason) {
	}

}
