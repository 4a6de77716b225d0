package io.github.walletproject.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockWalletApi} supplies its credentials whenever it is active, over
 * what the application's configuration holds: an {@code application.yml} whose credentials
 * are placeholders (unresolvable ones, and ones with defaults) starts with the annotation's
 * MAC id and key, and every project with credentials of its own gets test credentials named
 * after its alias. Credentials the test itself sets win (see
 * {@link AutoConfigureMockWalletApiTests}).
 */
@SpringBootTest(classes = AutoConfigureMockWalletApiPlaceholdersTests.Config.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.config.location=classpath:/placeholders/",
				"paysera.wallet.projects.outlet.credentials.mac-key=declared-by-the-test" })
@AutoConfigureMockWalletApi(macId = "kit-id", macKey = "kit-key")
class AutoConfigureMockWalletApiPlaceholdersTests {

	@Autowired
	MockWalletApi api;

	@Autowired
	Environment environment;

	@Test
	void defaultCredentialsArePlaceholdersThatAreNeverResolved() throws Exception {
		assertThat(this.environment.getProperty("paysera.wallet.credentials.mac-id")).isEqualTo("kit-id");
		assertThat(this.environment.getProperty("paysera.wallet.credentials.mac-key")).isEqualTo("kit-key");
		assertThat(new SignedClient(this.api, "kit-id", "kit-key").get("client").statusCode()).isEqualTo(200);
	}

	@Test
	void aProjectsOwnCredentialsAreReplacedByTestCredentialsNamedAfterItsAlias() throws Exception {
		assertThat(this.environment.getProperty("paysera.wallet.projects.marketplace.credentials.mac-id"))
			.isEqualTo("kit-id-marketplace");
		assertThat(this.environment.getProperty("paysera.wallet.projects.marketplace.credentials.mac-key"))
			.isEqualTo("kit-key-marketplace");
		assertThat(new SignedClient(this.api, "kit-id-marketplace", "kit-key-marketplace").get("client", 1222)
			.statusCode()).isEqualTo(200);
		assertThat(new SignedClient(this.api, "resolvable-marketplace-id", "resolvable-marketplace-key").get("client")
			.statusCode()).isEqualTo(401);
		assertThat(this.environment.getProperty("paysera.wallet.projects.shop.credentials.mac-id")).isNull();
	}

	@Test
	void whatTheTestSetsItselfWins() throws Exception {
		assertThat(this.environment.getProperty("paysera.wallet.projects.outlet.credentials.mac-id"))
			.isEqualTo("kit-id-outlet");
		assertThat(this.environment.getProperty("paysera.wallet.projects.outlet.credentials.mac-key"))
			.isEqualTo("declared-by-the-test");
		assertThat(new SignedClient(this.api, "kit-id-outlet", "declared-by-the-test").get("client", 1223).statusCode())
			.isEqualTo(200);
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
