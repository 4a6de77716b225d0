package io.github.walletproject.test;

import java.nio.charset.StandardCharsets;
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
