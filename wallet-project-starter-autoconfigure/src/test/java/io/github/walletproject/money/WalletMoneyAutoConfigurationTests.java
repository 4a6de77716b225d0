package io.github.walletproject.money;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link WalletMoneyAutoConfiguration} joins an application: its interfaces are beans of
 * the first Wallet HTTP service group, next to the application's own interfaces and groups,
 * which keep working as before.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletMoneyAutoConfigurationTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	private static ReceivedRequest lastRequest() {
		return api.requests().get(api.requests().size() - 1);
	}

	@Test
	void everyInterfaceIsABean() {
		MoneyTestApps.runner(api).run(context -> {
			assertThat(context).hasNotFailed();
			for (Class<?> type : MoneyServices.TYPES) {
				assertThat(context).hasSingleBean(type);
			}
		});
	}

	@Test
	void nothingIsRegisteredWhenTheStarterIsDisabledOrTheAutoConfigurationExcluded() {
		MoneyTestApps.runner(api).withPropertyValues("paysera.wallet.enabled=false").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(WalletTransactions.class);
		});
		TestApps.runner(api).run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(WalletTransactions.class);
		});
	}

	@Test
	void theApplicationsOwnGroupsAndWalletInterfacesKeepWorking() {
		MoneyTestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class))
			.withPropertyValues("spring.http.serviceclient.other.base-url=" + api.baseUrl())
			.withUserConfiguration(ApplicationServices.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				// the application's own interface in the Wallet group: signed and routed, untouched otherwise
				ShopBalance shopBalance = context.getBean(ShopBalance.class);
				assertThat(shopBalance.balance(2112)).contains("22.99");
				assertThat(lastRequest().projectId()).isEqualTo(1221);
				assertThat(lastRequest().signatureValid()).isTrue();
				api.failNext("GET", "wallet/2112/balance", Fault.emptyBody(), 1);
				assertThat(shopBalance.balance(2112)).as("an empty answer stays the application's business").isNull();
				// the application's own group: neither signed nor routed
				context.getBean(OtherServer.class).server();
				assertThat(lastRequest().header("Authorization")).isEmpty();
				assertThat(lastRequest().projectId()).isNull();
				// and the money interfaces in the same application
				Transaction created = ProjectContext.callWith("marketplace", () -> context.getBean(WalletTransactions.class)
					.create(TransactionRequest.of(PaymentRequest.of("Tote bag", Money.of("12.99", "EUR")))));
				assertThat(created.projectId()).isEqualTo(1222);
				assertThat(api).hasOnlyValidSignatures();
			});
	}

	@Test
	void theInterfacesJoinTheFirstConfiguredWalletGroup() {
		MoneyTestApps.runner(api)
			.withPropertyValues("paysera.wallet.routing.http-service-groups=payments")
			.run(context -> {
				assertThat(context).hasNotFailed();
				WalletBalance balance = ProjectContext.callWith("shop", () -> context.getBean(Wallets.class).balance(2112));

				assertThat(balance.currency("EUR")).isPresent();
				assertThat(api).lastRequestTo("GET", "wallet/2112/balance").hasValidSignature().isForProject(1221);
			});
	}

	@HttpExchange
	@WalletProject("shop")
	interface ShopBalance {

		@GetExchange("wallet/{id}/balance")
		String balance(@PathVariable long id);

	}

	@HttpExchange
	interface OtherServer {

		@GetExchange("server")
		String server();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wallet", types = ShopBalance.class)
	@ImportHttpServices(group = "other", types = OtherServer.class)
	static class ApplicationServices {

	}

}
