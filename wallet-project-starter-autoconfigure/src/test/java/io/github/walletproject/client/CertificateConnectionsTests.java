package io.github.walletproject.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.support.HttpClientChoice;
import io.github.walletproject.support.MutualTlsServer;
import io.github.walletproject.support.MutualTlsServer.Connection;
import io.github.walletproject.support.MutualTlsServer.Refusal;
import io.github.walletproject.support.MutualTlsServer.Request;
import io.github.walletproject.support.TestApps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate mode keeps connections alive: the calls of one certificate share that
 * certificate's connections, and never one made with another certificate. Everything is
 * asserted from the side of an HTTPS server that requires client certificates and records
 * which certificate each connection authenticated with.
 */
class CertificateConnectionsTests {

	static final String BALANCE = "{\"EUR\":{\"at_disposal\":2299,\"at_disposal_decimal\":\"22.99\",\"reserved\":0,"
			+ "\"reserved_decimal\":\"0.00\"}}";

	private static final int CALLS = 1000;

	private static final int THREADS = 8;

	private static boolean handsBackAfterTheAnswer(HttpClientChoice client) {
		return client == HttpClientChoice.REACTOR || client == HttpClientChoice.JDK_ALONE;
	}

	/** A certificate-mode application: shop (1221) with bundle {@code wallet}, marketplace (1222) with {@code market}. */
	static ApplicationContextRunner twoCertificates(String baseUrl) {
		return TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=" + baseUrl, "paysera.wallet.auth.mode=certificate",
					"paysera.wallet.auth.ssl-bundle=wallet", "paysera.wallet.projects.shop.id=1221",
					"paysera.wallet.projects.marketplace.id=1222", "paysera.wallet.projects.marketplace.ssl-bundle=market",
					"paysera.wallet.access.source=configured", "paysera.wallet.retry.initial-backoff=1ms",
					"paysera.wallet.retry.max-backoff=5ms")
			.withPropertyValues(bundle("wallet", "client.p12"))
			.withPropertyValues(bundle("market", "market.p12"));
	}

	/** An SSL bundle with a client key store and a trust store that knows the test server. */
	static String[] bundle(String name, String file) {
		String prefix = "spring.ssl.bundle.jks." + name + ".";
		return new String[] { prefix + "keystore.location=classpath:tls/" + file, prefix + "keystore.password=changeit",
				prefix + "keystore.type=PKCS12", prefix + "truststore.location=classpath:tls/client.p12",
				prefix + "truststore.password=changeit", prefix + "truststore.type=PKCS12" };
	}

	/**
	 * Every HTTP client the starter configures. {@code HttpURLConnection} is left out: with an
	 * SSL bundle, Boot gives each of its connections a new {@code SSLContext}, and the JDK keeps
	 * a connection alive only for the same socket factory, so it makes one connection per call
	 * (see docs/certificates.md).
	 */
	@ParameterizedTest
	@EnumSource(names = "SIMPLE_ALONE", mode = EnumSource.Mode.EXCLUDE)
	void aThousandCallsOnEightThreadsShareAHandfulOfConnectionsPerCertificate(HttpClientChoice client) {
		try (MutualTlsServer server = MutualTlsServer.start("TLSv1.3", Refusal.WAIT, target -> BALANCE, "client.p12",
				"market.p12")) {
			client.apply(twoCertificates(server.baseUrl())).run(context -> {
				assertThat(context).hasNotFailed();
				WalletProjects wallet = context.getBean(WalletProjects.class);
				ExecutorService threads = Executors.newFixedThreadPool(THREADS);
				try {
					List<Future<?>> calls = new ArrayList<>();
					for (int i = 0; i < CALLS; i++) {
						boolean shop = i % 2 == 0;
						calls.add(threads.submit(() -> ProjectContext.runWith(shop ? "shop" : "marketplace",
								() -> wallet.api().balance(shop ? 2112 : 2113))));
					}
					for (Future<?> call : calls) {
						call.get();
					}
				}
				finally {
					threads.shutdownNow();
				}
			});
			List<Request> requests = server.requests();
			List<Connection> connections = server.connections();
			assertThat(requests).hasSize(CALLS);
			// no handshake failed (a client may open a connection it then closes unused, at shutdown)
			assertThat(connections).allSatisfy(connection -> assertThat(connection.refusal()).isNull());
			Map<String, Long> perCertificate = connections.stream()
				.filter(connection -> connection.certificate() != null)
				.collect(Collectors.groupingBy(Connection::certificate, Collectors.counting()));
			// a handful of kept-alive connections for each certificate, not one per call: at most one per
			// thread, plus, for the clients that hand a connection back to their pool on their own I/O
			// thread after the caller already has its answer (Reactor Netty, the JDK HttpClient), one per
			// thread still on its way back when that thread sends its next call
			int bound = handsBackAfterTheAnswer(client) ? 2 * THREADS : THREADS;
			assertThat(perCertificate).containsOnlyKeys("CN=localhost", "CN=market")
				.allSatisfy((certificate, count) -> assertThat(count).isLessThanOrEqualTo(bound));
			// each connection carried the calls of one certificate only, the one it authenticated with
			Map<String, String> certificateOfProject = Map.of("1221", "CN=localhost", "1222", "CN=market");
			assertThat(requests).allSatisfy(request -> {
				assertThat(request.projectId()).isIn("1221", "1222");
				assertThat(request.certificate()).isEqualTo(certificateOfProject.get(request.projectId()));
				assertThat(request.authorization()).isNull();
			});
			Map<Integer, Set<String>> projectsPerConnection = requests.stream()
				.collect(Collectors.groupingBy(Request::connection,
						Collectors.mapping(Request::projectId, Collectors.toSet())));
			assertThat(projectsPerConnection).allSatisfy((connection, projects) -> assertThat(projects).hasSize(1));
		}
	}

}
