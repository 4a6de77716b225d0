package io.github.walletproject.security;

import java.time.Duration;
import java.util.Map;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.client.WalletTokenRefresher;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Runs traffic of every kind (success, retries, refusals, clock skew, token refresh, bad
 * configuration) with every logger at TRACE, and searches everything printed for the MAC
 * key, the access token used as MAC id, and an SSL bundle password.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

	private static final String TOKEN = "tok3n-4cce55-0123456789abcdef";

	private static final String KEY = "k3y-s3cr3t-9876543210fedcba";

	private static final String REFRESHED_TOKEN = "r3fr35h3d-t0k3n-aaaabbbb";

	private static final String REFRESHED_KEY = "r3fr35h3d-k3y-ccccdddd";

	private static final String BUNDLE_PASSWORD = "changeit";

	static MockWalletApi api;

	@BeforeAll
	static void start() {
		api = TestApps.fixtures(MockWalletApi.start()).client(TOKEN, KEY).client(REFRESHED_TOKEN, REFRESHED_KEY)
			.userProjects(TOKEN, 1221, 1222).userProjects(REFRESHED_TOKEN, 1221, 1222);
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void noSecretReachesAnyLogLineAtTrace(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("logging.level.root=TRACE", "spring.main.banner-mode=off",
					"paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.credentials.mac-id=" + TOKEN,
					"paysera.wallet.credentials.mac-key=" + KEY, "paysera.wallet.projects.shop.id=1221",
					"paysera.wallet.projects.marketplace.id=1222", "paysera.wallet.retry.initial-backoff=1ms",
					"spring.ssl.bundle.jks.wallet.keystore.location=classpath:tls/client.p12",
					"spring.ssl.bundle.jks.wallet.keystore.password=" + BUNDLE_PASSWORD,
					"spring.ssl.bundle.jks.wallet.keystore.type=PKCS12", "management.endpoint.env.show-values=always",
					"management.endpoints.web.exposure.include=*", "management.endpoints.access.default=unrestricted")
			.run()) {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			api.failNext("GET", "wallet/2112/balance", Fault.badGateway(), 1);
			ProjectContext.runWith("shop", wallet::balance);
			api.failNext("POST", "transaction", Fault.invalidTimestamp(), 1);
			ProjectContext.runWith("marketplace",
					() -> client.post().uri("transaction").body(Map.of("amount", 1)).retrieve().toBodilessEntity());
			api.failNext("GET", "client", Fault.invalidGrant(), 1);
			wallet.client();
			assertThatException().isThrownBy(() -> ProjectContext.runWith("1223", wallet::balance));
			api.failNext("GET", "wallet/2113/balance", Fault.error(401, "unauthorized", "Invalid MAC"), 1);
			assertThatException().isThrownBy(() -> ProjectContext.runWith("marketplace", wallet::balance));
			api.serverClockOffset(Duration.ofMinutes(9));
			ProjectContext.runWith("shop", wallet::balance);
			api.serverClockOffset(Duration.ZERO);
			context.getBean(org.springframework.boot.actuate.env.EnvironmentEndpoint.class).environment(null);
		}
		// a failing start-up, with the key in the configuration
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("logging.level.root=TRACE", "paysera.wallet.credentials.mac-key=" + KEY,
					"paysera.wallet.credentials.mac-id=bad\"" + TOKEN)
			.run());
		assertThat(output.getAll()).as("TRACE output").hasSizeGreaterThan(100_000);
		// evidence that the traffic's own log lines were captured
		assertThat(output.getAll()).contains("Wallet API clock offset is now")
			.contains("access token of credentials 'default' was refreshed")
			.contains("Invalid Paysera Wallet configuration: paysera.wallet.credentials.mac-id");
		for (String secret : new String[] { KEY, TOKEN, REFRESHED_TOKEN, REFRESHED_KEY, "password=" + BUNDLE_PASSWORD }) {
			assertThat(output.getAll()).as("logs must not contain a secret").doesNotContain(secret);
		}
	}

	@Test
	void exceptionsAndToStringsHoldNoSecret() {
		MacSigner signer = new MacSigner(TOKEN, KEY);
		assertThat(signer.toString()).doesNotContain(TOKEN).doesNotContain(KEY);
		io.github.walletproject.autoconfigure.WalletProperties properties = new io.github.walletproject.autoconfigure.WalletProperties();
		properties.getCredentials().setMacId(TOKEN);
		properties.getCredentials().setMacKey(KEY);
		assertThat(properties.toString() + properties.getCredentials()).doesNotContain(TOKEN).doesNotContain(KEY);
		try {
			new MacSigner(TOKEN + "\"", KEY);
		}
		catch (IllegalArgumentException ex) {
			assertThat(ex.getMessage()).doesNotContain(TOKEN).doesNotContain(KEY);
		}
		assertThat(WalletException.class).isNotNull();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		WalletTokenRefresher refresher() {
			return credentials -> new MacSigner(REFRESHED_TOKEN, REFRESHED_KEY);
		}

	}

}
