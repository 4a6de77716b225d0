package io.github.walletproject.firsthour;

import io.github.walletproject.WalletProject;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.test.AutoConfigureMockWalletApi;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiAssert;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 8: the README's test, copied as written, in an application whose
 * {@code application.yml} is the README's YAML verbatim ({@code first-hour/application.yml}:
 * {@code mac-id: ${WALLET_MAC_ID}}, {@code mac-key: ${WALLET_MAC_KEY}}, no such variables
 * set). {@code @AutoConfigureMockWalletApi} supplies its test credentials, so the context
 * starts, the placeholders are never resolved, and the call is routed and MAC-verified by the
 * mock. The only line the README does not have is {@code spring.config.location}, which
 * makes the README's YAML this test's {@code application.yml} without giving every other test
 * of the module one.
 */
@SpringBootTest(properties = { "paysera.wallet.access.source=configured",
		"spring.config.location=classpath:/first-hour/" })
@AutoConfigureMockWalletApi
class ReadmeTestAsCopiedTests {

	@Autowired
	MockWalletApi walletApi;

	@Autowired
	OrderPayments payments;

	@Test
	void readsTheShopsBalance() {
		walletApi.reset();
		walletApi.project(1221, "Shop", 2112L).balance(2112, "EUR", "22.99", "0.00");
		walletApi.failNext("GET", "wallet/.*/balance", Fault.badGateway(), 1);
		payments.balance();
		MockWalletApiAssert.assertThat(walletApi)
			.hasOnlyValidSignatures()
			.received(3).requestsForProject("shop");

		MockWalletApiAssert.assertThat(walletApi).lastRequestTo("GET", "wallet/2112/balance").isForProject(1221);
		assertThat(walletApi.requests())
			.allSatisfy(request -> assertThat(request.header("Authorization")).hasValueSatisfying(
					authorization -> assertThat(authorization).contains("id=\"test-mac-id\"")));
	}

	@Test
	void routesByArgumentToTheMarketplace() {
		walletApi.reset();
		walletApi.project(1222, "Marketplace", 2113L).balance(2113, "EUR", "100.00", "3.50");
		assertThat(payments.balanceOf(1222)).isNotNull();
		MockWalletApiAssert.assertThat(walletApi)
			.hasOnlyValidSignatures()
			.hasNoMisroutedRequests()
			.received(2).requestsForProject("marketplace");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OrderPayments.class)
	static class Application {

	}

	/** The README's annotated service. */
	@Service
	@WalletProject("shop")
	public static class OrderPayments {

		private final WalletProjects wallet;

		public OrderPayments(WalletProjects wallet) {
			this.wallet = wallet;
		}

		public WalletBalance balance() {
			return wallet.balance();
		}

		@WalletProject("#{#projectId}")
		public WalletBalance balanceOf(long projectId) {
			return wallet.balance();
		}

	}

}
