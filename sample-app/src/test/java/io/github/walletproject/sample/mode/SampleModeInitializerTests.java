package io.github.walletproject.sample.mode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.walletproject.sample.mode.SampleMode.Kind;
import org.junit.jupiter.api.Test;

import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Choosing between the embedded demo Wallet API and a real one.
 */
class SampleModeInitializerTests {

	private final SampleModeInitializer initializer = new SampleModeInitializer();

	@Test
	void withoutCredentialsTheDemoApiIsStartedConfiguredAndStoppedWithTheContext() throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("paysera.wallet.credentials.mac-id", "");
		GenericApplicationContext context = context(environment);

		this.initializer.initialize(context);
		context.refresh();

		SampleMode mode = context.getBean(SampleMode.class);
		DemoWalletApi demo = context.getBean(DemoWalletApi.class);
		assertThat(mode.kind()).isEqualTo(Kind.DEMO);
		assertThat(mode.apiBaseUrl()).isEqualTo(demo.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(environment.getProperty("paysera.wallet.base-url")).isEqualTo(demo.baseUrl());
		assertThat(environment.getProperty("paysera.wallet.credentials.mac-id")).isEqualTo(DemoWalletApi.MAC_ID);
		assertThat(environment.getProperty("paysera.wallet.projects.marketplace.credentials.mac-id"))
			.isEqualTo(DemoWalletApi.MARKETPLACE_MAC_ID);
		assertThat(environment.getProperty("paysera.wallet.default-project")).isEqualTo("shop");
		assertThat(serverTimeStatus(demo.baseUrl())).isEqualTo(200);

		context.close();
		assertThatExceptionOfType(java.io.IOException.class).isThrownBy(() -> serverTimeStatus(demo.baseUrl()));
	}

	@Test
	void duringSpringAotProcessingItStartsNothingAndDecidesNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("paysera.wallet.credentials.mac-id", "");
		GenericApplicationContext context = context(environment);

		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		try {
			this.initializer.initialize(context);
		}
		finally {
			System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
		}

		assertThat(context.getBeanFactory().containsSingleton(SampleModeInitializer.DEMO_BEAN_NAME)).isFalse();
		assertThat(context.getBeanFactory().containsSingleton("sampleMode")).isFalse();
		assertThat(environment.getProperty("paysera.wallet.base-url")).isNull();
	}

	@Test
	void withCredentialsItRunsLiveStartsNothingAndReadsTheProjectsShorthand() {
		MockEnvironment environment = new MockEnvironment().withProperty("paysera.wallet.credentials.mac-id", "real-id")
			.withProperty(SampleModeInitializer.PROJECTS_VARIABLE, "shop=1221, marketplace:1222");
		GenericApplicationContext context = context(environment);

		this.initializer.initialize(context);

		assertThat(context.getBeanFactory().containsSingleton(SampleModeInitializer.DEMO_BEAN_NAME)).isFalse();
		SampleMode mode = (SampleMode) context.getBeanFactory().getSingleton("sampleMode");
		assertThat(mode.kind()).isEqualTo(Kind.LIVE);
		assertThat(mode.apiBaseUrl()).isEqualTo("https://wallet.paysera.com/rest/v1/");
		assertThat(environment.getProperty("paysera.wallet.projects.shop.id")).isEqualTo("1221");
		assertThat(environment.getProperty("paysera.wallet.projects.marketplace.id")).isEqualTo("1222");
	}

	@Test
	void explicitProjectSettingsWinOverTheShorthand() {
		MockEnvironment environment = new MockEnvironment().withProperty("paysera.wallet.credentials.mac-id", "real-id")
			.withProperty("paysera.wallet.projects.shop.id", "5555")
			.withProperty(SampleModeInitializer.PROJECTS_VARIABLE, "shop=1221");

		this.initializer.initialize(context(environment));

		assertThat(environment.getProperty("paysera.wallet.projects.shop.id")).isEqualTo("5555");
	}

	@Test
	void sampleModeForcesTheDemoEvenWithCredentials() {
		MockEnvironment environment = new MockEnvironment().withProperty("paysera.wallet.credentials.mac-id", "real-id")
			.withProperty(SampleModeInitializer.MODE_PROPERTY, "demo");
		GenericApplicationContext context = context(environment);

		this.initializer.initialize(context);
		try {
			assertThat(context.getBeanFactory().containsSingleton(SampleModeInitializer.DEMO_BEAN_NAME)).isTrue();
			assertThat(environment.getProperty("paysera.wallet.credentials.mac-id")).isEqualTo(DemoWalletApi.MAC_ID);
		}
		finally {
			((DemoWalletApi) context.getBeanFactory().getSingleton(SampleModeInitializer.DEMO_BEAN_NAME)).close();
		}
	}

	@Test
	void aMalformedProjectsShorthandOrModeFailsWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> SampleModeInitializer.parseProjects("shop=12x"))
			.withMessageContaining("WALLET_PROJECTS must list alias=projectId pairs")
			.withMessageContaining("'shop=12x'");
		MockEnvironment environment = new MockEnvironment().withProperty(SampleModeInitializer.MODE_PROPERTY, "prod");
		assertThatIllegalStateException().isThrownBy(() -> SampleModeInitializer.isLive(environment))
			.withMessage("sample.mode must be auto, demo or live, got 'prod'");
	}

	private static GenericApplicationContext context(MockEnvironment environment) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(environment);
		return context;
	}

	private static int serverTimeStatus(String baseUrl) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "server")).build(),
				HttpResponse.BodyHandlers.discarding());
		return response.statusCode();
	}

}
