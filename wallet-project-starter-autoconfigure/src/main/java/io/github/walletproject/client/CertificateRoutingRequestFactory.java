package io.github.walletproject.client;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * In certificate mode with projects that have SSL bundles of their own: creates each request
 * on the HTTP client of the bundle chosen for it. {@link WalletClientInterceptor} selects the
 * bundle around the actual send, on the sending thread. A bundle without a client here
 * fails the request: it never falls back to another certificate.
 */
public final class CertificateRoutingRequestFactory implements ClientHttpRequestFactory {

	private static final ThreadLocal<String> SELECTED = new ThreadLocal<>();

	private final String defaultBundle;

	private final Map<String, ClientHttpRequestFactory> factories;

	/**
	 * Create the factory.
	 * @param defaultBundle the bundle of the default credentials
	 * @param factories a request factory per bundle name, the default one included
	 */
	public CertificateRoutingRequestFactory(String defaultBundle, Map<String, ClientHttpRequestFactory> factories) {
		if (!factories.containsKey(defaultBundle)) {
			throw new IllegalArgumentException("No request factory for the default SSL bundle " + defaultBundle);
		}
		this.defaultBundle = defaultBundle;
		this.factories = Map.copyOf(factories);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		String bundle = SELECTED.get();
		ClientHttpRequestFactory factory = this.factories.get((bundle != null) ? bundle : this.defaultBundle);
		if (factory == null) {
			throw new IllegalStateException("No HTTP client for SSL bundle '" + bundle + "'");
		}
		return factory.createRequest(uri, httpMethod);
	}

	static @Nullable String select(@Nullable String bundle) {
		String previous = SELECTED.get();
		if (bundle == null) {
			SELECTED.remove();
		}
		else {
			SELECTED.set(bundle);
		}
		return previous;
	}

	static void restore(@Nullable String previous) {
		if (previous == null) {
			SELECTED.remove();
		}
		else {
			SELECTED.set(previous);
		}
	}

}
