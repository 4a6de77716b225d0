package io.github.walletproject.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.support.OperatingSystemEnvironment;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 6: {@code /actuator/env} over real HTTP, with
 * {@code management.endpoint.env.show-values=always}, never shows the MAC key (or MAC id) the
 * starter signs with, wherever the environment holds it: the environment variable a
 * {@code ${WALLET_MAC_KEY}} placeholder resolves, the {@code SPRING_APPLICATION_JSON} variable
 * and the properties Boot reads from it. Other values are still shown.
 */
@ExtendWith(MockWalletApiExtension.class)
class EnvEndpointMaskingTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@Test
	void theVariableAPlaceholderResolvesIsMasked() throws Exception {
		Map<String, Object> pod = OperatingSystemEnvironment.hostWith(
				Map.of("WALLET_MAC_ID", TestApps.MAC_ID, "WALLET_MAC_KEY", TestApps.MAC_KEY));
		try (ConfigurableApplicationContext context = start(pod, "paysera.wallet.credentials.mac-id=${WALLET_MAC_ID}",
				"paysera.wallet.credentials.mac-key=${WALLET_MAC_KEY}")) {
			assertSignsWithTheKey(context);
			String env = get(context, "/actuator/env");
			String variable = get(context, "/actuator/env/WALLET_MAC_KEY");

			assertThat(env).contains("WALLET_MAC_KEY")
				.contains(OperatingSystemEnvironment.HOSTNAME)
				.doesNotContain(TestApps.MAC_KEY)
				.doesNotContain(TestApps.MAC_ID);
			assertThat(variable).contains("******").doesNotContain(TestApps.MAC_KEY);
			assertThat(get(context, "/actuator/env/HOSTNAME")).contains(OperatingSystemEnvironment.HOSTNAME);
		}
	}

	@Test
	void springApplicationJsonHoldingTheKeyIsMasked() throws Exception {
		String json = "{\"paysera\":{\"wallet\":{\"credentials\":{\"mac-id\":\"" + TestApps.MAC_ID + "\",\"mac-key\":\""
				+ TestApps.MAC_KEY + "\"}}}}";
		Map<String, Object> pod = OperatingSystemEnvironment.hostWith(Map.of("SPRING_APPLICATION_JSON", json));
		try (ConfigurableApplicationContext context = start(pod)) {
			assertSignsWithTheKey(context);
			String env = get(context, "/actuator/env");

			assertThat(env).contains("SPRING_APPLICATION_JSON")
				.contains("spring.application.json")
				.contains(OperatingSystemEnvironment.HOSTNAME)
				.doesNotContain(TestApps.MAC_KEY)
				.doesNotContain(TestApps.MAC_ID);
			assertThat(get(context, "/actuator/env/SPRING_APPLICATION_JSON")).doesNotContain(TestApps.MAC_KEY);
		}
	}

	@Test
	void aKeyWrittenWithJsonEscapesInSpringApplicationJsonIsMasked() throws Exception {
		String key = "Escaped/Key\\With\"Quotes+0123456789==";
		api.client("escaping-client", key).userProjects("escaping-client", 1221);
		String json = "{\"paysera\":{\"wallet\":{\"credentials\":{\"mac-key\":\""
				+ key.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/") + "\"}}}}";
		try (ConfigurableApplicationContext context = start(
				OperatingSystemEnvironment.hostWith(Map.of("SPRING_APPLICATION_JSON", json)),
				"paysera.wallet.credentials.mac-id=escaping-client")) {
			assertSignsWithTheKey(context);
			JsonNode env = JSON.readTree(get(context, "/actuator/env"));

			assertThat(property(env, "systemEnvironment", "SPRING_APPLICATION_JSON")).isEqualTo("******");
			assertThat(property(env, "spring.application.json", "paysera.wallet.credentials.mac-key")).isEqualTo("******");
			assertThat(property(env, "systemEnvironment", "HOSTNAME")).isEqualTo(OperatingSystemEnvironment.HOSTNAME);
		}
	}

	private static String property(JsonNode env, String source, String name) {
		for (JsonNode propertySource : env.get("propertySources")) {
			if (propertySource.get("name").asString().equals(source)) {
				return propertySource.get("properties").get(name).get("value").asString();
			}
		}
		throw new AssertionError("No property source " + source);
	}

	@Test
	void aKeyGivenOnTheCommandLineAsJsonIsMasked() throws Exception {
		String json = "{\"paysera.wallet.credentials.mac-key\":\"" + TestApps.MAC_KEY + "\"}";
		try (ConfigurableApplicationContext context = start(OperatingSystemEnvironment.hostWith(Map.of()),
				new String[] { "--spring.application.json=" + json }, "paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID)) {
			assertSignsWithTheKey(context);

			assertThat(get(context, "/actuator/env")).contains("commandLineArgs")
				.contains(OperatingSystemEnvironment.HOSTNAME)
				.doesNotContain(TestApps.MAC_KEY);
		}
	}

	private static void assertSignsWithTheKey(ConfigurableApplicationContext context) {
		api.reset();
		ProjectContext.runWith("shop", () -> context.getBean(WalletProjects.class).balance());
		assertThat(api).hasOnlyValidSignatures().received(2).requestsForProject(1221);
	}

	private static String get(ConfigurableApplicationContext context, String path)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static ConfigurableApplicationContext start(Map<String, Object> variables, String... properties) {
		return start(variables, new String[0], properties);
	}

	private static ConfigurableApplicationContext start(Map<String, Object> variables, String[] args,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", "server.address=127.0.0.1",
				"server.port=0", "paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.access.source=configured", "management.endpoints.web.exposure.include=env",
				"management.endpoint.env.show-values=always"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.environment(OperatingSystemEnvironment.of(variables))
			.properties(all.toArray(String[]::new))
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
