package io.github.walletproject.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletNotSentException;
import io.github.walletproject.WalletOutcomeUnknownException;
import io.github.walletproject.WalletTimeoutException;
import io.github.walletproject.WalletTransportException;
import io.github.walletproject.WalletTransportException.FailedRequest;
import io.github.walletproject.internal.FirstRecordSocket;
import io.github.walletproject.routing.RequestRoute;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;

/**
 * Tells from the I/O failure of an attempt whether the request can have reached the Wallet
 * API, and turns the failure of a call into {@link WalletNotSentException} or
 * {@link WalletOutcomeUnknownException}.
 * <p>
 * "Not sent" needs proof: a failure to make the connection, anywhere in the cause chain. What
 * each HTTP client throws (measured on loopback, see {@code docs/reliability.md}):
 * <ul>
 * <li>connection refused: {@link ConnectException} or a subclass (Apache's
 * {@code HttpHostConnectException}, Netty's {@code AnnotatedConnectException}), the JDK's with
 * a {@code ClosedChannelException} cause;
 * <li>host unknown: {@link UnknownHostException}; the JDK {@code HttpClient} throws a
 * {@link ConnectException} caused by {@link UnresolvedAddressException};
 * <li>TLS handshake failed: {@link SSLHandshakeException} (Jetty wraps it in an
 * {@code IOException}); no client writes the request before the handshake is complete;
 * <li>the server refused the client certificate: an {@link SSLException} for a fatal alert
 * received from the server that refuses a certificate ({@code bad_certificate},
 * {@code unknown_ca}, {@code certificate_expired} and the like; {@link #refusedCertificate}).
 * Under TLS 1.3 the client may have written its request by then, but the server could not
 * read it: it reads application data only after it has accepted the client's certificate.
 * Such a failure is final: it is not retried;
 * <li>Apache HttpClient 5 in certificate mode: the connection failed before the first
 * request's first TLS record left the client
 * ({@link FirstRecordSocket.RequestNotWrittenException});
 * <li>connect timeout: {@link HttpConnectTimeoutException} (JDK), Apache's
 * {@code ConnectTimeoutException}, Netty's {@code ConnectTimeoutException} (a
 * {@link ConnectException}), and a {@link SocketTimeoutException} whose message is
 * {@code Connect timed out} (JDK sockets, {@code HttpURLConnection}) or {@code Connect Timeout}
 * (Jetty).
 * </ul>
 * A failure that {@link SelfResendingRequestFactory} marks is no proof either: the HTTP
 * client may have resent the request after a first send reached the server.
 * <p>
 * Anything else (end of stream or reset after the request was written, read timeouts, timeouts
 * that cover the connect and the answer alike such as Jetty's total timeout or the JDK's
 * {@code Request cancelled}) leaves the outcome unknown. Mistaking a sent request for an unsent
 * one could make a caller create a payment twice; the reverse only costs a look-up.
 */
final class TransportFailures {

	private static final int MAX_CAUSES = 16;

	private static final String APACHE_CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";

	/** How JSSE names an alert it received: {@code Received fatal alert: bad_certificate}. */
	private static final Pattern RECEIVED_ALERT = Pattern.compile("Received fatal alert: ([a-z_0-9]+)");

	/** How OpenSSL-based TLS (Netty's tcnative) names a received alert: {@code SSLV3_ALERT_BAD_CERTIFICATE}. */
	private static final Pattern OPENSSL_ALERT = Pattern.compile("(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)");

	/** The alerts (RFC 8446, 6.2) with which a server refuses a client certificate. */
	private static final Set<String> CERTIFICATE_REFUSALS = Set.of("bad_certificate", "unsupported_certificate",
			"certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied",
			"certificate_required");

	private TransportFailures() {
	}

	/**
	 * Whether a failure proves that the attempt never reached the server.
	 * @param ex the failure of one attempt
	 * @return {@code true} when the connection was never made
	 */
	static boolean notSent(Throwable ex) {
		if (ex instanceof SelfResendingRequestFactory.MayHaveBeenResentException) {
			return false;
		}
		return refusedCertificate(ex) != null || anyCause(ex, cause -> cause instanceof ConnectException
				|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
				|| cause instanceof UnresolvedAddressException || cause instanceof SSLHandshakeException
				|| cause instanceof HttpConnectTimeoutException || cause instanceof FirstRecordSocket.RequestNotWrittenException
				|| APACHE_CONNECT_TIMEOUT.equals(cause.getClass().getName()) || isSocketConnectTimeout(cause));
	}

