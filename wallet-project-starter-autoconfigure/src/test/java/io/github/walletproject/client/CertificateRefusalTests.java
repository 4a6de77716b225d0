package io.github.walletproject.client;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletNotSentException;
import io.github.walletproject.support.HttpClientChoice;
import io.github.walletproject.support.MutualTlsServer;
import io.github.walletproject.support.MutualTlsServer.Refusal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A client certificate the server refuses fails the call at once, after one attempt, as "not
 * sent", naming the certificate's SSL bundle and the server's alert: against a server that
 * waits for the client to close and one that closes at once, under TLS 1.3 (where the client
 * writes its request before it reads the refusal) and TLS 1.2. The server trusts the shop's
 * certificate (bundle {@code wallet}), not the marketplace's (bundle {@code market}).
 */
class CertificateRefusalTests {

	@ParameterizedTest
	@CsvSource({ "TLSv1.3, WAIT, GET", "TLSv1.3, CLOSE, GET", "TLSv1.2, WAIT, GET", "TLSv1.2, CLOSE, GET",
			"TLSv1.3, WAIT, POST", "TLSv1.3, CLOSE, POST", "TLSv1.2, WAIT, POST", "TLSv1.2, CLOSE, POST" })
	void aRefusedCertificateFailsAtOnceAsNotSentNamingTheBundleAndTheAlert(String protocol, Refusal refusal,
			String method) {
		try (MutualTlsServer server = MutualTlsServer.start(protocol, refusal,
				target -> CertificateConnectionsTests.BALANCE, "client.p12")) {
			CertificateConnectionsTests.twoCertificates(server.baseUrl()).run(context -> {
				Throwable failure = catchThrowable(call(context, method));
				assertThat(failure).isInstanceOf(WalletNotSentException.class)
					.hasMessageContaining("refused the client certificate of SSL bundle 'market'")
					.hasMessageContaining("TLS alert bad_certificate")
					.hasMessageNotContaining("attempts")
					.hasMessageNotContaining("changeit");
			});
			// one attempt: one connection, refused, and no request read from it
			assertThat(server.connections()).hasSize(1)
				.allSatisfy(connection -> assertThat(connection.refusal()).isNotNull());
			assertThat(server.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource({ "TLSv1.3, GET", "TLSv1.3, POST", "TLSv1.2, GET", "TLSv1.2, POST" })
	void aServerThatResetsInsteadOfRefusingLeavesTheRequestNotSent(String protocol, String method) {
		// an abortive close may drop the alert before it leaves the server: the client cannot tell a
		// refusal, but it can tell that its request was never written
		try (MutualTlsServer server = MutualTlsServer.start(protocol, Refusal.RESET,
				target -> CertificateConnectionsTests.BALANCE, "client.p12")) {
			CertificateConnectionsTests.twoCertificates(server.baseUrl()).run(context -> {
				Throwable failure = catchThrowable(call(context, method));
				assertThat(failure).isInstanceOf(WalletNotSentException.class).hasMessageNotContaining("changeit");
			});
			assertThat(server.connections()).isNotEmpty()
				.allSatisfy(connection -> assertThat(connection.refusal()).isNotNull());
			assertThat(server.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource({ "TLSv1.3", "TLSv1.2" })
	void theOtherCertificateKeepsWorkingBesideARefusedOne(String protocol) {
		try (MutualTlsServer server = MutualTlsServer.start(protocol, Refusal.CLOSE,
				target -> CertificateConnectionsTests.BALANCE, "client.p12")) {
			CertificateConnectionsTests.twoCertificates(server.baseUrl()).run(context -> {
				WalletProjects wallet = context.getBean(WalletProjects.class);
				assertThat(catchThrowable(call(context, "GET"))).isInstanceOf(WalletNotSentException.class);
				ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
			});
			assertThat(server.requests()).singleElement().satisfies(request -> {
				assertThat(request.certificate()).isEqualTo("CN=localhost");
				assertThat(request.projectId()).isEqualTo("1221");
			});
		}
	}

	/**
	 * The clients the starter configures. The JDK {@code HttpClient} and
	 * {@code HttpURLConnection} may resend a request on a new connection by themselves, so a
	 * refusal on the last connection proves nothing about an earlier one: there the call ends
	 * after one attempt too, as outcome unknown ({@code SelfResendingRequestFactory}).
	 */
	@ParameterizedTest
	@EnumSource(names = { "HTTP_COMPONENTS", "JETTY", "REACTOR" })
	void everyHttpClientReportsARefusalItReadsAsFinal(HttpClientChoice client) {
		// under TLS 1.2 the refusal comes during the handshake, where every client reads it
		try (MutualTlsServer server = MutualTlsServer.start("TLSv1.2", Refusal.WAIT,
				target -> CertificateConnectionsTests.BALANCE, "client.p12")) {
			client.apply(CertificateConnectionsTests.twoCertificates(server.baseUrl())).run(context -> {
				Throwable failure = catchThrowable(call(context, "GET"));
				assertThat(failure).isInstanceOf(WalletNotSentException.class)
					.hasMessageContaining("refused the client certificate of SSL bundle 'market'")
					.hasMessageContaining("TLS alert bad_certificate")
					.hasMessageNotContaining("attempts");
			});
			assertThat(server.connections()).hasSize(1);
			assertThat(server.requests()).isEmpty();
		}
	}

	/** A GET (retried on I/O failures by default) or a POST (never retried) for the marketplace. */
	private static ThrowingCallable call(ApplicationContext context, String method) {
		if (method.equals("GET")) {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			return () -> ProjectContext.runWith("marketplace", () -> wallet.api().balance(2113));
		}
		RestClient client = context.getBean("walletRestClient", RestClient.class);
		return () -> ProjectContext.runWith("marketplace",
				() -> client.post().uri("transaction").body("{\"amount\":100}").retrieve().toBodilessEntity());
	}

}
