package io.github.walletproject.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockWalletApi} finds credentials and project ids written in any of the
 * forms Spring Boot's relaxed binding accepts for {@code paysera.wallet.*} (camel case,
 * underscore), as the starter itself binds them.
 */
@SpringBootTest(classes = AutoConfigureMockWalletApiRelaxedNamesTests.Config.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "paysera.wallet.credentials.macId=camel-client", "paysera.wallet.credentials.macKey=camel-key",
				"paysera.wallet.projects.shop.id=1221", "paysera.wallet.projects.shop.credentials.mac_id=underscore-client",
				"paysera.wallet.projects.shop.credentials.mac_key=underscore-key" })
@AutoConfigureMockWalletApi
class AutoConfigureMockWalletApiRelaxedNamesTests {

	@Autowired
	MockWalletApi api;

	@Test
	void acceptsCredentialsConfiguredInCamelCase() throws Exception {
		assertThat(new SignedClient(this.api, "camel-client", "camel-key").get("client").statusCode()).isEqualTo(200);
	}

	@Test
	void acceptsCredentialsConfiguredWithUnderscores() throws Exception {
		assertThat(new SignedClient(this.api, "underscore-client", "underscore-key").get("client", 1221).statusCode())
			.isEqualTo(200);
		assertThat(this.api.projectId("shop")).isEqualTo(1221);
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
