package io.github.walletproject.routing;

import io.github.walletproject.NoProjectBoundException;

import org.springframework.http.HttpRequest;

/**
 * Chooses the route of one request: which credentials sign it and which project, if any, it
 * is for. The signing step of the Wallet client asks one of these before every request.
 */
@FunctionalInterface
public interface RouteResolver {

	/**
	 * Choose the route of a request.
	 * @param request the request, with its attributes
	 * @return the route
	 * @throws NoProjectBoundException when the request needs a project and none is chosen
	 */
	RequestRoute resolve(HttpRequest request);

}
