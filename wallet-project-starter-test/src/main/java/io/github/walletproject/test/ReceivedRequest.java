package io.github.walletproject.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the {@link MockWalletApi} received, exactly as it arrived.
 *
 * @param method the HTTP method
 * @param path the raw path below the base URL ({@code wallet/2112/balance})
 * @param requestUri the raw path and query as received ({@code /rest/v1/wallet/2112/balance?x=1})
 * @param headers the headers, names in lower case
 * @param body the body bytes
 * @param verification the result of checking its MAC ({@code null} when it had no MAC header)
 * @param projectId the project it was for ({@code project_id} in ext, or the
 * {@code Wallet-Api-Project-Id} header), or {@code null}
 * @param status the status the mock answered with (0 when the connection was dropped)
 * @param clientCertificate the subject of the TLS client certificate it came with, or
 * {@code null} (plain HTTP)
 */
public record ReceivedRequest(String method, String path, String requestUri, Map<String, List<String>> headers,
		byte[] body, MacVerifier.Verification verification, Long projectId, int status, String clientCertificate) {

	/**
	 * The first value of a header.
	 * @param name the header name, any case
	 * @return the value, if present
	 */
	public Optional<String> header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		return (values != null && !values.isEmpty()) ? Optional.of(values.get(0)) : Optional.empty();
	}

	/**
	 * The body as UTF-8 text.
	 * @return the body
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The body parsed as JSON: objects are maps (in the order received), arrays lists,
	 * numbers {@link java.math.BigDecimal}s, strings, booleans, and JSON {@code null} is
	 * {@code null}.
	 * @return the parsed body
	 * @throws IllegalStateException when the body is empty or not JSON
	 */
	public Object bodyJson() {
		if (this.body.length == 0) {
			throw new IllegalStateException("The request " + this.method + " " + this.path + " had no body");
		}
		try {
			return Json.parse(bodyText());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The body of " + this.method + " " + this.path + " is not JSON: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * A field of the JSON body by path: field names separated by dots, list indexes in
	 * brackets, names that are not identifiers quoted in brackets ({@code payments[0].price},
	 * {@code _metadata.total}, {@code ['1001'].price}).
	 * @param path the path
	 * @return the value, empty when the field is missing or JSON {@code null}
	 */
	public Optional<Object> bodyField(String path) {
		return Optional.ofNullable(Json.at(bodyJson(), path).value());
	}

	/**
	 * Whether the JSON body has a field (a field holding JSON {@code null} counts).
	 * @param path the path, as for {@link #bodyField(String)}
	 * @return {@code true} when present
	 */
	public boolean hasBodyField(String path) {
		return this.body.length > 0 && Json.at(bodyJson(), path).present();
	}

	/**
	 * The decoded query parameters, in the order received.
	 * @return names to values; empty when there was no query
	 */
	public Map<String, List<String>> queryParameters() {
		int question = this.requestUri.indexOf('?');
		if (question < 0) {
			return Map.of();
		}
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : this.requestUri.substring(question + 1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
		}
		parameters.replaceAll((name, values) -> List.copyOf(values));
		return Collections.unmodifiableMap(parameters);
	}

	/**
	 * The first value of a query parameter.
	 * @param name the parameter name
	 * @return the decoded value, if present
	 */
	public Optional<String> queryParameter(String name) {
		List<String> values = queryParameters().get(name);
		return (values != null) ? Optional.of(values.get(0)) : Optional.empty();
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the request carried a valid MAC signature.
	 * @return {@code true} when signed and valid
	 */
	public boolean signatureValid() {
		return this.verification != null && this.verification.valid();
	}

	/**
	 * The decoded ext parameters of its MAC header.
	 * @return the parameters, empty when unsigned
	 */
	public Map<String, String> ext() {
		return (this.verification != null) ? this.verification.ext() : Map.of();
	}

	/**
	 * The nonce of its MAC header.
	 * @return the nonce, or {@code null}
	 */
	public String nonce() {
		return (this.verification != null) ? this.verification.nonce() : null;
	}

	@Override
	public String toString() {
		return this.method + " " + this.requestUri + " project=" + this.projectId + " status=" + this.status
				+ ((this.verification != null && !this.verification.valid()) ? " INVALID(" + this.verification.error()
						+ ")" : "");
	}

}
