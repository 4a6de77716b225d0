package io.github.walletproject.access;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.RouteCheck;

/**
 * Decides, before a request is built, whether the project's credentials may act for it.
 * Declare a bean of this type to replace the built-in checks.
 */
@FunctionalInterface
public interface ProjectAccessChecker {

	/** Lets every project through ({@code paysera.wallet.access.source=none}). */
	ProjectAccessChecker NONE = new ProjectAccessChecker() {

		@Override
		public void check(ResolvedProject project) {
		}

		@Override
		public CompletableFuture<Void> checkAsync(ResolvedProject project, Executor offLoop) {
			return CompletableFuture.completedFuture(null);
		}

	};

	/**
	 * Check one project.
	 * @param project the project a call is routed to
	 * @throws ProjectAccessDeniedException when the credentials may not use it
	 * @throws ProjectAccessUnavailableException when it cannot be decided (fail closed)
	 */
	void check(ResolvedProject project);

	/**
	 * Check one project without blocking the calling thread (the reactive client calls this
	 * on an event loop). By default {@link #check} runs on {@code offLoop}; the built-in
	 * checker answers a warm check at once and loads a cold list off the calling thread.
	 * @param project the project a call is routed to
	 * @param offLoop where work that may block runs
	 * @return a future that completes when the call may go, or fails with the exception
	 * {@link #check} would throw
	 */
	default CompletableFuture<Void> checkAsync(ResolvedProject project, Executor offLoop) {
		return CompletableFuture.runAsync(() -> check(project), offLoop);
	}

	/**
	 * The built-in checker: the route's project must be in the cached access list of its
	 * credentials.
	 * @param lookups the cached access lists and project details
	 * @param registry the configured projects
	 * @param metrics where refusals are counted
	 * @return the checker
	 */
	static ProjectAccessChecker caching(CachedProjectLookups lookups, ProjectRegistry registry, WalletMetrics metrics) {
		return new CachingProjectAccessChecker(lookups, registry, metrics);
	}

	/**
	 * The route check of the Wallet clients over a checker: the credentials of a route must be
	 * allowed to act for its project; account-level routes carry no project and are never
	 * checked.
	 * @param checker checks the project of a route
	 * @return the route check
	 */
	static RouteCheck routeCheck(ProjectAccessChecker checker) {
		return new ProjectAccessRouteCheck(checker);
	}

}
