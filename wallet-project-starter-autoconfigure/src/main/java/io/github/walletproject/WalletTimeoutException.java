package io.github.walletproject;

import org.jspecify.annotations.Nullable;

/**
 * No answer within {@code paysera.wallet.read-timeout}: the request may have been processed
 * (see {@link WalletOutcomeUnknownException}). A connection that could not be made within
 * {@code paysera.wallet.connect-timeout} is a {@link WalletNotSentException} instead.
 */
public class WalletTimeoutException extends WalletOutcomeUnknownException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception that says nothing about the request.
	 * @param message the message
	 * @param cause the timeout
	 */
	public WalletTimeoutException(String message, Throwable cause) {
		this(message, cause, null);
	}

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the timeout
	 * @param request the request that timed out, or {@code null}
	 */
	public WalletTimeoutException(String message, Throwable cause, @Nullable FailedRequest request) {
		super(message, cause, request);
	}

}
