package io.github.walletproject.client;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.walletproject.RoutingParameters;
import io.github.walletproject.WalletClosedException;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.RouteCheck;
import io.github.walletproject.routing.RouteResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * The innermost interceptor of a Wallet API {@code RestClient}: chooses the route of each
 * request ({@link RouteResolver}), checks it ({@link RouteCheck}: for the routed client,
 * access to its project), then lets the attempt policy send it, each attempt authenticated
 * afresh from the final URI and body bytes. Built by {@link WalletSigning}; refuses every
 * request once that is closed.
 */
public final class WalletSigningInterceptor implements ClientHttpRequestInterceptor {

	/** Request attribute under which the chosen {@link RequestRoute} reaches the observation. */
	public static final String ROUTE_ATTRIBUTE = RequestRoute.class.getName();

	private final AtomicBoolean open;
	/**
	 * Request attribute a caller may set to an {@code AtomicReference<RequestRoute>} to learn the
	 * route its call was checked and sent on (the starter records the project a transaction
	 * was created in this way).
	 */
	public static final String ROUTE_SINK_ATTRIBUTE = RequestRoute.class.getName() + ".sink";

	private final RouteResolver routes;

	private final RouteCheck check;

	private final @Nullable RequestAuthenticator authenticator;

	private final Attempts attempts;

	private final Sender sender;

	private final @Nullable String userAgent;

	private final boolean observed;

	WalletSigningInterceptor(AtomicBoolean open, RouteResolver routes, RouteCheck check,
			@Nullable RequestAuthenticator authenticator, Attempts attempts, Sender sender, @Nullable String userAgent,
			boolean observed) {
		this.open = open;
		this.routes = routes;
		this.check = check;
		this.authenticator = authenticator;
		this.attempts = attempts;
		this.sender = sender;
		this.userAgent = userAgent;
		this.observed = observed;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.open.get()) {
			throw new WalletClosedException("The Wallet API clients are closed (their application context was "
					+ "closed), so " + describe(request) + " was not checked, signed or sent. Finish calls before "
					+ "the application shuts down: stop the executors and schedulers that make them first.");
		}
		HttpHeaders headers = request.getHeaders();
		if (headers.containsHeader(RequestAuthenticator.PROJECT_HEADER)) {
			throw new io.github.walletproject.InvalidProjectException("The " + RequestAuthenticator.PROJECT_HEADER
					+ " header of " + describe(request) + " was set by hand; the starter sets it from the checked route. "
					+ "Name the project with WalletRequestAttributes.project(...) instead.");
		}
		RequestRoute route = this.routes.resolve(request);
		if (this.observed) {
			request.getAttributes().put(ROUTE_ATTRIBUTE, route);
		}
		this.check.check(route);
		if (request.getAttributes().get(ROUTE_SINK_ATTRIBUTE) instanceof AtomicReference<?> sink) {
			@SuppressWarnings("unchecked")
			AtomicReference<RequestRoute> routeSink = (AtomicReference<RequestRoute>) sink;
			routeSink.set(route);
		}
		if (this.userAgent != null && !headers.containsHeader(HttpHeaders.USER_AGENT)) {
			headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		}
		HttpRequest outgoing = asSent(request);
		RoutingParameters extra = (RoutingParameters) request.getAttributes()
			.get(WalletRequestAttributes.ROUTING_PARAMETERS);
		return this.attempts.run(outgoing, route, state -> {
			if (this.authenticator != null) {
				state.signerVersion = this.authenticator.authenticate(outgoing, body, route, extra, state);
			}
			return this.sender.send(outgoing, body, execution, route);
		});
	}

	static String describe(HttpRequest request) {
		return request.getMethod().name() + " " + request.getURI().getRawPath();
	}

	/**
	 * The request with its URI exactly as it goes on the wire, which is what is signed: no
	 * bare {@code ?}, and characters outside ASCII percent-encoded as UTF-8 (as every HTTP
	 * client sends them).
	 */
	private static HttpRequest asSent(HttpRequest request) {
		URI uri = request.getURI();
		String query = uri.getRawQuery();
		boolean emptyQuery = query != null && query.isEmpty();
		String text = uri.toString();
		boolean ascii = isAscii(text);
		if (!emptyQuery && ascii) {
			return request;
		}
		String wire = ascii ? text : uri.toASCIIString();
		URI sent = URI.create(emptyQuery ? wire.substring(0, wire.indexOf('?')) : wire);
		return new HttpRequestWrapper(request) {
			@Override
			public URI getURI() {
				return sent;
			}
		};
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
