package io.github.walletproject.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A real {@code SpringApplication} start with bad configuration prints the starter's failure
 * analysis (registered in {@code META-INF/spring.factories}) and no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupDiagnosticsTests {

	@Test
	void missingMacIdIsReportedByName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("paysera.wallet.credentials.mac-key=TopSecretKey-123", "spring.main.banner-mode=off")
			.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid Paysera Wallet configuration: paysera.wallet.credentials.mac-id is missing.")
			.contains("Update your application's configuration: Set it to your Wallet API client id or access token")
			.doesNotContain("TopSecretKey-123");
	}

	@Test
	void anUnresolvedPlaceholderInACredentialStopsStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("paysera.wallet.credentials.mac-id=${WALLET_TEST_UNSET_MAC_ID}",
				"paysera.wallet.credentials.mac-key=TopSecretKey-123"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("paysera.wallet.credentials.mac-id")
			.contains("WALLET_TEST_UNSET_MAC_ID")
			.doesNotContain("TopSecretKey-123");
	}

	@Test
	void aProjectIdWithALeadingZeroStopsStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(credentials("paysera.wallet.projects.shop.id=01221")));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("paysera.wallet.projects.shop.id")
			.contains("'01221'")
			.doesNotContain("TopSecretKey-123");
	}

	@Test
	void twoAliasesForOneProjectWithTheSameCredentialsStopStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(credentials("paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.projects.store.id=1221")));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("paysera.wallet.projects.store.id")
			.contains("paysera.wallet.projects.shop.id")
			.contains("1221");
	}

	@Test
	void aMisspelledKeyStopsStartupAndSuggestsTheNearestOne(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(credentials("paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.defualt-project=shop")));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("paysera.wallet.defualt-project")
			.contains("paysera.wallet.default-project");
	}

	@Test
	void aRenamedKeyStopsStartupNamingItsNewName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(credentials("paysera.wallet.access.cache.ttl=30m")));
		assertThat(output).contains("paysera.wallet.access.cache.ttl was renamed")
			.contains("paysera.wallet.access.cache.time-to-live");
	}

	@ParameterizedTest
	@CsvSource({ "paysera.wallet.access.cache.ttl=30m, paysera.wallet.access.cache.time-to-live",
			"paysera.wallet.health.check-reachability=true, management.health.wallet.check-reachability",
			"paysera.wallet.health.check-credentials=true, management.health.wallet.check-credentials",
			"paysera.wallet.health.clock-tolerance=5s, management.health.wallet.clock-tolerance",
			"paysera.wallet.health.cache-time-to-live=5s, management.health.wallet.time-to-live" })
	void everyRenamedKeyOfTheMetadataStopsStartupNamingItsNewName(String property, String replacement,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(credentials(property)));
		assertThat(output).contains(property.substring(0, property.indexOf('=')) + " was renamed")
			.contains("Use " + replacement + " instead");
	}

	@Test
	void plainHttpToAnotherHostIsWarnedAboutByProperty(CapturedOutput output) {
		start(credentials("paysera.wallet.base-url=http://wallet.example.com/rest/v1/")).close();
		assertThat(output).contains("WARN").contains("paysera.wallet.base-url").contains("http://wallet.example.com");
		start(credentials("paysera.wallet.base-url=http://127.0.0.1:9/rest/v1/")).close();
		assertThat(output.toString().split("paysera.wallet.base-url", -1)).hasSize(2);
	}

	private static org.springframework.context.ConfigurableApplicationContext start(String... properties) {
		String[] all = java.util.Arrays.copyOf(properties, properties.length + 1);
		all[properties.length] = "spring.main.banner-mode=off";
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(all).run();
	}

	private static String[] credentials(String... more) {
		java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("paysera.wallet.credentials.mac-id=id-1",
				"paysera.wallet.credentials.mac-key=TopSecretKey-123", "paysera.wallet.access.source=configured"));
		all.addAll(java.util.List.of(more));
		return all.toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
