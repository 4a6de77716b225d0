package io.github.walletproject.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import io.github.walletproject.WalletTimeoutException;
import io.github.walletproject.WalletTransportException;
import io.github.walletproject.routing.RequestRoute;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;

/**
 * Turns an I/O failure of a Wallet API request into the exception the caller sees.
 */
final class TransportFailures {

	private TransportFailures() {
	}

	static boolean mayRetry(IOException ex) {
		return !(ex instanceof SizeLimitedResponse.ResponseTooLargeException);
	}

	static boolean isTimeout(IOException ex) {
		return ex instanceof SocketTimeoutException || ex instanceof HttpTimeoutException
				|| (ex instanceof InterruptedIOException && !(ex.getCause() instanceof InterruptedException))
				|| ex.getClass().getSimpleName().contains("Timeout");
	}

	static RuntimeException exception(HttpRequest request, RequestRoute route, @Nullable String nonce, int attempts,
			IOException ex) {
		String what = WalletSigningInterceptor.describe(request) + ((attempts > 1) ? " after " + attempts + " attempts" : "");
		if (isTimeout(ex)) {
			return new WalletTimeoutException("Wallet API request " + what + " timed out (paysera.wallet.connect-timeout"
					+ " / paysera.wallet.read-timeout)", ex);
		}
		if (ex instanceof ConnectException) {
			return new WalletTransportException("Could not connect to the Wallet API for " + what, ex);
		}
		return new WalletTransportException("Wallet API request " + what + " failed: " + ex.getClass().getSimpleName(),
				ex);
	}

}
