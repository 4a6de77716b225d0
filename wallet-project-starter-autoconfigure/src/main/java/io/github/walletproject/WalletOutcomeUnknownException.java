package io.github.walletproject;

import org.jspecify.annotations.Nullable;

/**
 * The request was sent, or may have been, and no answer came: the connection closed or was
 * reset after the request was written, or the answer took longer than
 * {@code paysera.wallet.read-timeout} ({@link WalletTimeoutException}). The Wallet API may
 * have processed it. Before making a call with an effect again (creating a transaction, for
 * example), look up whether it took place.
 */
public class WalletOutcomeUnknownException extends WalletTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the I/O failure
	 * @param request the request whose outcome is unknown, or {@code null}
	 */
	public WalletOutcomeUnknownException(String message, Throwable cause, @Nullable FailedRequest request) {
		super(message, cause, request);
	}

}
