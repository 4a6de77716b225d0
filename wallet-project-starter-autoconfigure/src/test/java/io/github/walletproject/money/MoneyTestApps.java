package io.github.walletproject.money;

import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.ReceivedRequest;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Fixtures of the money tests: {@link TestApps}' application and mock (shop 1221 with wallet
 * 2112, marketplace 1222 with wallet 2113, the default client may use both but not 1223),
 * plus the money auto-configuration, a user for the default MAC id, and statements.
 */
final class MoneyTestApps {

	/** The wallet of the user of the default MAC id ({@code wallet/me}). */
	static final long MY_WALLET = 14471;

	/** The user of the default MAC id ({@code user/me}). */
	static final long MY_USER = 221;

	private MoneyTestApps() {
	}

	static ApplicationContextRunner runner(MockWalletApi api) {
		return TestApps.runner(api).withConfiguration(AutoConfigurations.of(WalletMoneyAutoConfiguration.class));
	}

	static MockWalletApi fixtures(MockWalletApi api) {
		return TestApps.fixtures(api)
			.wallet(2112, 901, "EVP0010001002112", "Shop owner")
			.user(TestApps.MAC_ID, MY_USER, "jane@example.com", MY_WALLET, 14472)
			.statements(2112, 45, "EUR")
			.statements(MY_WALLET, 3, "EUR")
			.exchangeRate("USD", "EUR", "0.90");
	}

	/** The latest request to an endpoint. */
	static ReceivedRequest last(MockWalletApi api, String method, String path) {
		java.util.List<ReceivedRequest> all = api.requests();
		for (int i = all.size() - 1; i >= 0; i--) {
			if (all.get(i).method().equals(method) && all.get(i).path().equals(path)) {
				return all.get(i);
			}
		}
		throw new AssertionError("No request to " + method + " " + path + " in " + all);
	}

}
