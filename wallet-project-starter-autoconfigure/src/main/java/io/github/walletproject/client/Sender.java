package io.github.walletproject.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import io.github.walletproject.routing.RequestRoute;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends one signed attempt: through the rest of the {@code RestClient}'s chain, or, in
 * certificate mode with certificates per project, on the HTTP client of the route's SSL
 * bundle (the signing step is the innermost interceptor, so nothing else would run after it).
 */
@FunctionalInterface
interface Sender {

	/** Sends through the {@code RestClient}'s own request factory. */
	Sender EXECUTION = (request, body, execution, route) -> execution.execute(request, body);

	ClientHttpResponse send(HttpRequest request, byte[] body, ClientHttpRequestExecution execution, RequestRoute route)
			throws IOException;

	/**
	 * A sender that presents each route's own client certificate.
	 * @param factories an HTTP client per SSL bundle name
	 * @return the sender
	 */
	static Sender byCertificate(Map<String, ClientHttpRequestFactory> factories) {
		Map<String, ClientHttpRequestFactory> byBundle = Map.copyOf(factories);
		return (request, body, execution, route) -> {
			String bundle = route.credentials().sslBundle();
			ClientHttpRequestFactory factory = (bundle != null) ? byBundle.get(bundle) : null;
			if (factory == null) {
				// never fall back to another certificate
				throw new IllegalStateException("No HTTP client for the SSL bundle of " + route);
			}
			ClientHttpRequest outgoing = factory.createRequest(request.getURI(), request.getMethod());
			outgoing.getHeaders().putAll(request.getHeaders());
			outgoing.getAttributes().putAll(request.getAttributes());
			if (body.length > 0) {
				outgoing.getHeaders().setContentLength(body.length);
				try (OutputStream out = outgoing.getBody()) {
					out.write(body);
				}
			}
			return outgoing.execute();
		};
	}

}
