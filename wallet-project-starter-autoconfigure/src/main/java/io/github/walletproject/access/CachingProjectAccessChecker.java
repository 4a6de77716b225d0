package io.github.walletproject.access;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.Project;
import io.github.walletproject.internal.WalletMetrics;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ResolvedProject;

/**
 * The built-in {@link ProjectAccessChecker}: looks the project up in the cached list of
 * projects its credentials may use. A warm check is a map lookup and a binary search.
 */
public final class CachingProjectAccessChecker implements ProjectAccessChecker, AutoCloseable {

	private final RefreshingCache<AccessibleProjects> cache;

	private final ProjectRegistry registry;

	private final WalletMetrics metrics;

	/**
	 * Create the checker.
	 * @param cache the accessible projects per credentials name
	 * @param registry the configured projects, for messages
	 * @param metrics counts grants and denials
	 */
	public CachingProjectAccessChecker(RefreshingCache<AccessibleProjects> cache, ProjectRegistry registry,
			WalletMetrics metrics) {
		this.cache = cache;
		this.registry = registry;
		this.metrics = metrics;
	}

	/**
	 * A cache loader over a source: credentials name → accessible projects.
	 * @param source the source
	 * @param registry the registry holding the credentials
	 * @return the loader
	 */
	public static Function<String, AccessibleProjects> loader(AccessibleProjectsSource source, ProjectRegistry registry) {
		Map<String, WalletCredentials> byName = registry.allCredentials()
			.stream()
			.collect(Collectors.toUnmodifiableMap(WalletCredentials::name, Function.identity()));
		return name -> {
			WalletCredentials credentials = byName.get(name);
			if (credentials == null) {
				throw new IllegalArgumentException("Unknown credentials '" + name + "'");
			}
			List<Project> projects = source.load(credentials);
			return new AccessibleProjects(projects);
		};
	}

	@Override
	public void check(ResolvedProject project) {
		AccessibleProjects accessible = accessible(project);
		if (accessible.contains(project.id())) {
			this.metrics.accessGranted(project);
			return;
		}
		this.metrics.accessDenied(project);
		throw new ProjectAccessDeniedException("No access to project " + project.idText() + aliasNote(project)
				+ ". Available projects: " + describe(accessible) + ". Checked with credentials '"
				+ project.credentials().name() + "'.", project.id(), accessible.ids());
	}

	/**
	 * The projects a set of credentials may use.
	 * @param credentials the credentials
	 * @return the accessible projects
	 */
	public AccessibleProjects accessible(WalletCredentials credentials) {
		try {
			return this.cache.get(credentials.name());
		}
		catch (RefreshingCache.LoadFailedException ex) {
			throw new ProjectAccessUnavailableException("Cannot check Wallet API project access for credentials '"
					+ credentials.name() + "': " + ex.getMessage() + ". Calls fail closed until the list loads again.",
					ex);
		}
	}

	private AccessibleProjects accessible(ResolvedProject project) {
		try {
			return accessible(project.credentials());
		}
		catch (ProjectAccessUnavailableException ex) {
			this.metrics.accessUnavailable(project);
			throw ex;
		}
	}

	/**
	 * The cache behind this checker.
	 * @return the cache
	 */
	public RefreshingCache<AccessibleProjects> cache() {
		return this.cache;
	}

	/**
	 * Forget every cached list: the next check loads afresh.
	 */
	public void clear() {
		this.cache.clear();
	}

	private static String aliasNote(ResolvedProject project) {
		return (project.alias() != null) ? " ('" + project.alias() + "')" : "";
	}

	private String describe(AccessibleProjects accessible) {
		if (accessible.ids().isEmpty()) {
			return "(none)";
		}
		return accessible.ids().stream().map(id -> {
			ResolvedProject configured = this.registry.byId(id);
			return (configured.alias() != null) ? id + " (" + configured.alias() + ")" : Long.toString(id);
		}).collect(Collectors.joining(", "));
	}

	/**
	 * Stop the background refresher.
	 */
	@Override
	public void close() {
		this.cache.close();
	}

}
