package io.github.walletproject.money;

import java.util.List;

import io.github.walletproject.WalletApiException;
import io.github.walletproject.test.Fault;
import io.github.walletproject.WalletTransportException;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link WalletUsers} against the MAC-verifying mock: account-level calls that work with
 * nothing bound and carry no project.
 */
@ExtendWith(MockWalletApiExtension.class)
class UserOperationsTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	@Test
	void meIsReadWithNothingBoundAndCarriesNoProject() {
		this.runner.run(context -> {
			User me = context.getBean(WalletUsers.class).me();

			assertThat(api).lastRequestTo("GET", "user/me").hasValidSignature().isWithoutProject();
			assertThat(me.id()).isEqualTo(MoneyTestApps.MY_USER);
			assertThat(me.email()).isEqualTo("jane@example.com");
			assertThat(me.displayName()).isEqualTo("jane");
			assertThat(me.type()).isEqualTo("natural");
			assertThat(me.walletIds()).containsExactly(MoneyTestApps.MY_WALLET, 14472L);
		});
	}

	@Test
	void theUsersWalletsAreReadAsAList() {
		this.runner.run(context -> {
			WalletUsers users = context.getBean(WalletUsers.class);

			List<Wallet> mine = users.myWallets();
			assertThat(api).lastRequestTo("GET", "user/me/wallets").hasValidSignature().isWithoutProject();
			List<Wallet> byId = users.wallets(Long.toString(MoneyTestApps.MY_USER)).wallets();

			assertThat(api).lastRequestTo("GET", "user/" + MoneyTestApps.MY_USER + "/wallets").isWithoutProject();
			assertThat(mine).extracting(Wallet::id).containsExactly(MoneyTestApps.MY_WALLET, 14472L);
			assertThat(byId).isEqualTo(mine);
			// some answers key the wallets by id: they read the same
			api.failNext("GET", "user/me/wallets", Fault.status(200,
					"{\"14471\":{\"id\":14471,\"owner\":221},\"14472\":{\"id\":14472,\"owner\":221,\"account\":{\"number\":\"EVP2\"}}}"),
					1);
			assertThat(users.myWallets()).extracting(Wallet::id).containsExactly(MoneyTestApps.MY_WALLET, 14472L);
		});
	}

	@Test
	void anUnknownUserIsNotFound() {
		this.runner.run(context -> {
			WalletUsers users = context.getBean(WalletUsers.class);

			assertThatExceptionOfType(WalletApiException.NotFound.class).isThrownBy(() -> users.get("5"))
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo("not_found"));
			assertThatExceptionOfType(WalletApiException.NotFound.class).isThrownBy(() -> users.wallets("5"));
		});
	}

	@Test
	void aConnectionTheServerDropsIsATransportFailureNamingTheOperation() {
		this.runner.run(context -> {
			WalletUsers users = context.getBean(WalletUsers.class);
			api.failNext("GET", "user/me", Fault.dropConnection(), 10);
			try {
				assertThatExceptionOfType(WalletTransportException.class).isThrownBy(users::me)
					.withMessageContaining("GET")
					.withMessageContaining("user/me");
			}
			finally {
				api.reset();
			}
		});
	}

}
