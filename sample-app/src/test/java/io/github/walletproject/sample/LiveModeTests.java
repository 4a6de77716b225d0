package io.github.walletproject.sample;

import java.util.Map;

import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.client.Balance;
import io.github.walletproject.sample.mode.DemoWalletApi;
import io.github.walletproject.sample.mode.SampleMode;
import io.github.walletproject.test.MockWalletApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With credentials configured the sample talks to the configured Wallet API (here a stand-in
 * for the real one) and starts no demo.
 */
class LiveModeTests {

	@Test
	void withCredentialsTheSampleCallsTheConfiguredApiAndStartsNoDemo() {
		try (MockWalletApi real = MockWalletApi.start()) {
			real.client("live-id", "live-key")
				.userProjects("live-id", 7001)
				.project(7001, "Live shop", 8001L)
				.balance(8001, "EUR", "10.00", "0.00");
			// the variables application.yml reads, as a user would export them
			Map<String, Object> variables = Map.of("WALLET_MAC_ID", "live-id", "WALLET_MAC_KEY", "live-key",
					"WALLET_BASE_URL", real.baseUrl(), "WALLET_PROJECTS", "shop=7001", "WALLET_DEFAULT_PROJECT", "shop");
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
				.web(WebApplicationType.NONE)
				.properties(variables)
				.run()) {
				assertThat(context.getBean(SampleMode.class).kind()).isEqualTo(SampleMode.Kind.LIVE);
				assertThat(context.getBeansOfType(DemoWalletApi.class)).isEmpty();

				Balance balance = context.getBean(WalletProjects.class).balance("shop");

				assertThat(balance.currency("EUR")).get()
					.satisfies(eur -> assertThat(eur.atDisposal()).isEqualByComparingTo("10.00"));
				assertThat(real.requestsForProject(7001)).isNotEmpty().allMatch(r -> r.signatureValid());
			}
		}
	}

}
