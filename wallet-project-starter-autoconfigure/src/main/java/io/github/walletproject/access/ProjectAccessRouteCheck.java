package io.github.walletproject.access;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.RouteCheck;

/**
 * The route check of the routed client: the credentials of a route must be allowed to act
 * for its project. Account-level routes carry no project and are never checked.
 *
 * @param checker checks the project of the route
 */
record ProjectAccessRouteCheck(ProjectAccessChecker checker) implements RouteCheck {

	@Override
	public void check(RequestRoute route) {
		ResolvedProject project = route.project();
		if (project != null) {
			this.checker.check(project);
		}
	}

	@Override
	public CompletableFuture<Void> checkAsync(RequestRoute route, Executor offLoop) {
		ResolvedProject project = route.project();
		return (project != null) ? this.checker.checkAsync(project, offLoop) : CompletableFuture.completedFuture(null);
	}

}
