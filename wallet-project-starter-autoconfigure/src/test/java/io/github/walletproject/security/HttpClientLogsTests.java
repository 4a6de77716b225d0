package io.github.walletproject.security;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.support.WireServer;
import io.github.walletproject.support.WireServer.Reply;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every logger at TRACE, a signed call through each HTTP client the Wallet client can use:
 * the MAC id (which may be an access token) must not reach the output. Apache HttpClient 5
 * and Jetty print request headers at DEBUG; the starter turns those loggers down unless the
 * application sets them itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpClientLogsTests {

	private static final String TOKEN = "t0k3n-in-the-mac-id-5566778899";

	private static void signedCallWithEveryLoggerAtTrace(String factory, String... properties) {
		try (WireServer server = WireServer.start(request -> Reply.ok("{\"EUR\":{\"at_disposal\":1}}"))) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
				.web(WebApplicationType.NONE)
				.properties("logging.level.root=TRACE", "spring.main.banner-mode=off",
						"spring.http.clients.imperative.factory=" + factory, "paysera.wallet.base-url=" + server.baseUrl(),
						"paysera.wallet.credentials.mac-id=" + TOKEN, "paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY,
						"paysera.wallet.projects.shop.id=1221", "paysera.wallet.access.source=configured")
				.properties(properties)
				.run()) {
				RestClient client = context.getBean("walletRestClient", RestClient.class);
				ProjectContext.runWith("shop",
						() -> client.get().uri("wallet/2112/balance").retrieve().body(String.class));
			}
			assertThat(server.requests("wallet/2112/balance")).singleElement()
				.satisfies(request -> assertThat(request.nonce()).isNotNull());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-components", "jetty", "reactor" })
	void theMacIdStaysOutOfTheLogsOfEachClient(String factory, CapturedOutput output) {
		signedCallWithEveryLoggerAtTrace(factory);
		assertThat(output.getAll()).as("TRACE output").hasSizeGreaterThan(50_000).doesNotContain(TOKEN);
	}

	@ParameterizedTest
	@CsvSource({ "http-components, org.apache.hc.client5.http.headers",
			"http-components, org.apache.hc", "jetty, org.eclipse.jetty.client.transport.HttpSender" })
	void aHeaderLoggerTheApplicationTurnsOnIsLeftOn(String factory, String logger, CapturedOutput output) {
		signedCallWithEveryLoggerAtTrace(factory, "logging.level." + logger + "=debug");
		assertThat(output.getAll()).contains("MAC id=\"" + TOKEN + "\"");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
