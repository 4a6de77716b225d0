package io.github.walletproject.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Issue 18, item 5: variables of the operating-system environment that merely start with
 * {@code PAYSERA_WALLET_} (what Kubernetes injects for a Service named {@code paysera-wallet},
 * what applications keep and reference by placeholder) never stop the application, while the
 * relaxed forms of real properties still bind, and a misspelled key written on purpose
 * (properties, YAML, command line, {@code SPRING_APPLICATION_JSON}) still stops it. Each
 * application is a real {@code SpringApplication} whose {@code systemEnvironment} property
 * source holds the variables.
 */
@ExtendWith({ MockWalletApiExtension.class, OutputCaptureExtension.class })
class OperatingSystemEnvironmentTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@Test
	void kubernetesServiceVariablesAndTheApplicationsOwnVariablesDoNotStopStartup(CapturedOutput output) {
		Map<String, Object> pod = OperatingSystemEnvironment.kubernetesPodWith(Map.of("PAYSERA_WALLET_URL",
				api.baseUrl(), "PAYSERA_WALLET_MAC_ID", TestApps.MAC_ID, "PAYSERA_WALLET_MAC_KEY", TestApps.MAC_KEY));
		try (ConfigurableApplicationContext context = start(pod, new String[0],
				"paysera.wallet.base-url=${PAYSERA_WALLET_URL}", "paysera.wallet.credentials.mac-id=${PAYSERA_WALLET_MAC_ID}",
				"paysera.wallet.credentials.mac-key=${PAYSERA_WALLET_MAC_KEY}", "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.access.source=configured")) {
			api.reset();
			ProjectContext.runWith("shop", () -> context.getBean(WalletProjects.class).balance());

			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests().received(2).requestsForProject(1221);
		}
		assertThat(output).doesNotContain("APPLICATION FAILED TO START").doesNotContain("PAYSERA_WALLET_SERVICE_HOST");
	}

	/**
	 * Kubernetes Services named {@code paysera-wallet-projects} and
	 * {@code paysera-wallet-projects-api} give every pod variables that relaxed binding reads as
	 * projects named {@code service}, {@code port} and {@code api}: they are not projects, and
	 * must neither stop startup nor appear among the configured projects.
	 */
	@Test
	void kubernetesServicesNamedLikeTheProjectsMapAreNotProjects(CapturedOutput output) {
		Map<String, Object> pod = new java.util.LinkedHashMap<>(OperatingSystemEnvironment.kubernetesPodWith(Map.of()));
		pod.putAll(OperatingSystemEnvironment.kubernetesService("PAYSERA_WALLET_PROJECTS", "10.96.12.35"));
		pod.putAll(OperatingSystemEnvironment.kubernetesService("PAYSERA_WALLET_PROJECTS_API", "10.96.12.36"));
		try (ConfigurableApplicationContext context = start(pod, new String[0], "paysera.wallet.base-url=" + api.baseUrl(),
				"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID, "paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY,
				"paysera.wallet.projects.shop.id=1221", "paysera.wallet.access.source=configured")) {
			api.reset();
			WalletProjects wallet = context.getBean(WalletProjects.class);
			ProjectContext.runWith("shop", () -> wallet.balance());

			assertThat(wallet.configuredProjects()).containsOnlyKeys("shop");
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests().received(2).requestsForProject(1221);
		}
		assertThat(output).doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void relaxedFormsOfRealPropertiesInTheEnvironmentStillBind() {
		Map<String, Object> pod = OperatingSystemEnvironment.kubernetesPodWith(Map.of("PAYSERA_WALLET_BASEURL",
				api.baseUrl(), "PAYSERA_WALLET_CREDENTIALS_MACID", TestApps.MAC_ID, "PAYSERA_WALLET_CREDENTIALS_MACKEY",
				TestApps.MAC_KEY, "PAYSERA_WALLET_PROJECTS_SHOP_ID", "1221", "PAYSERA_WALLET_PROJECTS_MARKETPLACE_ID",
				"1222", "PAYSERA_WALLET_DEFAULTPROJECT", "marketplace", "PAYSERA_WALLET_ACCESS_SOURCE", "configured"));
		try (ConfigurableApplicationContext context = start(pod, new String[0])) {
			api.reset();
			WalletProjects wallet = context.getBean(WalletProjects.class);
			wallet.balance();
			ProjectContext.runWith("shop", () -> wallet.balance());

			assertThat(wallet.configuredProjects()).containsKeys("shop", "marketplace");
			assertThat(api).hasOnlyValidSignatures()
				.hasNoMisroutedRequests()
				.received(2)
				.requestsForProject(1222)
				.received(2)
				.requestsForProject(1221);
		}
	}

	@Test
	void variablesThatAreNotOursAreLoggedAtDebugByNameOnly(CapturedOutput output) {
		Map<String, Object> pod = OperatingSystemEnvironment.kubernetesPodWith(Map.of("PAYSERA_WALLET_MAC_KEY",
				"Kept-Out-Of-Logs-4711"));
		start(pod, new String[0], credentials("logging.level.io.github.walletproject.autoconfigure=debug")).close();

		assertThat(output).contains("PAYSERA_WALLET_SERVICE_HOST")
			.contains("PAYSERA_WALLET_PORT_443_TCP_ADDR")
			.contains("PAYSERA_WALLET_MAC_KEY")
			.doesNotContain("Kept-Out-Of-Logs-4711")
			.doesNotContain("10.96.12.34");
	}

	@Test
	void aMisspelledKeyInAPropertiesFileStillStopsStartup(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Path file = Files.writeString(directory.resolve("application.properties"),
				"paysera.wallet.defualt-project=shop\n");
		assertMisspelledKeyStopsStartup(output, Map.of(), new String[0], "spring.config.location=" + file.toUri());
	}

	@Test
	void aMisspelledKeyInYamlStillStopsStartup(@TempDir Path directory, CapturedOutput output) throws IOException {
		Path file = Files.writeString(directory.resolve("application.yml"),
				"paysera:\n  wallet:\n    defualt-project: shop\n");
		assertMisspelledKeyStopsStartup(output, Map.of(), new String[0], "spring.config.location=" + file.toUri());
	}

	@Test
	void aMisspelledKeyOnTheCommandLineStillStopsStartup(CapturedOutput output) {
		assertMisspelledKeyStopsStartup(output, Map.of(), new String[] { "--paysera.wallet.defualt-project=shop" });
	}

	@Test
	void aMisspelledKeyInSpringApplicationJsonStillStopsStartup(CapturedOutput output) {
		assertMisspelledKeyStopsStartup(output,
				Map.of("SPRING_APPLICATION_JSON", "{\"paysera\":{\"wallet\":{\"defualt-project\":\"shop\"}}}"),
				new String[0]);
	}

	private static void assertMisspelledKeyStopsStartup(CapturedOutput output, Map<String, Object> variables,
			String[] args, String... properties) {
		assertThatException().isThrownBy(() -> start(OperatingSystemEnvironment.kubernetesPodWith(variables), args,
				credentials(properties)));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("paysera.wallet.defualt-project is not a property of the starter")
			.contains("Use paysera.wallet.default-project if that is what you meant")
			.doesNotContain("PAYSERA_WALLET_SERVICE_HOST")
			.doesNotContain("TopSecretKey-123");
	}

	private static ConfigurableApplicationContext start(Map<String, Object> variables, String[] args,
			String... properties) {
		String[] all = java.util.Arrays.copyOf(properties, properties.length + 1);
		all[properties.length] = "spring.main.banner-mode=off";
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.environment(OperatingSystemEnvironment.of(variables))
			.properties(all)
			.run(args);
	}

	private static String[] credentials(String... more) {
		java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("paysera.wallet.base-url=" + api.baseUrl(),
				"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID, "paysera.wallet.credentials.mac-key=TopSecretKey-123",
				"paysera.wallet.projects.shop.id=1221", "paysera.wallet.access.source=configured"));
		all.addAll(java.util.List.of(more));
		return all.toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
