package io.github.walletproject;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The Wallet API answered with an error. Carries Paysera's error code (key on it, not on the
 * HTTP status), its description, the HTTP status, {@code error_properties} and the
 * {@code paysera-correlation-id} header when present.
 * <p>
 * Nested subclasses name the common cases, as Spring's {@code HttpClientErrorException} does:
 * {@link NotFound}, {@link Unauthorized}, {@link Forbidden}, {@link InvalidTimestamp},
 * {@link RateLimit}, {@link Server}, {@link InvalidParameters}, {@link InvalidState}. All of them
 * mean the server received the request and answered; whether sending it again is useful depends
 * on the case, never on a transport doubt (those are {@link WalletTransportException}s).
 */
public class WalletApiException extends WalletException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String errorCode;

	private final @Nullable String errorDescription;

	private final transient Map<String, Object> errorProperties;

	private final @Nullable String correlationId;

	private final @Nullable String errorUri;

	private final transient Map<String, Object> errorData;

	/**
	 * Create an exception.
	 * @param error what the server said
	 */
	public WalletApiException(WalletError error) {
		super(error.message());
		this.status = error.status();
		this.errorCode = error.code();
		this.errorDescription = error.description();
		this.errorProperties = error.properties();
		this.correlationId = error.correlationId();
		this.errorUri = error.uri();
		this.errorData = error.data();
	}

	/**
	 * The HTTP status of the response.
	 * @return the status code
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Paysera's error code, such as {@code not_found} or {@code invalid_timestamp}.
	 * @return the code; {@code unknown} when the body had none
	 */
	public String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Paysera's human-readable description.
	 * @return the description, if any
	 */
	public Optional<String> getErrorDescription() {
		return Optional.ofNullable(this.errorDescription);
	}

	/**
	 * The {@code error_properties} object: per-field validation messages.
	 * @return an unmodifiable map, empty when absent
	 */
	public Map<String, Object> getErrorProperties() {
		return this.errorProperties;
	}

	/**
	 * The {@code paysera-correlation-id} response header, for Paysera support.
	 * @return the correlation id, if sent
	 */
	public Optional<String> getCorrelationId() {
		return Optional.ofNullable(this.correlationId);
	}

	/**
	 * Where the API documents this error ({@code error_uri}).
	 * @return the URI, if the API sent one
	 */
	public Optional<String> getErrorUri() {
		return Optional.ofNullable(this.errorUri);
	}

	/**
	 * Data the API attached to the error ({@code error_data}, an object), such as what a payer
	 * must do next.
	 * @return the data, empty when none was sent
	 */
	public Map<String, Object> getErrorData() {
		return this.errorData;
	}

	/**
	 * The facts of one Wallet API error response.
	 * @param status the HTTP status
	 * @param code the error code
	 * @param description the description, or {@code null}
	 * @param properties the error properties (never {@code null})
	 * @param correlationId the correlation id header, or {@code null}
	 * @param request {@code METHOD path} of the request, for the message
	 * @param uri where the error is documented ({@code error_uri}), or {@code null}
	 * @param data the error's data ({@code error_data}), never {@code null}
	 */
	public record WalletError(int status, String code, @Nullable String description, Map<String, Object> properties,
			@Nullable String correlationId, String request, @Nullable String uri, Map<String, Object> data) {

		/**
		 * Normalize the properties and data to unmodifiable maps.
		 */
		public WalletError {
			properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
			data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
		}

		/**
		 * An error without {@code error_uri} and {@code error_data}.
		 * @param status the HTTP status
		 * @param code the error code
		 * @param description the description, or {@code null}
		 * @param properties the error properties
		 * @param correlationId the correlation id header, or {@code null}
		 * @param request {@code METHOD path} of the request
		 */
		public WalletError(int status, String code, @Nullable String description, Map<String, Object> properties,
				@Nullable String correlationId, String request) {
			this(status, code, description, properties, correlationId, request, null, Map.of());
		}

		String message() {
			StringBuilder message = new StringBuilder("Wallet API error '").append(this.code).append("' (HTTP ")
				.append(this.status).append(") for ").append(this.request);
			if (this.description != null && !this.description.isEmpty()) {
				message.append(": ").append(this.description);
			}
			if (!this.properties.isEmpty()) {
				message.append(" ").append(this.properties);
			}
			if (this.uri != null) {
				message.append(" (see ").append(this.uri).append(')');
			}
			if (this.correlationId != null) {
				message.append(" [paysera-correlation-id ").append(this.correlationId).append(']');
			}
			return message.toString();
		}

	}

	/**
	 * The requested resource does not exist ({@code not_found}, usually HTTP 404).
	 */
	public static class NotFound extends WalletApiException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param error what the server said
		 */
		public NotFound(WalletError error) {
			super(error);
		}

	}

	/**
	 * The request was not authenticated ({@code unauthorized} or {@code invalid_grant}, usually
	 * HTTP 401): wrong MAC credentials, or an expired or revoked access token.
	 */
	public static class Unauthorized extends WalletApiException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param error what the server said
		 */
		public Unauthorized(WalletError error) {
			super(error);
		}

	}

	/**
	 * The credentials are authenticated but not allowed to do this ({@code forbidden}, usually
	 * HTTP 403), for example a missing OAuth scope.
	 */
	public static class Forbidden extends WalletApiException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param error what the server said
		 */
		public Forbidden(WalletError error) {
			super(error);
		}

	}

	/**
	 * The server refused the MAC timestamp ({@code invalid_timestamp}): the clocks differ too
	 * much. The client re-synchronizes with {@code GET server} and retries once before this
	 * reaches you.
	 */
	public static class InvalidTimestamp extends WalletApiException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param error what the server said
		 */
		public InvalidTimestamp(WalletError error) {
			super(error);
		}

	}

	/**
	 * Too many requests ({@code rate_limit_exceeded}, HTTP 429). Not retried automatically:
	 * back off for {@link #getRetryAfter()} when the server said how long.
	 */
	public static class RateLimit extends WalletApiException {

		private static final long serialVersionUID = 1L;

		private final @Nullable Duration retryAfter;

		/**
		 * Create an exception.
		 * @param error what the server said
		 * @param retryAfter the {@code Retry-After} delay, or {@code null}
		 */
		public RateLimit(WalletError error, @Nullable Duration retryAfter) {
			super(error);
			this.retryAfter = retryAfter;
		}

		/**
		 * How long the server asked to wait.
		 * @return the {@code Retry-After} delay, if sent
		 */
		public Optional<Duration> getRetryAfter() {
			return Optional.ofNullable(this.retryAfter);
		}

	}

	/**
	 * The Wallet API failed (HTTP 5xx or {@code internal_server_error}).
	 */
	public static class Server extends WalletApiException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param error what the server said
		 */
		public Server(WalletError error) {
			super(error);
		}

	}

	/**
	 * The API refused the request's values ({@code invalid_parameters}, usually HTTP 400): a
	 * missing or malformed field, a final price above the reserved one. Nothing was changed; fix
	 * the request before sending it again. {@link #getErrorProperties()} names the fields at
	 * fault ({@code error_properties}).
	 */
	public static class InvalidParameters extends WalletApiException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param error what the server said
		 */
		public InvalidParameters(WalletError error) {
			super(error);
		}

	}

	/**
	 * The object is not in a state that allows this ({@code invalid_state}, usually HTTP 409):
	 * confirming a transaction the payer has not accepted, cancelling a finalized payment,
	 * cancelling twice. Nothing was changed; read the object to see its state.
	 */
	public static class InvalidState extends WalletApiException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create an exception.
		 * @param error what the server said
		 */
		public InvalidState(WalletError error) {
			super(error);
		}

	}

}
