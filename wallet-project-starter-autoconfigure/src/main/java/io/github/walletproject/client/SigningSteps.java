package io.github.walletproject.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectBinding;
import io.github.walletproject.RoutingParameters;
import io.github.walletproject.WalletClosedException;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.RouteCheck;
import io.github.walletproject.routing.RouteResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;

/**
 * The steps of one Wallet API call, written once for both clients: <b>choose</b> the route
 * ({@link RouteResolver}), <b>check</b> it ({@link RouteCheck}), then for every attempt the
 * {@link Attempts} policy decides, <b>sign</b> afresh ({@link RequestAuthenticator}). The
 * blocking {@link WalletSigningInterceptor} and the reactive {@code WalletExchangeFilter} are
 * thin adapters over these steps: they differ only in how they wait. Once the
 * {@link WalletSigning} they come from is closed, choosing refuses every call, so neither
 * adapter checks, signs or sends anything.
 */
final class SigningSteps {

	private final AtomicBoolean open;

	private final RouteResolver routes;

	private final RouteCheck check;

	private final @Nullable RequestAuthenticator authenticator;

	private final Attempts attempts;

	private final @Nullable String userAgent;

	private final boolean observed;

	private final TransactionCalls transactions;

	SigningSteps(AtomicBoolean open, RouteResolver routes, RouteCheck check,
			@Nullable RequestAuthenticator authenticator, Attempts attempts, @Nullable String userAgent, boolean observed,
			TransactionCalls transactions) {
		this.open = open;
		this.routes = routes;
		this.check = check;
		this.authenticator = authenticator;
		this.attempts = attempts;
		this.userAgent = userAgent;
		this.observed = observed;
		this.transactions = transactions;
	}

	/**
	 * Choose the route of a request: refuse it once the clients are closed, refuse a hand-set
	 * project header, resolve the route with the caller's binding, record it for the
	 * observation and set the {@code User-Agent}.
	 * @param request the request; its headers and attributes may be changed
	 * @param binding the caller's binding (the thread's, or a reactive subscriber's)
	 * @param credentials the credentials the caller bound (the thread's, or a reactive
	 * subscriber's), or {@code null}
	 * @return the route
	 * @throws WalletClosedException once the clients are closed
	 */
	RequestRoute choose(HttpRequest request, @Nullable ProjectBinding binding,
			@Nullable WalletCredentials credentials) {
		if (!this.open.get()) {
			throw closed(request);
		}
		HttpHeaders headers = request.getHeaders();
		if (headers.containsHeader(RequestAuthenticator.PROJECT_HEADER)) {
			throw new InvalidProjectException("The " + RequestAuthenticator.PROJECT_HEADER + " header of "
					+ describe(request) + " was set by hand; the starter sets it from the checked route. "
					+ "Name the project with WalletRequestAttributes.project(...) instead.");
		}
		RequestRoute route = this.routes.resolve(request, binding, credentials);
		if (this.observed) {
			request.getAttributes().put(WalletSigningInterceptor.ROUTE_ATTRIBUTE, route);
		}
		if (this.userAgent != null && !headers.containsHeader(HttpHeaders.USER_AGENT)) {
			headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		}
		return route;
	}

	/** Check a route, waiting for a cold access list if needed. */
	void check(RequestRoute route) {
		this.check.check(route);
	}

	/**
	 * After the check let a route through: hand it to the caller that asked for it with an
	 * {@code AtomicReference} under {@link WalletSigningInterceptor#ROUTE_SINK_ATTRIBUTE}.
	 * @param attributes the request's attributes
	 * @param route the checked route
	 */
	@SuppressWarnings("unchecked")
	static void checked(Map<String, Object> attributes, RequestRoute route) {
		if (attributes.get(WalletSigningInterceptor.ROUTE_SINK_ATTRIBUTE) instanceof AtomicReference<?> sink) {
			((AtomicReference<RequestRoute>) sink).set(route);
		}
	}

	/** Check a route without blocking the calling thread. */
	CompletableFuture<Void> checkAsync(RequestRoute route, Executor offLoop) {
		return this.check.checkAsync(route, offLoop);
	}

	/**
	 * Make signing for a route answer from memory: a user token read from its store, or
	 * refreshed ahead of its expiry, on {@code offLoop} when that may block.
	 * @param route the route
	 * @param offLoop where work that may block runs
	 * @return a future complete at once when there is nothing to do
	 */
	CompletableFuture<Void> prepareAsync(RequestRoute route, Executor offLoop) {
		RequestAuthenticator authenticator = this.authenticator;
		if (authenticator == null || authenticator.ready(route)) {
			return CompletableFuture.completedFuture(null);
		}
		return CompletableFuture.runAsync(() -> authenticator.prepare(route), offLoop);
	}

	/**
	 * Sign one attempt (a fresh timestamp and nonce), recording them in the attempt's state.
	 * @param request the request as it goes on the wire
	 * @param body its body bytes
	 * @param route its route
	 * @param extra routing parameters of the request, or {@code null}
	 * @param state the attempt's state
	 */
	void sign(HttpRequest request, byte[] body, RequestRoute route, @Nullable RoutingParameters extra,
			Attempts.State state) {
		if (this.authenticator != null) {
			state.signerVersion = this.authenticator.authenticate(request, body, route, extra, state);
		}
	}

	/**
	 * What a call is about, for the {@link TransactionObserver}: told after a 2xx answer.
	 * @param request the request as it goes on the wire
	 * @param route its checked route
	 * @return the call, or {@code null} when it is not about a transaction in a project
	 */
	TransactionCalls.@Nullable Call transactionCall(HttpRequest request, RequestRoute route) {
		return this.transactions.of(request, route);
	}

	Attempts attempts() {
		return this.attempts;
	}

	static @Nullable RoutingParameters routingParameters(Map<String, Object> attributes) {
		return (RoutingParameters) attributes.get(WalletRequestAttributes.ROUTING_PARAMETERS);
	}

	/**
	 * The failure of a call made once the clients are closed.
	 * @param request the request
	 * @return the exception, naming the request
	 */
	static WalletClosedException closed(HttpRequest request) {
		return new WalletClosedException("The Wallet API clients are closed (their application context was "
				+ "closed), so " + describe(request) + " was not checked, signed or sent. Finish calls before "
				+ "the application shuts down: stop the executors and schedulers that make them first.");
	}

	static String describe(HttpRequest request) {
		return request.getMethod().name() + " " + request.getURI().getRawPath();
	}

	/**
	 * The URI exactly as it goes on the wire, which is what is signed: no bare {@code ?}, and
	 * characters outside ASCII percent-encoded as UTF-8 (as every HTTP client sends them).
	 * @param uri the URI of the request
	 * @return the same instance when it already is in that form
	 */
	static URI onTheWire(URI uri) {
		String query = uri.getRawQuery();
		boolean emptyQuery = query != null && query.isEmpty();
		String text = uri.toString();
		boolean ascii = isAscii(text);
		if (!emptyQuery && ascii) {
			return uri;
		}
		String wire = ascii ? text : uri.toASCIIString();
		return URI.create(emptyQuery ? wire.substring(0, wire.indexOf('?')) : wire);
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
