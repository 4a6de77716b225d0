package io.github.walletproject.it;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletClosedException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call after the application context closed (issue 18, item 4) fails at once with a
 * {@link WalletClosedException} and sends nothing, whether the access list was never loaded
 * (before: the caller waited the whole load timeout, because the closed lookup executor
 * dropped the load) or is already cached (before: the call was signed, sent and answered).
 * The timeouts here are short, so that a load that never finishes shows as the access
 * failure it turned into before, not as a slow test.
 */
@ExtendWith(MockWalletApiExtension.class)
class ClosedStarterTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@BeforeEach
	void clean() {
		api.reset();
	}

	private static ApplicationContextRunner runner() {
		return TestApps.runner(api)
			.withPropertyValues("paysera.wallet.connect-timeout=200ms", "paysera.wallet.read-timeout=200ms",
					"paysera.wallet.retry.max-attempts=1");
	}

	@Test
	void aCallOnAColdCacheAfterCloseFailsAtOnceAndSendsNothing() {
		runner().run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			context.close();
			assertThatExceptionOfType(WalletClosedException.class)
				.isThrownBy(() -> ProjectContext.callWith("shop", () -> wallet.api().balance(2112)))
				.withMessageContaining("closed")
				.withMessageNotContaining(TestApps.MAC_KEY);
			assertThat(api.requests()).isEmpty();
		});
	}

	@Test
	void aCallOnAWarmCacheAfterCloseFailsAtOnceAndSendsNothing() {
		runner().run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			RestClient raw = context.getBean("walletRestClient", RestClient.class);
			assertThat(ProjectContext.callWith("shop", () -> wallet.api().balance(2112)).currency("EUR")).isPresent();
			int sent = api.requests().size();
			context.close();
			assertThatExceptionOfType(WalletClosedException.class)
				.isThrownBy(() -> ProjectContext.callWith("shop", () -> wallet.api().balance(2112)));
			assertThatExceptionOfType(WalletClosedException.class).isThrownBy(() -> ProjectContext
				.callWith("shop", () -> raw.get().uri("wallet/2112/balance").retrieve().body(String.class)));
			assertThat(api.requests()).hasSize(sent);
		});
	}

}
