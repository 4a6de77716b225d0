package io.github.walletproject.client;

import java.io.InputStream;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletNotSentException;
import io.github.walletproject.WalletOutcomeUnknownException;
import io.github.walletproject.WalletTimeoutException;
import io.github.walletproject.WalletTransportException;
import io.github.walletproject.support.HttpClientChoice;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.support.WireServer;
import io.github.walletproject.support.WireServer.Received;
import io.github.walletproject.support.WireServer.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Over real sockets, for each HTTP client Boot can pick: a failed call says in its type whether
 * the request can have reached the Wallet API ({@link WalletOutcomeUnknownException}) or not
 * ({@link WalletNotSentException}), carries the method, path, project and last nonce, and a
 * {@code POST} is sent at most once.
 */
class TransportFailureTests {

	private static final String CONNECT_TIMEOUT = "300ms";

	private static final String READ_TIMEOUT = "1s";

	private static ApplicationContextRunner runner(HttpClientChoice client, String baseUrl) {
		return client.apply(TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=" + baseUrl,
					"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
					"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
					"paysera.wallet.access.source=configured", "paysera.wallet.retry.initial-backoff=1ms",
					"paysera.wallet.retry.max-backoff=5ms", "paysera.wallet.connect-timeout=" + CONNECT_TIMEOUT,
					"paysera.wallet.read-timeout=" + READ_TIMEOUT));
	}

	private static Throwable createTransaction(ApplicationContextRunner runner) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			failure.set(catchThrowable(() -> ProjectContext.runWith("shop",
					() -> client.post().uri("transaction").body(Map.of("amount", 100)).retrieve().toBodilessEntity())));
		});
		return failure.get();
	}

	private static Throwable readBalance(ApplicationContextRunner runner) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			failure.set(catchThrowable(() -> ProjectContext.runWith("shop",
					() -> client.get().uri("wallet/2112/balance").retrieve().body(String.class))));
		});
		return failure.get();
	}

	private static void describesTheTransactionCall(WalletTransportException ex) {
		assertThat(ex.getMethod()).isEqualTo("POST");
		assertThat(ex.getPath()).isEqualTo("/rest/v1/transaction");
		assertThat(ex.getProjectId()).isEqualTo("1221");
		assertThat(ex.getNonce()).hasSize(32);
		assertThat(ex.getMessage()).contains("POST /rest/v1/transaction for project 1221")
			.doesNotContain(TestApps.MAC_ID)
			.doesNotContain(TestApps.MAC_KEY);
	}

	@ParameterizedTest
	@EnumSource(HttpClientChoice.class)
	void aRefusedConnectionMeansNotSent(HttpClientChoice client) {
		Throwable failure = createTransaction(runner(client, "http://127.0.0.1:" + WireServer.closedPort() + "/rest/v1/"));
		assertThat(failure).isInstanceOf(WalletNotSentException.class).hasMessageContaining("could not connect");
		describesTheTransactionCall((WalletTransportException) failure);
	}

	@ParameterizedTest
	@EnumSource(HttpClientChoice.class)
	void aConnectTimeoutMeansNotSent(HttpClientChoice client) {
		try (WireServer.FullListener listener = WireServer.fullListener()) {
			Throwable failure = createTransaction(runner(client, "http://127.0.0.1:" + listener.port() + "/rest/v1/"));
			assertThat(failure).isInstanceOf(WalletNotSentException.class)
				.hasMessageContaining("paysera.wallet.connect-timeout");
			describesTheTransactionCall((WalletTransportException) failure);
		}
	}

	@ParameterizedTest
	@EnumSource(HttpClientChoice.class)
	void anUnknownHostMeansNotSent(HttpClientChoice client) {
		Throwable failure = createTransaction(runner(client, "http://wallet.invalid/rest/v1/"));
		assertThat(failure).isInstanceOf(WalletNotSentException.class).hasMessageContaining("paysera.wallet.base-url");
		describesTheTransactionCall((WalletTransportException) failure);
	}

	@ParameterizedTest
	@EnumSource(HttpClientChoice.class)
	void aFailedTlsHandshakeMeansNotSent(HttpClientChoice client) {
		try (WireServer server = WireServer.start(untrustedTls(), request -> Reply.ok("{}"))) {
			// a read timeout above any handshake time, so that only the handshake can fail
			Throwable failure = createTransaction(runner(client, server.baseUrl("https"))
				.withPropertyValues("paysera.wallet.connect-timeout=10s", "paysera.wallet.read-timeout=10s"));
			assertThat(failure).isInstanceOf(WalletNotSentException.class).hasMessageContaining("TLS handshake");
			describesTheTransactionCall((WalletTransportException) failure);
			assertThat(server.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(HttpClientChoice.class)
	void aPostDroppedAfterItWasReadHasAnUnknownOutcomeAndIsSentOnce(HttpClientChoice client) {
		try (WireServer server = WireServer.start(request -> Reply.drop())) {
			Throwable failure = createTransaction(runner(client, server.baseUrl()));
			List<Received> sent = server.requests("transaction");
			assertThat(sent).hasSize(1);
			assertThat(failure).isInstanceOf(WalletOutcomeUnknownException.class)
				.isNotInstanceOf(WalletTimeoutException.class)
				.hasMessageContaining("may have processed it");
			describesTheTransactionCall((WalletTransportException) failure);
			assertThat(((WalletTransportException) failure).getNonce()).isEqualTo(sent.get(0).nonce());
		}
	}

	@ParameterizedTest
	@EnumSource(HttpClientChoice.class)
	void aPostAnsweredTooSlowlyHasAnUnknownOutcomeAndIsSentOnce(HttpClientChoice client) {
		try (WireServer server = WireServer.start(request -> Reply.ok("{}").after(Duration.ofSeconds(5)))) {
			Throwable failure = createTransaction(runner(client, server.baseUrl()));
			List<Received> sent = server.requests("transaction");
			assertThat(sent).hasSize(1);
			assertThat(failure).isInstanceOf(WalletTimeoutException.class)
				.isInstanceOf(WalletOutcomeUnknownException.class)
				.hasMessageContaining("paysera.wallet.read-timeout");
			describesTheTransactionCall((WalletTransportException) failure);
			assertThat(((WalletTransportException) failure).getNonce()).isEqualTo(sent.get(0).nonce());
		}
	}

	@ParameterizedTest
	@EnumSource(HttpClientChoice.class)
	void aGetWhoseFirstAttemptReachedTheServerIsNotReportedAsNotSent(HttpClientChoice client) {
		AtomicReference<WireServer> holder = new AtomicReference<>();
		try (WireServer server = WireServer.start(request -> {
			holder.get().stopListening(); // the later attempts are refused
			return Reply.drop();
		})) {
			holder.set(server);
			Throwable failure = readBalance(runner(client, server.baseUrl()));
			assertThat(server.requests()).hasSize(1);
			assertThat(failure).isInstanceOf(WalletOutcomeUnknownException.class)
				.hasMessageContaining("after 3 attempts");
			assertThat(failure.getCause()).satisfies(last -> assertThat(TransportFailures.notSent(last)).isTrue());
			assertThat(((WalletTransportException) failure).getMethod()).isEqualTo("GET");
		}
	}

	/** TLS with a certificate the client does not trust. */
	private static ServerSocketFactory untrustedTls() {
		try (InputStream in = TransportFailureTests.class.getClassLoader().getResourceAsStream("tls/client.p12")) {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(in, "changeit".toCharArray());
			KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			managers.init(keys, "changeit".toCharArray());
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(managers.getKeyManagers(), null, null);
			return tls.getServerSocketFactory();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
