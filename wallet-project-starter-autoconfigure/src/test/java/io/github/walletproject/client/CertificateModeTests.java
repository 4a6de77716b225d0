package io.github.walletproject.client;

import java.io.InputStream;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.WalletTransportException;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client-certificate mode against the mock Wallet API over real mutual TLS: the certificate comes from a
 * Spring Boot SSL bundle (per project where configured), the server certificate is verified,
 * no Authorization header is sent and the project travels as {@code Wallet-Api-Project-Id}.
 */
class CertificateModeTests {

	private MockWalletApi api;

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
		this.api = TestApps.fixtures(MockWalletApi.startHttps(ssl));
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	private ApplicationContextRunner runner() {
		return TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=" + this.api.baseUrl(),
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
			wallet.client();
			List<ReceivedRequest> requests = this.api.requests();
			assertThat(requests).hasSize(2).allSatisfy(request -> {
				assertThat(request.clientCertificate()).isEqualTo("CN=localhost");
				assertThat(request.header("Authorization")).isEmpty();
				assertThat(request.status()).isEqualTo(200);
			});
			assertThat(requests.get(0).header("Wallet-Api-Project-Id")).contains("1221");
			assertThat(requests.get(1).header("Wallet-Api-Project-Id")).isEmpty();
			// further routing parameters travel as headers too
			ProjectContext.runWith("shop", () -> context.getBean("walletRestClient", org.springframework.web.client.RestClient.class)
				.post()
				.uri("transaction")
				.body("{}")
				.attributes(io.github.walletproject.WalletRequestAttributes.routingParameter("location_id", "77"))
				.retrieve()
				.toBodilessEntity());
			ReceivedRequest post = this.api.requests().get(2);
			assertThat(post.header("Wallet-Api-Project-Id")).contains("1221");
			assertThat(post.header("Wallet-Api-Location-Id")).contains("77");
			assertThat(post.header("Authorization")).isEmpty();
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
				List<ReceivedRequest> requests = this.api.requests();
				assertThat(requests).hasSize(6).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
				assertThat(requests).filteredOn(r -> r.path().equals("wallet/2113/balance"))
					.extracting(ReceivedRequest::clientCertificate)
					.containsOnly("CN=market");
				assertThat(requests).filteredOn(r -> r.path().equals("wallet/2112/balance"))
					.extracting(ReceivedRequest::clientCertificate)
					.containsOnly("CN=localhost");
				assertThat(requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
			});
	}

	@Test
	void anAliasNamedDefaultPresentsItsOwnCertificate() {
		runner()
			.withPropertyValues("paysera.wallet.projects.default.id=1230", "paysera.wallet.projects.default.ssl-bundle=market")
			.withPropertyValues(bundle("market", "market.p12", true))
			.run(context -> {
				assertThat(context).hasNotFailed();
				WalletProjects wallet = context.getBean(WalletProjects.class);
				ProjectContext.runWith("default", () -> wallet.api().balance(2130));
				ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
				List<ReceivedRequest> requests = this.api.requests();
				assertThat(requests).hasSize(2).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
				assertThat(requests.get(0).clientCertificate()).isEqualTo("CN=market");
				assertThat(requests.get(0).header("Wallet-Api-Project-Id")).contains("1230");
				assertThat(requests.get(1).clientCertificate()).isEqualTo("CN=localhost");
			});
	}

	@Test
	void aHandSetProjectHeaderIsRefusedInsteadOfSentUnchecked() {
		runner().run(context -> {
			org.springframework.web.client.RestClient client = context.getBean("walletRestClient",
					org.springframework.web.client.RestClient.class);
			assertThatExceptionOfType(io.github.walletproject.WalletException.class).isThrownBy(() -> client.get()
				.uri("wallet/2114/balance")
				.header("Wallet-Api-Project-Id", "1223")
				.attributes(io.github.walletproject.WalletRequestAttributes.accountLevel())
				.retrieve()
				.toBodilessEntity()).withMessageContaining("Wallet-Api-Project-Id");
			assertThat(this.api.requests()).isEmpty();
		});
	}

	@Test
	void serverCertificateIsVerified() {
		// a bundle without a truststore falls back to the JDK's CAs, which do not know the test server
		TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=" + this.api.baseUrl(),
					"paysera.wallet.auth.mode=certificate", "paysera.wallet.auth.ssl-bundle=wallet",
					"paysera.wallet.retry.max-attempts=1")
			.withPropertyValues(bundle("wallet", "client.p12", false))
			.run(context -> {
				assertThatExceptionOfType(WalletTransportException.class)
					.isThrownBy(() -> context.getBean(WalletProjects.class).client());
				assertThat(this.api.requests()).isEmpty();
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
