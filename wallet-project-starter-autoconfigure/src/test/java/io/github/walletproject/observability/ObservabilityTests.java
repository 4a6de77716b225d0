package io.github.walletproject.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.client.WalletApi;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Metrics, observations, health, the actuator endpoint and secret masking, in applications
 * started the way users start them (all auto-configuration on the classpath).
 */
@ExtendWith(MockWalletApiExtension.class)
class ObservabilityTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}



	private static ConfigurableApplicationContext app(String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
				"paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.projects.marketplace.id=1222", "management.endpoints.access.default=unrestricted",
				"management.endpoints.web.exposure.include=*", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "management.health.wallet.time-to-live=0s"));
		properties.addAll(List.of(extra));
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	@Test
	void metricsAndObservationsAfterKnownTraffic() {
		try (ConfigurableApplicationContext context = app()) {
			WalletApi wallet = context.getBean(WalletApi.class);
			for (int i = 0; i < 3; i++) {
				ProjectContext.runWith("shop", () -> wallet.balance(2112));
			}
			ProjectContext.runWith("marketplace", () -> wallet.balance(2113));
			assertThatExceptionOfType(ProjectAccessDeniedException.class)
				.isThrownBy(() -> ProjectContext.runWith("1223", () -> wallet.balance(2114)));
			wallet.client();

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(count(registry, "wallet.access.checks", "result", "granted", "project", "shop")).isEqualTo(3);
			assertThat(count(registry, "wallet.access.checks", "result", "granted", "project", "marketplace")).isEqualTo(1);
			assertThat(count(registry, "wallet.access.checks", "result", "denied", "project", "unaliased")).isEqualTo(1);
			assertThat(count(registry, "wallet.cache.gets", "cache", "access", "result", "miss")).isEqualTo(1);
			assertThat(count(registry, "wallet.cache.gets", "cache", "access", "result", "hit")).isEqualTo(4);
			assertThat(registry.get("wallet.cache.loads").tags("cache", "access", "result", "success").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("wallet.client.requests").tags("wallet.project", "shop").timer().count()).isEqualTo(3);
			assertThat(registry.get("wallet.client.requests").tags("wallet.project", "marketplace", "status", "200")
				.timer()
				.count()).isEqualTo(1);
			// the access lookup and GET client carry no project
			assertThat(registry.get("wallet.client.requests").tags("wallet.project", "none").timers())
				.extracting(timer -> timer.getId().getTag("uri") + "=" + timer.count())
				.containsExactlyInAnyOrder("/rest/v1/user/{user}/projects=1", "/rest/v1/client=1");
			// the refused call is observed too, with its (bounded) project tag and the error
			assertThat(registry.get("wallet.client.requests")
				.tags("wallet.project", "unaliased", "exception", "ProjectAccessDeniedException")
				.timer()
				.count()).isEqualTo(1);
			// told apart from a sent request: nothing was sent, so its outcome is REFUSED, never UNKNOWN
			assertThat(registry.get("wallet.client.requests")
				.tags("wallet.project", "unaliased", "outcome", "REFUSED")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.find("wallet.client.requests").tags("outcome", "UNKNOWN").timers()).isEmpty();
			assertThat(registry.get("wallet.clock.offset").gauge().value()).isZero();
			// tags stay bounded: no raw project id as a tag value
			assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
				.noneMatch(tag -> tag.getValue().equals("1223") || tag.getValue().equals("1221")));
		}
	}

	@Test
	void healthIsUpWithDetails() {
		try (ConfigurableApplicationContext context = app()) {
			Health health = context.getBean("walletHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("reachable", true)
				.containsEntry("credentials", Map.of("default", "accepted"));
			assertThat((Long) health.getDetails().get("clockOffsetSeconds")).isBetween(-1L, 1L);
		}
	}

	@Test
	void healthIsDownWhenCredentialsAreRefused() {
		try (ConfigurableApplicationContext context = app(
				"paysera.wallet.projects.marketplace.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
				"paysera.wallet.projects.marketplace.credentials.mac-key=wrong-key")) {
			Health health = context.getBean("walletHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("credentials",
					Map.of("default", "accepted", "marketplace", "refused: unauthorized"));
			assertThat(health.toString()).doesNotContain("wrong-key").doesNotContain(TestApps.MARKET_MAC_ID);
		}
	}

	@Test
	void healthIsDownWhenUnreachable() {
		try (ConfigurableApplicationContext context = app("paysera.wallet.base-url=http://127.0.0.1:1/rest/v1/",
				"paysera.wallet.retry.max-attempts=1")) {
			Health health = context.getBean("walletHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reachable", false);
		}
	}

	@Test
	void healthReportsAnUncorrectedClockOffsetAndStartupSyncCorrectsIt() {
		api.serverClockOffset(Duration.ofMinutes(10));
		try (ConfigurableApplicationContext context = app("management.health.wallet.check-credentials=false")) {
			Health health = context.getBean("walletHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((Long) health.getDetails().get("clockOffsetSeconds")).isBetween(599L, 601L);
			assertThat(health.getDetails()).containsEntry("appliedOffsetSeconds", 0L);
			assertThat((String) health.getDetails().get("clock")).contains("exceeds the tolerance of 30 s");
		}
		try (ConfigurableApplicationContext context = app("paysera.wallet.clock.sync-on-startup=true")) {
			Health health = context.getBean("walletHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			// measured in whole seconds: the two clocks may straddle a second boundary
			assertThat((Long) health.getDetails().get("appliedOffsetSeconds")).isBetween(599L, 601L);
			assertThat(context.getBean(MeterRegistry.class).get("wallet.clock.offset").gauge().value()).isBetween(599.0,
					601.0);
		}
	}

	@Test
	void endpointDescribesConfigurationAndCachesWithoutSecrets() {
		try (ConfigurableApplicationContext context = app("paysera.wallet.default-project=shop",
				"paysera.wallet.projects.marketplace.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
				"paysera.wallet.projects.marketplace.credentials.mac-key=" + TestApps.MARKET_MAC_KEY)) {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			wallet.balance();
			WalletEndpoint endpoint = context.getBean(WalletEndpoint.class);
			WalletEndpoint.WalletDescriptor descriptor = endpoint.wallet();
			assertThat(descriptor.authMode()).isEqualTo("mac");
			assertThat(descriptor.defaultProject()).isEqualTo("shop");
			assertThat(descriptor.projects()).containsOnlyKeys("shop", "marketplace");
			assertThat(descriptor.projects().get("marketplace").id()).isEqualTo(1222);
			assertThat(descriptor.projects().get("marketplace").credentials()).isEqualTo("marketplace");
			assertThat(descriptor.credentials()).containsExactly("default", "marketplace");
			assertThat(descriptor.access().source()).isEqualTo("remote");
			assertThat(descriptor.access().accessibleProjects().get("default").projects())
				.extracting(WalletEndpoint.ProjectSummary::alias)
				.containsExactly("shop", "marketplace");
			String json = JsonMapper.builder().build().writeValueAsString(descriptor);
			assertThat(json).contains("\"shop\"").contains("1221")
				.doesNotContain(TestApps.MAC_KEY).doesNotContain(TestApps.MAC_ID)
				.doesNotContain(TestApps.MARKET_MAC_KEY).doesNotContain(TestApps.MARKET_MAC_ID);
			endpoint.clearCaches();
			assertThat(endpoint.wallet().access().accessibleProjects()).isEmpty();
			assertThat(endpoint.wallet().access().cachedProjectDetails()).isZero();
		}
	}

	@Test
	void envAndConfigpropsMaskSecretsEvenWhenValuesAreShown() {
		try (ConfigurableApplicationContext context = app("spring.ssl.bundle.jks.wallet.keystore.password=changeit",
				"spring.ssl.bundle.jks.wallet.keystore.location=classpath:tls/client.p12",
				"spring.ssl.bundle.jks.wallet.keystore.type=PKCS12")) {
			EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
			String dump = JsonMapper.builder().build().writeValueAsString(env.environment(null));
			assertThat(dump).contains(api.baseUrl()) // values are shown...
				.doesNotContain(TestApps.MAC_KEY) // ...but not the secrets
				.doesNotContain(TestApps.MAC_ID)
				.doesNotContain("changeit");
			ConfigurationPropertiesReportEndpoint configprops = context.getBean(ConfigurationPropertiesReportEndpoint.class);
			String report = JsonMapper.builder().build().writeValueAsString(configprops.configurationProperties());
			assertThat(report).contains("paysera.wallet")
				.contains("1221")
				.doesNotContain(TestApps.MAC_KEY)
				.doesNotContain(TestApps.MAC_ID);
		}
	}

	private static double count(MeterRegistry registry, String name, String... tags) {
		return Search.in(registry).name(name).tags(tags).counter() != null
				? Search.in(registry).name(name).tags(tags).counter().count() : 0;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