	/**
	 * The alert with which the server refused the client certificate, if that is the failure.
	 * A refused certificate does not fix itself, so the call is not retried.
	 * @param ex the failure of one attempt
	 * @return the alert's name as RFC 8446 spells it, e.g. {@code unknown_ca}, or {@code null}
	 */
	static @Nullable String refusedCertificate(Throwable ex) {
		Throwable cause = ex;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
			String message = cause.getMessage();
			if (cause instanceof SSLException && message != null) {
				String alert = receivedAlert(message);
				if (alert != null && CERTIFICATE_REFUSALS.contains(alert)) {
					return alert;
				}
			}
			cause = cause.getCause();
		}
		return null;
	}

	private static @Nullable String receivedAlert(String message) {
		Matcher jsse = RECEIVED_ALERT.matcher(message);
		if (jsse.find()) {
			return jsse.group(1);
		}
		Matcher openSsl = OPENSSL_ALERT.matcher(message);
		return openSsl.find() ? openSsl.group(1).toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Whether an attempt that failed this way may be made again (for the methods the retry
	 * policy allows): every failure but a response over the size limit and a refused client
	 * certificate.
	 * @param ex the failure of one attempt
	 * @return {@code true} when a retry may help
	 */
	static boolean mayRetry(Throwable ex) {
		return !(ex instanceof SizeLimitedResponse.ResponseTooLargeException) && refusedCertificate(ex) == null;
	}

	/**
	 * Whether a failure is a timeout.
	 * @param ex the failure of one attempt
	 * @return {@code true} for a connect or read timeout
	 */
	static boolean timedOut(Throwable ex) {
		return anyCause(ex, cause -> cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout"));
	}

	/**
	 * The exception for a call whose last attempt failed.
	 * @param request the request
	 * @param failure the failure of the last attempt
	 * @param attempts the attempts made
	 * @param route where the request went
	 * @param nonce the nonce of the last attempt, or {@code null}
	 * @param reachedServer whether any attempt got an answer or failed without proof that it was
	 * not sent
	 * @return the exception to throw
	 */
	static WalletTransportException failure(HttpRequest request, Throwable failure, int attempts,
			RequestRoute route, @Nullable String nonce, boolean reachedServer) {
		Throwable ex = (failure instanceof SelfResendingRequestFactory.MayHaveBeenResentException
				&& failure.getCause() instanceof IOException cause) ? cause : failure;
		ResolvedProject project = route.project();
		String path = request.getURI().getRawPath();
		FailedRequest failed = new FailedRequest(request.getMethod().name(), path,
				(project != null) ? project.idText() : null, nonce);
		String what = "Wallet API request " + failed.method() + " " + path
				+ ((project != null) ? " for project " + project.idText() : "")
				+ ((attempts > 1) ? " after " + attempts + " attempts" : "");
		String cause = " (" + ex.getClass().getSimpleName() + ")";
		String refused = refusedCertificate(ex);
		if (refused != null && !reachedServer) {
			return new WalletNotSentException(what + " was not sent: the server refused the client certificate"
					+ certificateOf(route) + " with the TLS alert " + refused + cause + "; a refused certificate is not "
					+ "retried: check that the Wallet API knows this certificate and that it has not expired or been "
					+ "revoked", ex, failed);
		}
		if (!reachedServer) {
			return new WalletNotSentException(what + " was not sent: " + notSentReason(ex) + cause
					+ "; it did not reach the server and can be made again", ex, failed);
		}
		String unknown = "; the Wallet API may have processed it: look it up before making it again";
		if (timedOut(ex)) {
			return new WalletTimeoutException(what + " timed out waiting for the answer"
					+ " (paysera.wallet.read-timeout)" + cause + unknown, ex, failed);
		}
		return new WalletOutcomeUnknownException(what + " got no answer" + cause + unknown, ex, failed);
	}

	private static String certificateOf(RequestRoute route) {
		String bundle = route.credentials().sslBundle();
		return (bundle != null) ? " of SSL bundle '" + bundle + "'" : "";
	}

	private static String notSentReason(Throwable ex) {
		if (anyCause(ex, cause -> cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException)) {
			return "the host of paysera.wallet.base-url could not be resolved";
		}
		if (anyCause(ex, SSLHandshakeException.class::isInstance)) {
			return "the TLS handshake failed";
		}
		if (anyCause(ex, FirstRecordSocket.RequestNotWrittenException.class::isInstance)) {
			return "the connection closed right after the TLS handshake, before the request was written";
		}
		return timedOut(ex) ? "no connection within paysera.wallet.connect-timeout" : "could not connect";
	}

	private static boolean isSocketConnectTimeout(Throwable ex) {
		if (!(ex instanceof SocketTimeoutException)) {
			return false;
		}
		String message = ex.getMessage();
		return "Connect timed out".equals(message) || "Connect Timeout".equals(message);
	}

	private static boolean anyCause(Throwable ex, Predicate<Throwable> test) {
		Throwable cause = ex;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
			if (test.test(cause)) {
				return true;
			}
			cause = cause.getCause();
		}
		return false;
	}

}
