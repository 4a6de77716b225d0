package io.github.walletproject.routing;

/**
 * Decides, once a route is chosen and before anything is sent, whether the request may go.
 * The routed Wallet client checks that the credentials may act for the route's project.
 */
@FunctionalInterface
public interface RouteCheck {

	/** Lets every route through. */
	RouteCheck NONE = route -> {
	};

	/**
	 * Check a route.
	 * @param route the chosen route
	 * @throws RuntimeException (a {@code WalletException}) when the request must not be sent
	 */
	void check(RequestRoute route);

}
