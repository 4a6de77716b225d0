package io.github.walletproject.client;

import java.io.IOException;
import java.net.SocketException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.github.walletproject.internal.FirstRecordSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which TLS failures count as a refused client certificate (final, not retried) and which
 * prove that a request was not sent, as the HTTP clients report them.
 */
class RefusedCertificateAlertsTests {

	@ParameterizedTest
	@CsvSource({ "Received fatal alert: bad_certificate, bad_certificate",
			"Received fatal alert: unknown_ca, unknown_ca",
			"Received fatal alert: certificate_expired, certificate_expired",
			"Received fatal alert: certificate_required, certificate_required",
			"error:10000412:SSL routines:OPENSSL_internal:SSLV3_ALERT_BAD_CERTIFICATE, bad_certificate",
			"error:1000045c:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED, certificate_required" })
	void aCertificateAlertFromTheServerIsARefusal(String message, String alert) {
		IOException wrapped = new IOException("handshake", new SSLHandshakeException(message));
		assertThat(TransportFailures.refusedCertificate(wrapped)).isEqualTo(alert);
		assertThat(TransportFailures.mayRetry(wrapped)).isFalse();
		assertThat(TransportFailures.notSent(wrapped)).isTrue();
		// a refusal read after a TLS 1.3 handshake may come as a plain SSLException
		assertThat(TransportFailures.refusedCertificate(new SSLException(message))).isEqualTo(alert);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Received fatal alert: handshake_failure", "Received fatal alert: internal_error",
			"PKIX path building failed: unable to find valid certification path to requested target",
			"No subject alternative names matching IP address 127.0.0.1 found" })
	void otherHandshakeFailuresStayRetryable(String message) {
		SSLHandshakeException failure = new SSLHandshakeException(message);
		assertThat(TransportFailures.refusedCertificate(failure)).isNull();
		assertThat(TransportFailures.mayRetry(failure)).isTrue();
		assertThat(TransportFailures.notSent(failure)).isTrue();
	}

	@Test
	void anAlertNameInAnythingButATlsFailureIsNotARefusal() {
		assertThat(TransportFailures.refusedCertificate(new SocketException("Received fatal alert: bad_certificate")))
			.isNull();
	}

}
