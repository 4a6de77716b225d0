package io.github.walletproject.client;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletNotSentException;
import io.github.walletproject.support.MutualTlsServer;
import io.github.walletproject.support.MutualTlsServer.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A client certificate the server refuses fails the call at once, with one attempt, as "not
 * sent", naming the certificate's SSL bundle and the server's alert: against a server that
 * waits for the client to close and one that closes at once, under TLS 1.3 (where the client
 * may write its request before it reads the refusal) and TLS 1.2.
 */
class CertificateRefusalTests {

	@ParameterizedTest
	@CsvSource({ "TLSv1.3, WAIT", "TLSv1.3, CLOSE", "TLSv1.3, RESET", "TLSv1.2, WAIT", "TLSv1.2, CLOSE",
			"TLSv1.2, RESET" })
	void aRefusedCertificateFailsAGetAtOnceAsNotSent(String protocol, Refusal refusal) {
		// the server trusts the shop's certificate (bundle wallet), not the marketplace's (bundle market)
		try (MutualTlsServer server = MutualTlsServer.start(protocol, refusal,
				target -> CertificateConnectionsTests.BALANCE, "client.p12")) {
			CertificateConnectionsTests.twoCertificates(server.baseUrl()).run(context -> {
				WalletProjects wallet = context.getBean(WalletProjects.class);
				Throwable failure = catchThrowable(
						() -> ProjectContext.runWith("marketplace", () -> wallet.api().balance(2113)));
				assertThat(failure).isInstanceOf(WalletNotSentException.class)
					.hasMessageContaining("SSL bundle 'market'")
					.hasMessageContaining("bad_certificate")
					.hasMessageNotContaining("after")
					.hasMessageNotContaining("changeit");
			});
			assertThat(server.connections()).hasSize(1)
				.allSatisfy(connection -> assertThat(connection.refusal()).isNotNull());
			assertThat(server.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource({ "TLSv1.3, WAIT", "TLSv1.3, CLOSE", "TLSv1.3, RESET", "TLSv1.2, WAIT", "TLSv1.2, CLOSE" })
	void aPostWhoseCertificateIsRefusedIsNotSent(String protocol, Refusal refusal) {
		try (MutualTlsServer server = MutualTlsServer.start(protocol, refusal,
				target -> CertificateConnectionsTests.BALANCE, "client.p12")) {
			CertificateConnectionsTests.twoCertificates(server.baseUrl()).run(context -> {
				RestClient client = context.getBean("walletRestClient", RestClient.class);
				String body = "{\"amount\":100}";
				Throwable failure = catchThrowable(() -> ProjectContext.runWith("marketplace",
						() -> client.post().uri("transaction").body(body).retrieve().toBodilessEntity()));
				assertThat(failure).isInstanceOf(WalletNotSentException.class)
					.hasMessageContaining("SSL bundle 'market'")
					.hasMessageContaining("bad_certificate");
			});
			assertThat(server.connections()).hasSize(1);
			assertThat(server.requests()).isEmpty();
		}
	}

}
