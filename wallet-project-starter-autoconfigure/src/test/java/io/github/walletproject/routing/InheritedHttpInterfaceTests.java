package io.github.walletproject.routing;

import io.github.walletproject.WalletProject;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
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
 * HTTP interfaces that inherit one method from a shared parent each route it to their own
 * project (issue 11, item 3): the annotation is resolved per service type and method, never
 * per method alone.
 */
@ExtendWith(MockWalletApiExtension.class)
class InheritedHttpInterfaceTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@Test
	void anInheritedMethodGoesToTheProjectOfTheInterfaceItIsCalledThrough() {
		TestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(Services.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				ShopBalance shop = context.getBean(ShopBalance.class);
				MarketBalance market = context.getBean(MarketBalance.class);
				for (int i = 0; i < 2; i++) {
					shop.balance(2112);
					market.balance(2113);
				}
				assertThat(api).hasOnlyValidSignatures().received(2).requestsForProject("shop")
					.received(2).requestsForProject("marketplace");
				assertThat(api.requestsForProject(1221)).allSatisfy(r -> assertThat(r.path()).isEqualTo("wallet/2112/balance"));
				assertThat(api.requestsForProject(1222)).allSatisfy(r -> assertThat(r.path()).isEqualTo("wallet/2113/balance"));
			});
	}

	@HttpExchange
	interface BaseBalance {

		@GetExchange("wallet/{id}/balance")
		String balance(@PathVariable long id);

	}

	@WalletProject("shop")
	interface ShopBalance extends BaseBalance {

	}

	@WalletProject("marketplace")
	interface MarketBalance extends BaseBalance {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wallet", types = { ShopBalance.class, MarketBalance.class })
	static class Services {

	}

}
