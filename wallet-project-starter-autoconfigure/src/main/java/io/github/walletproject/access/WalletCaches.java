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
	 * Forget every cached access list and project detail, in memory and in the shared cache.
	 * Lookups in flight still answer their callers but store nothing.
	 */
	void clear();

}
