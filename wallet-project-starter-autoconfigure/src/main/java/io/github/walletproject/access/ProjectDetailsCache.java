package io.github.walletproject.access;

import java.util.function.Function;

import io.github.walletproject.client.Project;
import io.github.walletproject.WalletException;
import io.github.walletproject.routing.ResolvedProject;

/**
 * Project details ({@code GET project/{id}}) cached like the access lists: coalesced,
 * refreshed ahead, stale on error, then failing. Keyed by credentials and project id.
 */
public final class ProjectDetailsCache implements AutoCloseable {

	private final RefreshingCache<Project> cache;

	/**
	 * Create the cache.
	 * @param cache the underlying cache, keyed {@code credentials:id}
	 */
	public ProjectDetailsCache(RefreshingCache<Project> cache) {
		this.cache = cache;
	}

	/**
	 * A cache loader fetching project details.
	 * @param fetch fetches one project by id
	 * @return the loader
	 */
	public static Function<String, Project> loader(Function<Long, Project> fetch) {
		return key -> fetch.apply(Long.parseLong(key.substring(key.lastIndexOf(':') + 1)));
	}

	/**
	 * The details of a project.
	 * @param project the project
	 * @return its details
	 */
	public Project get(ResolvedProject project) {
		try {
			return this.cache.get(project.credentials().name() + ':' + project.idText());
		}
		catch (RefreshingCache.LoadFailedException ex) {
			if (ex.getCause() instanceof WalletException walletException) {
				throw walletException;
			}
			throw new WalletException("Could not load details of project " + project + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The cache behind this one.
	 * @return the cache
	 */
	public RefreshingCache<Project> cache() {
		return this.cache;
	}

	/**
	 * Forget all details.
	 */
	public void clear() {
		this.cache.clear();
	}

	/**
	 * Stop the background refresher.
	 */
	@Override
	public void close() {
		this.cache.close();
	}

}
