package io.github.walletproject.reactive;

import io.github.walletproject.autoconfigure.WalletWebClientAutoConfiguration;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;

import reactor.core.publisher.Hooks;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The blocking test set-up plus the reactive Wallet client, and a third project.
 */
final class ReactiveTestApps {

	static final String WEB_CLIENT = WalletWebClientAutoConfiguration.WEB_CLIENT_BEAN_NAME;

	private ReactiveTestApps() {
	}

	static ApplicationContextRunner runner(MockWalletApi api) {
		return TestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(WalletWebClientAutoConfiguration.class))
			.withPropertyValues("paysera.wallet.projects.outlet.id=1225");
	}

	/**
	 * The set-up with automatic context propagation on, as Boot applies
	 * {@code spring.reactor.context-propagation=auto}: what {@code @WalletProject} methods
	 * returning a {@code Mono} or {@code Flux} need. Reactor's switch is global and Boot never
	 * turns it off: call {@link #propagationOff()} after the test.
	 */
	static ApplicationContextRunner propagating(MockWalletApi api) {
		return runner(api).withConfiguration(AutoConfigurations.of(ReactorAutoConfiguration.class))
			.withPropertyValues("spring.reactor.context-propagation=auto");
	}

	/** Turns Reactor's automatic context propagation off again (Boot's default, {@code limited}). */
	static void propagationOff() {
		Hooks.disableAutomaticContextPropagation();
	}

	/** shop (1221, wallet 2112), marketplace (1222, 2113), outlet (1225, 2125), and 1223 of someone else. */
	static MockWalletApi fixtures(MockWalletApi api) {
		return TestApps.fixtures(api)
			.project(1225, "Outlet", 2125L)
			.balance(2125, "EUR", "1.00", "0.00")
			.userProjects(TestApps.MAC_ID, 1221, 1222, 1225)
			.alias("outlet", 1225);
	}

	static long walletOf(String projectId) {
		return switch (projectId) {
			case "1221" -> 2112;
			case "1222" -> 2113;
			case "1225" -> 2125;
			default -> throw new IllegalArgumentException(projectId);
		};
	}

}
