package io.github.walletproject.client;

import java.io.IOException;
import java.net.URI;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.ProjectBinding;
import io.github.walletproject.RoutingParameters;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.RouteCheck;
import io.github.walletproject.routing.RouteResolver;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * The innermost interceptor of a Wallet API {@code RestClient}: chooses the route of each
 * request ({@link RouteResolver}, with the thread's binding), checks it ({@link RouteCheck}:
 * for the routed client, access to its project), then lets the attempt policy send it, each
 * attempt authenticated afresh from the final URI and body bytes. The blocking adapter of
 * {@link SigningSteps}. After a 2xx answer to a transaction call in a project, tells the
 * {@link TransactionObserver}. Built by {@link WalletSigning}; refuses every request once that
 * is closed.
 */
public final class WalletSigningInterceptor implements ClientHttpRequestInterceptor {

	/** Request attribute under which the chosen {@link RequestRoute} reaches the observation. */
	public static final String ROUTE_ATTRIBUTE = RequestRoute.class.getName();

	/**
	 * Request attribute a caller may set to an {@code AtomicReference<RequestRoute>} to learn the
	 * route its call was checked and sent on. Set by the blocking and the reactive client alike.
	 * (The project of each transaction is recorded by {@link TransactionObserver}, for every call.)
	 */
	public static final String ROUTE_SINK_ATTRIBUTE = RequestRoute.class.getName() + ".sink";

	private final SigningSteps steps;

	private final Sender sender;

	WalletSigningInterceptor(SigningSteps steps, Sender sender) {
		this.steps = steps;
		this.sender = sender;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RequestRoute route = this.steps.choose(request, ProjectBinding.current(), CredentialsContext.current());
		this.steps.check(route);
		SigningSteps.checked(request.getAttributes(), route);
		HttpRequest outgoing = asSent(request);
		RoutingParameters extra = SigningSteps.routingParameters(request.getAttributes());
		ClientHttpResponse response = this.steps.attempts().run(outgoing, route, state -> {
			this.steps.sign(outgoing, body, route, extra, state);
			return this.sender.send(outgoing, body, execution, route);
		});
		TransactionCalls.Call transaction = this.steps.transactionCall(outgoing, route);
		if (transaction == null || !response.getStatusCode().is2xxSuccessful()) {
			return response;
		}
		if (!transaction.needsBody()) {
			transaction.answered(null);
			return response;
		}
		// a created transaction's key is in the answer: read it (bounded, as every answer is) and hand it on
		BufferedResponse buffered = BufferedResponse.read(response, Integer.MAX_VALUE);
		transaction.answered(buffered.bodyBytes());
		return buffered;
	}

	private static HttpRequest asSent(HttpRequest request) {
		URI uri = request.getURI();
		URI sent = SigningSteps.onTheWire(uri);
		if (sent == uri) {
			return request;
		}
		return new HttpRequestWrapper(request) {
			@Override
			public URI getURI() {
				return sent;
			}
		};
	}

}
