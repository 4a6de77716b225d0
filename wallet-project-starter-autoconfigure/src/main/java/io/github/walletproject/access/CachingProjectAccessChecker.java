package io.github.walletproject.access;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.routing.ProjectRegistry;
import org.springframework.util.Assert;

/**
 * The built-in {@link ProjectAccessChecker}: looks the project up in the cached list of
 * projects its credentials may use. A warm check is a map lookup and a binary search.
 */
final class CachingProjectAccessChecker implements ProjectAccessChecker {

	private final CachedProjectLookups lookups;

	private final ProjectRegistry registry;

	private final WalletMetrics metrics;

	/**
	 * Create the checker.
	 * @param lookups the cached access lists
	 * @param registry the configured projects, for messages
	 * @param metrics counts grants and denials
	 */
	CachingProjectAccessChecker(CachedProjectLookups lookups, ProjectRegistry registry, WalletMetrics metrics) {
		Assert.notNull(lookups, "Lookups must not be null");
		Assert.notNull(registry, "Registry must not be null");
		Assert.notNull(metrics, "Metrics must not be null");
		this.lookups = lookups;
		this.registry = registry;
		this.metrics = metrics;
	}

	@Override
	public void check(ResolvedProject project) {
		AccessibleProjects accessible;
		try {
			accessible = this.lookups.accessList(project.credentials());
		}
		catch (RefreshingCache.LoadFailedException ex) {
			this.metrics.accessUnavailable(project);
			throw unavailable(project.credentials(), ex);
		}
		decide(project, accessible);
	}

	@Override
	public CompletableFuture<Void> checkAsync(ResolvedProject project, Executor offLoop) {
		return this.lookups.accessListAsync(project.credentials(), offLoop).handle((accessible, ex) -> {
			if (ex != null) {
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				if (cause instanceof RefreshingCache.LoadFailedException failed) {
					this.metrics.accessUnavailable(project);
					throw unavailable(project.credentials(), failed);
				}
				throw (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
			}
			decide(project, accessible);
			return null;
		});
	}

	private void decide(ResolvedProject project, AccessibleProjects accessible) {
		if (accessible.contains(project.id())) {
			this.metrics.accessGranted(project);
			return;
		}
		this.metrics.accessDenied(project);
		throw new ProjectAccessDeniedException("No access to project " + project.idText()
				+ ((project.alias() != null) ? " ('" + project.alias() + "')" : "") + ". Available projects: "
				+ describe(accessible) + ". Checked with credentials '" + project.credentials().name() + "'.",
				project.id(), accessible.ids());
	}

	static ProjectAccessUnavailableException unavailable(WalletCredentials credentials,
			RefreshingCache.LoadFailedException ex) {
		return new ProjectAccessUnavailableException("Cannot check Wallet API project access for credentials '"
				+ credentials.name() + "': " + ex.getMessage() + ". Calls fail closed until the list loads again.", ex);
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

}
