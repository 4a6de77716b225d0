package io.github.walletproject.access;

import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * What the starter has cached: the access list of each set of credentials and the project
 * details, for the actuator endpoint and for clearing.
 */
public interface WalletCaches {

	/**
	 * The cached access list of a set of credentials, without loading it.
	 * @param credentials the credentials
	 * @return the list and when it was loaded, or {@code null} when none is cached
	 */
	RefreshingCache.@Nullable Entry<AccessibleProjects> cachedAccessList(WalletCredentials credentials);

	/**
	 * How many project details are cached.
	 * @return the count
	 */
	long cachedProjectDetails();

	/**
	 * The last-known state of the shared cache level ({@code paysera.wallet.access.cache.cache-name}),
	 * as the starter's own reads (and failed writes) left it. Answers from memory and never contacts the
	 * shared cache, so it is safe to call from a health probe.
	 * @return {@code NONE} when no shared cache is configured, {@code UNAVAILABLE} when its
	 * latest use failed, otherwise {@code AVAILABLE}
	 */
	SharedCacheState sharedCacheState();

	/**
	 * Forget every cached access list and project detail, in memory and in the shared cache.
	 * Lookups in flight still answer their callers but store nothing.
	 */
	void clear();

	/**
	 * The last-known state of the shared cache level.
	 */
	enum SharedCacheState {

		/** No shared cache is configured: each instance works from its own memory. */
		NONE,

		/** The latest read of the shared cache worked and no write failed since (or none was tried yet). */
		AVAILABLE,

		/** A read or write failed and no read has worked since: lookups work from memory and the source. */
		UNAVAILABLE

	}

}
