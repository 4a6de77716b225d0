package io.github.walletproject.benchmarks;

import java.io.IOException;
import java.util.Map;

import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * What a user would write by hand without the starter: one interceptor that signs each
 * request with a fresh timestamp and nonce, taking the {@code ext} parameters from a request
 * attribute. No routing, no access check, no retries, no response limit.
 */
public final class BareSigningInterceptor implements ClientHttpRequestInterceptor {

	/** Request attribute holding the {@code ext} parameters ({@code Map<String, String>}). */
	public static final String EXT_ATTRIBUTE = "bench.ext";

	private final MacSigner signer;

	private final NonceGenerator nonces;

	private final ServerTimeOffset time;

	/**
	 * Create the interceptor.
	 * @param signer the signer
	 * @param nonces the nonce source
	 * @param time the timestamp source
	 */
	public BareSigningInterceptor(MacSigner signer, NonceGenerator nonces, ServerTimeOffset time) {
		this.signer = signer;
		this.nonces = nonces;
		this.time = time;
	}

	@Override
	@SuppressWarnings("unchecked")
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Map<String, String> ext = (Map<String, String>) request.getAttributes().getOrDefault(EXT_ATTRIBUTE, Map.of());
		request.getHeaders()
			.set(HttpHeaders.AUTHORIZATION, this.signer.authorization(request.getMethod().name(), request.getURI(), body,
					ext, this.time.timestamp(), this.nonces.nextNonce()));
		return execution.execute(request, body);
	}

}
