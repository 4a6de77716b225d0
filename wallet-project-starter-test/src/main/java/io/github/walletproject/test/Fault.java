package io.github.walletproject.test;

import java.time.Duration;
import java.util.Map;

/**
 * A failure the {@link MockWalletApi} answers with instead of the normal response.
 *
 * @param status the HTTP status to answer with (0 to drop the connection)
 * @param body the response body
 * @param headers extra response headers
 * @param delay how long to wait before answering
 * @param proceed whether to answer normally after the delay (a slow response)
 */
public record Fault(int status, String body, Map<String, String> headers, Duration delay, boolean proceed) {

	/**
	 * A Paysera-shaped error.
	 * @param status the HTTP status
	 * @param code the {@code error} code
	 * @param description the {@code error_description}
	 * @return the fault
	 */
	public static Fault error(int status, String code, String description) {
		return new Fault(status, "{\"error\":\"" + Json.escape(code) + "\",\"error_description\":\""
				+ Json.escape(description) + "\"}", Map.of(), Duration.ZERO, false);
	}

	/**
	 * HTTP 502 with an HTML body, as a proxy in front of the API sends it.
	 * @return the fault
	 */
	public static Fault badGateway() {
		return new Fault(502, "<html><body>502 Bad Gateway</body></html>", Map.of("Content-Type", "text/html"),
				Duration.ZERO, false);
	}

	/**
	 * HTTP 503.
	 * @return the fault
	 */
	public static Fault serviceUnavailable() {
		return error(503, "internal_server_error", "Service temporarily unavailable");
	}

	/**
	 * {@code invalid_timestamp}, as the API answers a timestamp outside its window.
	 * @return the fault
	 */
	public static Fault invalidTimestamp() {
		return error(401, "invalid_timestamp", "Timestamp lifetime exceeded");
	}

	/**
	 * {@code invalid_grant}: the access token expired.
	 * @return the fault
	 */
	public static Fault invalidGrant() {
		return error(401, "invalid_grant", "Token has expired");
	}

	/**
	 * HTTP 429 {@code rate_limit_exceeded}.
	 * @param retryAfter the {@code Retry-After} delay, or {@code null} for none
	 * @return the fault
	 */
	public static Fault rateLimited(Duration retryAfter) {
		Fault fault = error(429, "rate_limit_exceeded", "Too many requests");
		return (retryAfter != null) ? new Fault(429, fault.body(),
				Map.of("Retry-After", Long.toString(retryAfter.toSeconds())), Duration.ZERO, false) : fault;
	}

	/**
	 * Answer normally, but only after a delay.
	 * @param delay the delay
	 * @return the fault
	 */
	public static Fault slow(Duration delay) {
		return new Fault(200, "", Map.of(), delay, true);
	}

	/**
	 * HTTP 200 with a body that is not JSON.
	 * @return the fault
	 */
	public static Fault malformedBody() {
		return new Fault(200, "<html>this is not JSON", Map.of("Content-Type", "application/json"), Duration.ZERO,
				false);
	}

	/**
	 * HTTP 200 with an empty body.
	 * @return the fault
	 */
	public static Fault emptyBody() {
		return new Fault(200, "", Map.of("Content-Type", "application/json"), Duration.ZERO, false);
	}

	/**
	 * HTTP 200 with a JSON body of at least the given size.
	 * @param bytes the body size
	 * @return the fault
	 */
	public static Fault oversizedBody(int bytes) {
		StringBuilder body = new StringBuilder(bytes + 32).append("{\"padding\":\"");
		while (body.length() < bytes) {
			body.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		}
		body.append("\"}");
		return new Fault(200, body.toString(), Map.of("Content-Type", "application/json"), Duration.ZERO, false);
	}

	/**
	 * Close the connection without answering.
	 * @return the fault
	 */
	public static Fault dropConnection() {
		return new Fault(0, "", Map.of(), Duration.ZERO, false);
	}

	/**
	 * Any status and body.
	 * @param status the HTTP status
	 * @param body the body
	 * @return the fault
	 */
	public static Fault status(int status, String body) {
		return new Fault(status, body, Map.of(), Duration.ZERO, false);
	}

}
