package io.github.walletproject;

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
 * Subclasses name the common cases: {@link WalletNotFoundException},
 * {@link WalletUnauthorizedException}, {@link WalletForbiddenException},
 * {@link WalletInvalidTimestampException}, {@link WalletRateLimitException},
 * {@link WalletServerException}.
 */
public class WalletApiException extends WalletException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String errorCode;

	private final @Nullable String errorDescription;

	private final transient Map<String, Object> errorProperties;

	private final @Nullable String correlationId;

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
	 * The facts of one Wallet API error response.
	 * @param status the HTTP status
	 * @param code the error code
	 * @param description the description, or {@code null}
	 * @param properties the error properties (never {@code null})
	 * @param correlationId the correlation id header, or {@code null}
	 * @param request {@code METHOD path} of the request, for the message
	 */
	public record WalletError(int status, String code, @Nullable String description, Map<String, Object> properties,
			@Nullable String correlationId, String request) {

		/**
		 * Normalize the properties to an unmodifiable map.
		 */
		public WalletError {
			properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
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
			if (this.correlationId != null) {
				message.append(" [paysera-correlation-id ").append(this.correlationId).append(']');
			}
			return message.toString();
		}

	}

}
