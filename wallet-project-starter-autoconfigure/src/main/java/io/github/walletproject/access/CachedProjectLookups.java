package io.github.walletproject.access;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.client.Project;
import io.github.walletproject.client.ProjectLookups;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The access lists and project details, each in a {@link RefreshingCache}, keyed by who the
 * credentials are and which Wallet API they talk to, and loaded with the starter's own client.
 * {@link #checkedBy(ProjectAccessChecker)} gives the lookups {@code WalletProjects} uses:
 * they check access first, so looking a project up never sends anything for a project the
 * credentials may not use.
 */
public final class CachedProjectLookups implements WalletCaches, AutoCloseable {

	private final String baseUrl;

	private final RefreshingCache<AccessKey, AccessibleProjects> accessLists;

	private final RefreshingCache<DetailsKey, Project> details;

	/** One key per set of credentials, made once: a warm check allocates nothing. */
	private final Map<WalletCredentials, AccessKey> accessKeys = new ConcurrentHashMap<>();

	/**
	 * Create the lookups.
	 * @param baseUrl the Wallet API base URL, part of every key
	 * @param source where access lists come from
	 * @param internal the starter's own calls, for project details
	 * @param factory makes the caches
	 */
	public CachedProjectLookups(String baseUrl, AccessibleProjectsSource source, InternalWalletApi internal,
			CacheFactory factory) {
		Assert.notNull(baseUrl, "Base url must not be null");
		Assert.notNull(source, "Source must not be null");
		Assert.notNull(internal, "Internal must not be null");
		Assert.notNull(factory, "Factory must not be null");
		this.baseUrl = baseUrl;
		this.accessLists = factory.create("access", key -> new AccessibleProjects(source.load(key.credentials())), 0);
		this.details = factory.create("project", key -> internal.project(key.project()), -1);
	}

	/**
	 * The projects a set of credentials may use, as a cached list.
	 * @param credentials the credentials
	 * @return the list
	 * @throws RefreshingCache.LoadFailedException when it cannot be loaded and nothing usable is cached
	 */
	public AccessibleProjects accessList(WalletCredentials credentials) {
		return this.accessLists.get(accessKey(credentials));
	}

	/**
	 * The projects a set of credentials may use, without blocking the calling thread.
	 * @param credentials the credentials
	 * @param offLoop where a load may be started
	 * @return the list, or a future that fails with {@link RefreshingCache.LoadFailedException}
	 */
	public java.util.concurrent.CompletableFuture<AccessibleProjects> accessListAsync(WalletCredentials credentials,
			java.util.concurrent.Executor offLoop) {
		return this.accessLists.getAsync(accessKey(credentials), offLoop);
	}

	/**
	 * Drop what is kept in memory for credentials that will not be used again: a user who
	 * disconnected or reconnected.
	 * @param credentials the credentials
	 */
	public void forget(WalletCredentials credentials) {
		this.accessKeys.remove(credentials);
		this.accessLists.invalidate(new AccessKey(this.baseUrl, credentials));
	}

	private AccessKey accessKey(WalletCredentials credentials) {
		if (credentials.isUser()) {
			// one per user would never shrink: users' keys are made per call
			return new AccessKey(this.baseUrl, credentials);
		}
		AccessKey key = this.accessKeys.get(credentials);
		return (key != null) ? key
				: this.accessKeys.computeIfAbsent(credentials, each -> new AccessKey(this.baseUrl, each));
	}

	/**
	 * The details of a project, without an access check.
	 * @param project the project
	 * @return its details
	 */
	public Project details(ResolvedProject project) {
		try {
			return this.details.get(new DetailsKey(this.baseUrl, project));
		}
		catch (RefreshingCache.LoadFailedException ex) {
			if (ex.getCause() instanceof RuntimeException cause && cause instanceof io.github.walletproject.WalletException) {
				throw cause;
			}
			throw new io.github.walletproject.WalletException("Could not load details of project " + project + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Lookups for {@code WalletProjects} that check access before reading a project.
	 * @param checker the access check
	 * @return the lookups
	 */
	public ProjectLookups checkedBy(ProjectAccessChecker checker) {
		return new ProjectLookups() {

			@Override
			public Project details(ResolvedProject project) {
				checker.check(project);
				return CachedProjectLookups.this.details(project);
			}

			@Override
			public @Nullable Long walletId(ResolvedProject project) {
				Project cached = CachedProjectLookups.this.details.peek(new DetailsKey(CachedProjectLookups.this.baseUrl,
						project));
				return (cached != null) ? cached.walletId() : details(project).walletId();
			}

			@Override
			public List<Project> accessibleProjects(WalletCredentials credentials) {
				return CachedProjectLookups.this.accessibleProjects(credentials);
			}

		};
	}

	/**
	 * The projects a set of credentials may use.
	 * @param credentials the credentials
	 * @return the projects
	 */
	public List<Project> accessibleProjects(WalletCredentials credentials) {
		try {
			return accessList(credentials).projects();
		}
		catch (RefreshingCache.LoadFailedException ex) {
			throw CachingProjectAccessChecker.unavailable(credentials, ex);
		}
	}

	@Override
	public RefreshingCache.@Nullable Entry<AccessibleProjects> cachedAccessList(WalletCredentials credentials) {
		return this.accessLists.entry(accessKey(credentials));
	}

	@Override
	public long cachedProjectDetails() {
		return this.details.size();
	}

	@Override
	public SharedCacheState sharedCacheState() {
		SharedCacheState access = this.accessLists.sharedState();
		SharedCacheState details = this.details.sharedState();
		return (access == SharedCacheState.UNAVAILABLE) ? access : details;
	}

	@Override
	public void clear() {
		this.accessLists.clear();
		this.details.clear();
	}

	@Override
	public void close() {
		this.accessLists.close();
		this.details.close();
	}

	/**
	 * Makes the caches of the lookups.
	 */
	@FunctionalInterface
	public interface CacheFactory {

		/**
		 * Make a cache.
		 * @param <K> the key type
		 * @param <V> the value type
		 * @param name the cache name
		 * @param loader loads a key
		 * @param maximumSize most entries, 0 for no bound, or -1 for the configured bound
		 * @return the cache
		 */
		<K, V extends java.io.Serializable> RefreshingCache<K, V> create(String name, java.util.function.Function<K, V> loader,
				int maximumSize);

	}

}
