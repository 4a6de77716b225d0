package io.github.walletproject.routing;

import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectBinding;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

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

	/**
	 * Choose the route of a request with the caller's project binding and credentials passed
	 * in: those a reactive chain carries in its Reactor {@code Context} instead of the
	 * thread's. Resolvers of a fixed route ignore them.
	 * @param request the request, with its attributes
	 * @param binding the caller's project binding, or {@code null} when it carries none
	 * @param credentials the credentials the caller bound ({@code CredentialsContext}), or
	 * {@code null} to sign with the project's configured ones
	 * @return the route
	 * @throws NoProjectBoundException when the request needs a project and none is chosen
	 */
	default RequestRoute resolve(HttpRequest request, @Nullable ProjectBinding binding,
			@Nullable WalletCredentials credentials) {
		return resolve(request);
	}

}
