package io.github.walletproject.autoconfigure;

import java.io.IOException;
import java.net.Socket;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import io.github.walletproject.internal.FirstRecordSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * Apache HttpClient 5's TLS for an SSL bundle, as Spring Boot sets it up (the bundle's
 * context, protocols and ciphers, host names verified), with two things made certain for the
 * Wallet client: a failure during the handshake is an {@link SSLHandshakeException} whatever
 * the socket threw (nothing of the request is written before the handshake ends), and under
 * TLS 1.3 a server's refusal of the client certificate is read even when the server closed
 * before the request was written ({@link FirstRecordSocket}). Only loaded when Apache
 * HttpClient 5 is present.
 */
final class CertificateTlsStrategy implements TlsSocketStrategy {

	private final TlsSocketStrategy tls;

	private CertificateTlsStrategy(TlsSocketStrategy tls) {
		this.tls = tls;
	}

	/**
	 * The TLS of one SSL bundle.
	 * @param bundle the bundle, or {@code null} for Apache's default
	 * @return the strategy, or {@code null} without a bundle
	 */
	static @Nullable TlsSocketStrategy of(@Nullable SslBundle bundle) {
		if (bundle == null) {
			return null;
		}
		SslOptions options = bundle.getOptions();
		return new CertificateTlsStrategy(new DefaultClientTlsStrategy(bundle.createSslContext(),
				options.getEnabledProtocols(), options.getCiphers(), null, new DefaultHostnameVerifier()));
	}

	@Override
	public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
			throws IOException {
		FirstRecordSocket guarded = new FirstRecordSocket(socket);
		SSLSocket upgraded;
		try {
			upgraded = this.tls.upgrade(guarded, target, port, attachment, context);
		}
		catch (SSLHandshakeException ex) {
			throw ex;
		}
		catch (IOException ex) {
			SSLHandshakeException failed = new SSLHandshakeException(
					"The TLS handshake failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			failed.initCause(ex);
			throw failed;
		}
		guarded.handshakeComplete();
		return upgraded;
	}

}
