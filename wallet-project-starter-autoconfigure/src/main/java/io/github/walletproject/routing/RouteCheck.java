package io.github.walletproject.routing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Decides, once a route is chosen and before anything is sent, whether the request may go.
 * The routed Wallet client checks that the credentials may act for the route's project.
 */
@FunctionalInterface
public interface RouteCheck {

	/** Lets every route through. */
	RouteCheck NONE = new RouteCheck() {

		@Override
		public void check(RequestRoute route) {
		}

		@Override
		public CompletableFuture<Void> checkAsync(RequestRoute route, Executor offLoop) {
			return CompletableFuture.completedFuture(null);
		}

	};

	/**
	 * Check a route.
	 * @param route the chosen route
	 * @throws RuntimeException (a {@code WalletException}) when the request must not be sent
	 */
	void check(RequestRoute route);

	/**
	 * Check a route without blocking the calling thread (the reactive client calls this on an
	 * event loop). By default {@link #check} runs on {@code offLoop}.
	 * @param route the chosen route
	 * @param offLoop where work that may block runs
	 * @return a future that completes when the request may go, or fails as {@link #check} would throw
	 */
	default CompletableFuture<Void> checkAsync(RequestRoute route, Executor offLoop) {
		return CompletableFuture.runAsync(() -> check(route), offLoop);
	}

}
