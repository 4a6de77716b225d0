package io.github.walletproject;

/**
 * The request never reached the Wallet API: the connection was refused, the host could not be
 * resolved, the TLS handshake failed or no connection was made within
 * {@code paysera.wallet.connect-timeout}. Nothing was processed, so the call can be made again
 * (the starter signs every attempt afresh). Idempotent requests were already tried
 * {@code paysera.wallet.retry.max-attempts} times, except when the server refused the client
 * certificate: that is final, and the message names the SSL bundle and the TLS alert.
 */
public class WalletNotSentException extends WalletTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param cause the I/O failure
	 * @param request the request that was not sent
	 */
	public WalletNotSentException(String message, Throwable cause, FailedRequest request) {
		super(message, cause, request);
	}

}
