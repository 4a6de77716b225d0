package io.github.walletproject.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletApiException.WalletError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns a Wallet API error response into a typed {@link WalletApiException}, keyed on
 * Paysera's {@code error} code first and the HTTP status second. Reads at most a bounded
 * number of bytes.
 */
public final class WalletErrorDecoder {

	/** Response header Paysera uses to correlate a request with its logs. */
	public static final String CORRELATION_HEADER = "paysera-correlation-id";

	static final int MAX_ERROR_BODY = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WalletErrorDecoder() {
	}

	/**
	 * Decode an error response.
	 * @param request the request
	 * @param response the response
	 * @return the exception to throw
	 * @throws IOException when the response cannot be read
	 */
	public static WalletApiException decode(HttpRequest request, ClientHttpResponse response) throws IOException {
		byte[] body;
		try (InputStream in = response.getBody()) {
			body = in.readNBytes(MAX_ERROR_BODY);
		}
		int status = response.getStatusCode().value();
		JsonNode json = parse(body);
		String code = text(json, "error");
		if (code == null) {
			code = "unknown";
		}
		String description = text(json, "error_description");
		Map<String, Object> properties = Map.of();
		JsonNode propertiesNode = (json != null) ? json.get("error_properties") : null;
		if (propertiesNode != null && propertiesNode.isObject()) {
			properties = toMap(propertiesNode);
		}
		Map<String, Object> data = Map.of();
		JsonNode dataNode = (json != null) ? json.get("error_data") : null;
		if (dataNode != null && dataNode.isObject()) {
			data = toMap(dataNode);
		}
		String correlationId = response.getHeaders().getFirst(CORRELATION_HEADER);
		WalletError error = new WalletError(status, code, description, properties, correlationId,
				request.getMethod().name() + " " + request.getURI().getRawPath(), text(json, "error_uri"), data);
		return switch (code) {
			case "not_found" -> new WalletApiException.NotFound(error);
			case "unauthorized", "invalid_grant" -> new WalletApiException.Unauthorized(error);
			case "forbidden" -> new WalletApiException.Forbidden(error);
			case "invalid_timestamp" -> new WalletApiException.InvalidTimestamp(error);
			case "rate_limit_exceeded" -> new WalletApiException.RateLimit(error, retryAfter(response));
			case "internal_server_error" -> new WalletApiException.Server(error);
			case "invalid_parameters" -> new WalletApiException.InvalidParameters(error);
			case "invalid_state" -> new WalletApiException.InvalidState(error);
			default -> byStatus(status, error, response);
		};
	}

	/**
	 * Decode an error response whose body was read already (the reactive client).
	 * @param request the request
	 * @param status the status
	 * @param headers the response headers
	 * @param body the body bytes, at most a bounded number of them
	 * @return the exception to signal
	 */
	public static WalletApiException decode(HttpRequest request, HttpStatusCode status, HttpHeaders headers,
			byte[] body) {
		try {
			return decode(request, BufferedResponse.of(status, headers, body));
		}
		catch (IOException ex) {
			throw new IllegalStateException("An in-memory body cannot fail to be read", ex);
		}
	}

	private static WalletApiException byStatus(int status, WalletError error, ClientHttpResponse response) {
		return switch (status) {
			case 401 -> new WalletApiException.Unauthorized(error);
			case 403 -> new WalletApiException.Forbidden(error);
			case 404 -> new WalletApiException.NotFound(error);
			case 429 -> new WalletApiException.RateLimit(error, retryAfter(response));
			default -> (status >= 500) ? new WalletApiException.Server(error) : new WalletApiException(error);
		};
	}

	/**
	 * The {@code error} code of a buffered error body, without building an exception.
	 * @param body the body bytes
	 * @return the code, or {@code null}
	 */
	static @Nullable String errorCode(byte[] body) {
		if (body.length == 0 || indexOf(body, "\"error\"") < 0) {
			return null;
		}
		return text(parse(body), "error");
	}

	private static @Nullable Duration retryAfter(ClientHttpResponse response) {
		String value = response.getHeaders().getFirst("Retry-After");
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException inner) {
				return null;
			}
		}
	}

	private static @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode json, String field) {
		if (json == null) {
			return null;
		}
		JsonNode value = json.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> toMap(JsonNode node) {
		try {
			return JSON.treeToValue(node, Map.class);
		}
		catch (JacksonException ex) {
			return Map.of();
		}
	}

	private static int indexOf(byte[] haystack, String needle) {
		byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i <= haystack.length - n.length; i++) {
			for (int j = 0; j < n.length; j++) {
				if (haystack[i + j] != n[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
