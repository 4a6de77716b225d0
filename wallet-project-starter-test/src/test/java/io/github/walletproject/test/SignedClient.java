package io.github.walletproject.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to a {@link MockWalletApi} with the JDK {@link HttpClient}, signing with
 * {@link TestSigner}: host {@code 127.0.0.1}, the mock's port, the raw path and query as sent.
 */
final class SignedClient {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String baseUrl;

	private final int port;

	private final String macId;

	private final String macKey;

	SignedClient(MockWalletApi api, String macId, String macKey) {
		this(api.baseUrl(), api.port(), macId, macKey);
	}

	SignedClient(String baseUrl, int port, String macId, String macKey) {
		this.baseUrl = baseUrl;
		this.port = port;
		this.macId = macId;
		this.macKey = macKey;
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	static String nonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** A signed GET without routing parameters. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send("GET", path, null, "", now(), nonce(), Map.of());
	}

	/** A signed GET for a project. */
	HttpResponse<String> get(String path, long projectId) throws IOException, InterruptedException {
		return send("GET", path, null, "project_id=" + projectId, now(), nonce(), Map.of());
	}

	/** A signed request; {@code encodedParameters} go into ext after the body hash. */
	HttpResponse<String> send(String method, String path, byte[] body, String encodedParameters, long ts, String nonce,
			Map<String, String> headers) throws IOException, InterruptedException {
		return HTTP.send(request(method, path, body, encodedParameters, ts, nonce, headers).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpRequest.Builder request(String method, String path, byte[] body, String encodedParameters, long ts,
			String nonce, Map<String, String> headers) {
		URI uri = URI.create(this.baseUrl + path);
		String requestUri = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		String authorization = TestSigner.sign(this.macId, this.macKey, method, requestUri, "127.0.0.1", this.port, body,
				encodedParameters, ts, nonce);
		HttpRequest.Builder builder = unsigned(method, path, body, headers);
		return builder.header("Authorization", authorization);
	}

	/** A request without an Authorization header. */
	HttpRequest.Builder unsigned(String method, String path, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(builder::header);
		return builder;
	}

	static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
