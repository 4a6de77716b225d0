package io.github.walletproject.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockWalletApi} in a minimal Spring Boot test context with configured
 * credentials and projects: the base URL points at the running mock (even over a configured
 * one), the configured MAC ids and keys are accepted, aliases are known to the assertions,
 * and the mock is a bean.
 */
@SpringBootTest(classes = AutoConfigureMockWalletApiTests.Config.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "paysera.wallet.base-url=https://wallet.paysera.com/rest/v1/",
				"paysera.wallet.credentials.mac-id=default-client", "paysera.wallet.credentials.mac-key=default-key",
				"paysera.wallet.projects.shop.id=1221", "paysera.wallet.projects.shop.credentials.mac-id=shop-client",
				"paysera.wallet.projects.shop.credentials.mac-key=shop-key", "paysera.wallet.projects.market.id=1222",
				"paysera.wallet.projects.broken.id=not-a-number" })
@AutoConfigureMockWalletApi
class AutoConfigureMockWalletApiTests {

	@Autowired
	MockWalletApi api;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Test
	void baseUrlPointsAtTheRunningMock() throws Exception {
		String baseUrl = this.environment.getProperty("paysera.wallet.base-url");

		assertThat(baseUrl).isEqualTo(this.api.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(SignedClient.send(HttpRequest.newBuilder(URI.create(baseUrl + "server")).build()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void mockIsTheOneBean() {
		assertThat(this.context.getBean(MockWalletApi.class)).isSameAs(this.api);
		assertThat(this.context.getBeanNamesForType(MockWalletApi.class)).containsExactly("mockWalletApi");
	}

	@Test
	void acceptsTheConfiguredCredentialsOnly() throws IOException, InterruptedException {
		this.api.reset();
		String baseUrl = this.api.baseUrl();
		int port = this.api.port();

		assertThat(new SignedClient(baseUrl, port, "default-client", "default-key").get("client").statusCode())
			.isEqualTo(200);
		assertThat(new SignedClient(baseUrl, port, "shop-client", "shop-key").get("client", 1221).statusCode())
			.isEqualTo(200);
		assertThat(new SignedClient(baseUrl, port, "shop-client", "default-key").get("client").statusCode())
			.isEqualTo(401);
		// the annotation's test credentials are only supplied when none are configured
		assertThat(new SignedClient(baseUrl, port, "test-mac-id", "test-mac-key").get("client").statusCode())
			.isEqualTo(401);
		assertThat(this.environment.getProperty("paysera.wallet.credentials.mac-id")).isEqualTo("default-client");
	}

	@Test
	void configuredAliasesAreKnownToTheAssertions() throws Exception {
		this.api.reset();
		SignedClient client = new SignedClient(this.api, "default-client", "default-key");
		client.get("client", 1221);
		client.get("client", 1222);
		client.get("client", 1222);

		assertThat(this.api.projectId("shop")).isEqualTo(1221);
		assertThat(this.api.projectId("market")).isEqualTo(1222);
		assertThat(this.api).received(1).requestsForProject("shop").received(2).requestsForProject("market");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.api.projectId("broken"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
