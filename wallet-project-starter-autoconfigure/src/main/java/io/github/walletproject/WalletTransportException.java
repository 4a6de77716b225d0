package io.github.walletproject;

import org.jspecify.annotations.Nullable;

/**
 * The request could not be completed: no connection, or no answer. The starter throws one of
 * two subclasses, which say whether the request can be sent again:
 * <ul>
 * <li>{@link WalletNotSentException}: it never reached the server (connection refused, host
 * unknown, TLS handshake failed, no connection within the connect timeout): safe to send again.
 * <li>{@link WalletOutcomeUnknownException} (and its {@link WalletTimeoutException}): it was
 * sent, or may have been, and no answer came: the server may have processed it.
 * </ul>
 * Requests that may not be repeated (a {@code POST} unless listed in
 * {@code paysera.wallet.retry.methods}) are never resent automatically.
 */
public class WalletTransportException extends WalletException {

	private static final long serialVersionUID = 1L;

	private final @Nullable FailedRequest request;

	/**
	 * Create an exception that says nothing about the request.
	 * @param message the message
	 * @param cause the I/O failure
	 */
	public WalletTransportException(String message, Throwable cause) {
		this(message, cause, null);
	}

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the I/O failure
	 * @param request the request that failed, or {@code null}
	 */
	protected WalletTransportException(String message, Throwable cause, @Nullable FailedRequest request) {
		super(message, cause);
		this.request = request;
	}

	/**
	 * The HTTP method of the request that failed.
	 * @return the method, or {@code null} when not known
	 */
	public @Nullable String getMethod() {
		return (this.request != null) ? this.request.method() : null;
	}

	/**
	 * The raw path of the request that failed, such as {@code /rest/v1/transaction}.
	 * @return the path, or {@code null} when not known
	 */
	public @Nullable String getPath() {
		return (this.request != null) ? this.request.path() : null;
	}

	/**
	 * The id of the project the request was for.
	 * @return the project id, or {@code null} for account-level calls or when not known
	 */
	public @Nullable String getProjectId() {
		return (this.request != null) ? this.request.projectId() : null;
	}

	/**
	 * The MAC nonce of the last attempt (not a secret). The Wallet API refuses a nonce it has
	 * seen, so this tells whether an attempt reached it when you ask Paysera.
	 * @return the nonce, or {@code null} with client certificates, for unauthenticated calls or
	 * when not known
	 */
	public @Nullable String getNonce() {
		return (this.request != null) ? this.request.nonce() : null;
	}

	/**
	 * What is known of a request that failed. Never the MAC id or key.
	 *
	 * @param method the HTTP method
	 * @param path the raw path
	 * @param projectId the project id, or {@code null} for account-level calls
	 * @param nonce the MAC nonce of the last attempt, or {@code null}
	 */
	public record FailedRequest(String method, String path, @Nullable String projectId, @Nullable String nonce) {
	}

}
