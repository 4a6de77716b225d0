package io.github.walletproject.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.sample.mode.DemoWalletApi;
import io.github.walletproject.sample.mode.SampleMode;
import io.github.walletproject.test.MockWalletApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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

				WalletBalance balance = context.getBean(WalletProjects.class).balance("shop");

				assertThat(balance.currency("EUR")).get()
					.satisfies(eur -> assertThat(eur.atDisposal().amount()).isEqualByComparingTo("10.00"));
				assertThat(real.requestsForProject(7001)).isNotEmpty().allMatch(r -> r.signatureValid());
			}
		}
	}

	@Test
	void inLiveModeThePayCardReadsATransactionByKeyButNeverCreatesOrChangesOne() {
		try (MockWalletApi real = MockWalletApi.start()) {
			real.client("live-id", "live-key").userProjects("live-id", 7001).project(7001, "Live shop", 8001L);
			Map<String, Object> variables = new LinkedHashMap<>(Map.of("WALLET_MAC_ID", "live-id", "WALLET_MAC_KEY",
					"live-key", "WALLET_BASE_URL", real.baseUrl(), "WALLET_PROJECTS", "shop=7001",
					"WALLET_DEFAULT_PROJECT", "shop"));
			variables.put("server.port", "0");
			variables.put("server.address", "127.0.0.1");
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
				.web(WebApplicationType.SERVLET)
				.properties(variables)
				.run()) {
				// a transaction made elsewhere in the live project (here: by the test, through the starter)
				String key = ProjectContext.callWith("shop", () -> context.getBean(WalletTransactions.class)
					.create(TransactionRequest.of(PaymentRequest.of("Order #7", Money.of("7.00", "EUR")))))
					.key();
				ApiClient browser = new ApiClient("127.0.0.1",
						((WebServerApplicationContext) context).getWebServer().getPort());

				ApiClient.Response read = browser.get("/api/pay/transaction/" + key);
				ApiClient.Response create = browser.post("/api/pay/transaction",
						"{\"amount\":\"12.99\",\"currency\":\"EUR\"}");
				ApiClient.Response confirm = browser.post("/api/pay/transaction/" + key + "/confirm", "");
				ApiClient.Response revoke = browser.post("/api/pay/transaction/" + key + "/revoke", "");
				ApiClient.Response accept = browser.post("/api/pay/transaction/" + key + "/accept", "");

				assertThat(read.status()).isEqualTo(200);
				assertThat(read.<Boolean>json("$.canChange")).isFalse();
				assertThat(read.<String>json("$.note")).contains("never moves real money");
				assertThat(read.<String>json("$.transaction.status")).isEqualTo("new");
				assertThat(read.<Integer>json("$.transaction.projectId")).isEqualTo(7001);
				assertThat(read.<String>json("$.steps[0].project.name")).isEqualTo("shop");
				for (ApiClient.Response refused : List.of(create, confirm, revoke, accept)) {
					assertThat(refused.status()).isEqualTo(409);
					assertThat(refused.<String>json("$.error.type")).isEqualTo("DemoOnly");
				}
				assertThat(real.requests()).filteredOn(r -> r.path().startsWith("transaction"))
					.extracting(r -> r.method() + " " + r.path())
					.containsExactly("POST transaction", "GET transaction/" + key);
				assertThat(real.transactionStatus(key)).contains("new");
			}
		}
	}

}
