package io.github.walletproject.support;

import io.github.walletproject.autoconfigure.WalletAccessAutoConfiguration;
import io.github.walletproject.autoconfigure.WalletClientAutoConfiguration;
import io.github.walletproject.autoconfigure.WalletRoutingAutoConfiguration;
import io.github.walletproject.test.MockWalletApi;

import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Shared test fixtures: the auto-configurations a Boot app would apply, and a mock Wallet
 * API with two projects.
 */
public final class TestApps {

	public static final String MAC_ID = "wkVd93h2uS";

	public static final String MAC_KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU";

	public static final String MARKET_MAC_ID = "market-client";

	public static final String MARKET_MAC_KEY = "market-secret-key-0123456789";

	private TestApps() {
	}

	public static AutoConfigurations autoConfigurations() {
		return AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class, AopAutoConfiguration.class, WalletClientAutoConfiguration.class,
				WalletRoutingAutoConfiguration.class, WalletAccessAutoConfiguration.class);
	}

	/** A runner with the auto-configurations and no properties. */
	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(autoConfigurations());
	}

	/** A runner pointed at the mock, with shop (1221) and marketplace (1222) configured. */
	public static ApplicationContextRunner runner(MockWalletApi api) {
		return runner().withPropertyValues("paysera.wallet.base-url=" + api.baseUrl(),
				"paysera.wallet.credentials.mac-id=" + MAC_ID, "paysera.wallet.credentials.mac-key=" + MAC_KEY,
				"paysera.wallet.projects.shop.id=1221", "paysera.wallet.projects.marketplace.id=1222",
				"paysera.wallet.retry.initial-backoff=1ms", "paysera.wallet.retry.max-backoff=5ms");
	}

	/**
	 * The fixtures most tests use: the default client and a second one, shop (1221, wallet
	 * 2112) and marketplace (1222, wallet 2113) for the default client, and two more projects.
	 */
	public static MockWalletApi fixtures(MockWalletApi api) {
		return api.client(MAC_ID, MAC_KEY)
			.client(MARKET_MAC_ID, MARKET_MAC_KEY)
			.userProjects(MAC_ID, 1221, 1222)
			.userProjects(MARKET_MAC_ID, 1222, 1230)
			.project(1221, "Shop", 2112L, "The e-shop")
			.project(1222, "Marketplace", 2113L)
			.project(1223, "Someone else's", 2114L)
			.project(1230, "Market side project", 2130L)
			.balance(2112, "EUR", "22.99", "0.00")
			.balance(2112, "USD", "5.00", "1.25")
			.balance(2113, "EUR", "100.00", "3.50")
			.balance(2130, "EUR", "7.00", "0.00")
			.alias("shop", 1221)
			.alias("marketplace", 1222);
	}

}
