package io.github.walletproject.client;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProjects;
import io.github.walletproject.WalletTransportException;
import io.github.walletproject.support.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client-certificate mode against a real mutual-TLS server: the certificate comes from a
 * Spring Boot SSL bundle (per project where configured), the server certificate is verified,
 * no Authorization header is sent and the project travels as {@code Wallet-Api-Project-Id}.
 */
class CertificateModeTests {

	private HttpsServer server;

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	record Seen(String path, String clientCn, Map<String, List<String>> headers) {
	}

	@BeforeEach
	void start() throws Exception {
		KeyStore serverKeys = load("tls/client.p12");
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("client", load("tls/client.p12").getCertificate("wallet"));
		trusted.setCertificateEntry("market", load("tls/market.p12").getCertificate("market"));
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(serverKeys, "changeit".toCharArray());
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext ssl = SSLContext.getInstance("TLS");
		ssl.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
		this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters parameters = ssl.getDefaultSSLParameters();
				parameters.setNeedClientAuth(true);
				params.setSSLParameters(parameters);
			}
		});
		this.server.createContext("/", exchange -> {
			try (exchange) {
				X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
					.getPeerCertificates()[0];
				this.seen.add(new Seen(exchange.getRequestURI().getPath(), client.getSubjectX500Principal().getName(),
						Map.copyOf(exchange.getRequestHeaders())));
				String path = exchange.getRequestURI().getPath();
				String body = path.endsWith("/server") ? "{\"time\":1700000000}"
						: path.contains("/balance") ? "{\"EUR\":{\"at_disposal\":100,\"at_disposal_decimal\":\"1.00\","
								+ "\"reserved\":0,\"reserved_decimal\":\"0.00\"}}"
								: path.contains("/user/") ? "[{\"id\":1221,\"title\":\"Shop\"},{\"id\":1222,\"title\":\"M\"}]"
										: "{}";
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private ApplicationContextRunner runner() {
		return TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=https://localhost:" + this.server.getAddress().getPort() + "/rest/v1/",
					"paysera.wallet.auth.mode=certificate", "paysera.wallet.auth.ssl-bundle=wallet",
					"paysera.wallet.projects.shop.id=1221", "paysera.wallet.projects.marketplace.id=1222",
					"paysera.wallet.access.source=configured")
			.withPropertyValues(bundle("wallet", "client.p12", true));
	}

	/** An SSL bundle with a client key store and (optionally) a trust store that knows the test server. */
	private static String[] bundle(String name, String file, boolean trustServer) {
		String prefix = "spring.ssl.bundle.jks." + name + ".";
		List<String> properties = new java.util.ArrayList<>(List.of(prefix + "keystore.location=classpath:tls/" + file,
				prefix + "keystore.password=changeit", prefix + "keystore.type=PKCS12"));
		if (trustServer) {
			properties.addAll(List.of(prefix + "truststore.location=classpath:tls/client.p12",
					prefix + "truststore.password=changeit", prefix + "truststore.type=PKCS12"));
		}
		return properties.toArray(String[]::new);
	}

	@Test
	void sendsTheProjectAsAHeaderOverMutualTls() {
		runner().run(context -> {
			assertThat(context).hasNotFailed();
			WalletProjects wallet = context.getBean(WalletProjects.class);
			ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
			wallet.serverTime();
			assertThat(this.seen).hasSize(2);
			Seen balance = this.seen.get(0);
			assertThat(balance.clientCn()).isEqualTo("CN=localhost");
			assertThat(balance.headers()).containsEntry("Wallet-api-project-id", List.of("1221"))
				.doesNotContainKey("Authorization");
			assertThat(this.seen.get(1).headers()).doesNotContainKey("Wallet-api-project-id")
				.doesNotContainKey("Authorization");
		});
	}

	@Test
	void projectsWithBundlesOfTheirOwnPresentTheirCertificate() {
		runner()
			.withPropertyValues("paysera.wallet.projects.marketplace.ssl-bundle=market")
			.withPropertyValues(bundle("market", "market.p12", true))
			.run(context -> {
				assertThat(context).hasNotFailed();
				WalletProjects wallet = context.getBean(WalletProjects.class);
				for (int i = 0; i < 3; i++) {
					ProjectContext.runWith("marketplace", () -> wallet.api().balance(2113));
					ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
				}
				assertThat(this.seen).hasSize(6);
				assertThat(this.seen).filteredOn(s -> s.path().endsWith("/2113/balance"))
					.extracting(Seen::clientCn)
					.containsOnly("CN=market");
				assertThat(this.seen).filteredOn(s -> s.path().endsWith("/2112/balance"))
					.extracting(Seen::clientCn)
					.containsOnly("CN=localhost");
			});
	}

	@Test
	void serverCertificateIsVerified() {
		// a bundle without a truststore falls back to the JDK's CAs, which do not know the test server
		TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=https://localhost:" + this.server.getAddress().getPort() + "/rest/v1/",
					"paysera.wallet.auth.mode=certificate", "paysera.wallet.auth.ssl-bundle=wallet",
					"paysera.wallet.retry.max-attempts=1")
			.withPropertyValues(bundle("wallet", "client.p12", false))
			.run(context -> {
				assertThatExceptionOfType(WalletTransportException.class)
					.isThrownBy(() -> context.getBean(WalletProjects.class).serverTime());
				assertThat(this.seen).isEmpty();
			});
	}

	private static KeyStore load(String resource) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = CertificateModeTests.class.getClassLoader().getResourceAsStream(resource)) {
			store.load(in, "changeit".toCharArray());
		}
		return store;
	}

}
