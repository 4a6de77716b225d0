package io.github.walletproject.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockWalletApi} when the application configures no credentials: the
 * annotation's MAC id and key are put into the environment and accepted by the mock.
 */
@SpringBootTest(classes = AutoConfigureMockWalletApiDefaultsTests.Config.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureMockWalletApi(macId = "annotated-id", macKey = "annotated-key")
class AutoConfigureMockWalletApiDefaultsTests {

	@Autowired
	MockWalletApi api;

	@Autowired
	Environment environment;

	@Test
	void suppliesTheAnnotationsCredentials() throws Exception {
		assertThat(this.environment.getProperty("paysera.wallet.credentials.mac-id")).isEqualTo("annotated-id");
		assertThat(this.environment.getProperty("paysera.wallet.credentials.mac-key")).isEqualTo("annotated-key");
		assertThat(this.environment.getProperty("paysera.wallet.base-url")).isEqualTo(this.api.baseUrl());
		assertThat(new SignedClient(this.api, "annotated-id", "annotated-key").get("client").statusCode())
			.isEqualTo(200);
		assertThat(new SignedClient(this.api, "test-mac-id", "test-mac-key").get("client").statusCode())
			.isEqualTo(401);
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
