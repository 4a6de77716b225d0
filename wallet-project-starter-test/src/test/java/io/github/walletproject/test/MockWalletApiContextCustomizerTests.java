package io.github.walletproject.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link MockWalletApiContextCustomizerFactory}: only annotated test classes get a mock; the
 * mock is stopped when its application context closes; the application's credentials are
 * replaced by test credentials, wherever they come from.
 */
class MockWalletApiContextCustomizerTests {

	@AutoConfigureMockWalletApi
	static class Annotated {

	}

	@AutoConfigureMockWalletApi(macId = "other")
	static class OtherCredentials {

	}

	static class NotAnnotated {

	}

	static class InheritsTheAnnotation extends Annotated {

	}

	private final MockWalletApiContextCustomizerFactory factory = new MockWalletApiContextCustomizerFactory();

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	@Test
	void onlyAnnotatedClassesAreCustomized() {
		assertThat(customizer(NotAnnotated.class)).isNull();
		assertThat(customizer(Annotated.class)).isNotNull();
		assertThat(customizer(InheritsTheAnnotation.class)).isNotNull();
	}

	@Test
	void customizersOfTheSameAnnotationAreEqualSoTheContextIsCached() {
		assertThat(customizer(Annotated.class)).isEqualTo(customizer(InheritsTheAnnotation.class))
			.hasSameHashCodeAs(customizer(InheritsTheAnnotation.class))
			.isNotEqualTo(customizer(OtherCredentials.class));
	}

	@Test
	void mockIsStoppedWhenTheContextCloses() throws Exception {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("test",
					java.util.Map.of("paysera.wallet.projects.shop.credentials.mac-id", "shop-client",
							"paysera.wallet.projects.shop.credentials.mac-key", "shop-key",
							"paysera.wallet.projects.shop.id", "1221")));
		customizer(Annotated.class).customizeContext(context, null);
		context.refresh();
		MockWalletApi api = context.getBean(MockWalletApi.class);
		String baseUrl = context.getEnvironment().getProperty("paysera.wallet.base-url");
		assertThat(baseUrl).isEqualTo(api.baseUrl());
		assertThat(new SignedClient(api, "test-mac-id-shop", "test-mac-key-shop").get("client").statusCode())
			.isEqualTo(200);
		assertThat(new SignedClient(api, "test-mac-id", "test-mac-key").get("client").statusCode()).isEqualTo(200);
		assertThat(api.projectId("shop")).isEqualTo(1221);

		context.close();

		assertStopped(baseUrl);
	}

	@Test
	void replacesCredentialsFromEnvironmentVariablesAndFindsProjectsThere() throws Exception {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("test-systemEnvironment",
					java.util.Map.of("PAYSERA_WALLET_CREDENTIALS_MACID", "env-client", "PAYSERA_WALLET_CREDENTIALS_MACKEY",
							"env-key", "PAYSERA_WALLET_PROJECTS_SHOP_ID", "1221",
							"PAYSERA_WALLET_PROJECTS_SHOP_CREDENTIALS_MACID", "env-shop",
							"PAYSERA_WALLET_PROJECTS_SHOP_CREDENTIALS_MACKEY", "env-shop-key")));
		customizer(Annotated.class).customizeContext(context, null);
		context.refresh();
		try {
			MockWalletApi api = context.getBean(MockWalletApi.class);

			// the application's credentials (here: environment variables) are replaced by the
			// test credentials, also for a project with credentials of its own
			assertThat(new SignedClient(api, "test-mac-id", "test-mac-key").get("client").statusCode()).isEqualTo(200);
			assertThat(new SignedClient(api, "test-mac-id-shop", "test-mac-key-shop").get("client").statusCode())
				.isEqualTo(200);
			assertThat(new SignedClient(api, "env-client", "env-key").get("client").statusCode()).isEqualTo(401);
			assertThat(new SignedClient(api, "env-shop", "env-shop-key").get("client").statusCode()).isEqualTo(401);
			assertThat(context.getEnvironment().getProperty("paysera.wallet.projects.shop.credentials.mac-id"))
				.isEqualTo("test-mac-id-shop");
			assertThat(api.projectId("shop")).isEqualTo(1221);
		}
		finally {
			context.close();
		}
	}

	@Test
	void mockOfASpringBootTestIsStoppedWhenTheTestContextIsClosed() {
		SpringScenario.seen.set(null);
		SummaryGeneratingListener listener = new SummaryGeneratingListener();

		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SpringScenario.class)).build(),
					listener);

		assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(1);
		assertThat(SpringScenario.seen.get()).isNotNull();
		assertStopped(SpringScenario.seen.get().baseUrl());
	}

	private static void assertStopped(String baseUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "server")).build();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> SignedClient.send(request));
	}

	/** Run only through the launcher above. */
	@SpringBootTest(classes = SpringScenario.Config.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
	@AutoConfigureMockWalletApi(macId = "scenario-id")
	@DirtiesContext
	static class SpringScenario {

		static final AtomicReference<MockWalletApi> seen = new AtomicReference<>();

		@Autowired
		MockWalletApi api;

		@Test
		void running() throws Exception {
			seen.set(this.api);
			assertThat(new SignedClient(this.api, "scenario-id", "test-mac-key").get("client").statusCode())
				.isEqualTo(200);
		}

		@Configuration(proxyBeanMethods = false)
		static class Config {

		}

	}

}
