package io.github.walletproject.reactive;

import java.time.Duration;
import java.util.List;

import io.github.walletproject.WalletProject;
import io.github.walletproject.routing.WalletProjectDeclarationException;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A blocking Wallet call (the routed {@code walletRestClient}, {@code WalletApi}) made inside the
 * {@code Mono} or {@code Flux} of a {@code @WalletProject} method, on a bounded-elastic thread:
 * it runs in the method's project, or it is refused, and never goes to the default project.
 * Real HTTP to the MAC-verifying mock.
 */
@ExtendWith(MockWalletApiExtension.class)
class ReactiveBlockingCallTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = ReactiveTestApps.fixtures(mock);
	}

	@BeforeEach
	@AfterEach
	void automaticPropagationOff() {
		// a global of Reactor that Boot turns on and never off: each test starts from what Boot's default leaves
		Hooks.disableAutomaticContextPropagation();
		api.reset();
	}

	/** A default project, shop (1221): where a call that lost its binding would go. */
	private static ApplicationContextRunner runner() {
		return ReactiveTestApps.runner(api).withPropertyValues("paysera.wallet.default-project=shop");
	}

	private static List<ReceivedRequest> balances() {
		return api.requests().stream().filter(r -> r.path().endsWith("/balance")).toList();
	}

	@Test
	void withoutAutomaticPropagationAnAnnotatedMonoMethodIsRefusedAtStartupAndNothingReachesTheDefaultProject() {
		runner().withBean(MarketplaceBalances.class).run(context -> {
			if (!hasFailed(context)) {
				// what the application would do: subscribe, the blocking call runs on a bounded-elastic thread
				try {
					context.getBean(MarketplaceBalances.class).balance().block(Duration.ofSeconds(10));
				}
				catch (RuntimeException ex) {
					// refused at the call: looked at below
				}
			}
			assertThat(balances()).as("requests sent to the default project (1221) instead of marketplace")
				.noneMatch(r -> r.projectId() == 1221L);
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WalletProjectDeclarationException.class)
				.hasMessageContaining(MarketplaceBalances.class.getName() + ".balance()")
				.hasMessageContaining("paysera.wallet.default-project");
			WalletProjectDeclarationException refusal = (WalletProjectDeclarationException) rootCause(context);
			assertThat(refusal.getAction()).contains("spring.reactor.context-propagation=auto");
			assertThat(api.requests()).isEmpty();
		});
	}

	@Test
	void aFluxMethodIsRefusedTooAndAMonoInsideABoundShape() {
		runner().withBean(MarketplaceFlux.class).run(context -> {
			assertThat(context).hasFailed();
			assertThat(rootCause(context)).isInstanceOf(WalletProjectDeclarationException.class)
				.hasMessageContaining(MarketplaceFlux.class.getName() + ".balances()");
		});
		runner().withBean(MarketplaceLater.class).run(context -> {
			assertThat(context).hasFailed();
			assertThat(rootCause(context)).isInstanceOf(WalletProjectDeclarationException.class)
				.hasMessageContaining(MarketplaceLater.class.getName() + ".later()")
				.hasMessageContaining("automatic context propagation is off");
		});
	}

	@Test
	void withAutomaticPropagationTheBlockingCallRunsInTheMethodsProject() {
		runner().withConfiguration(AutoConfigurations.of(ReactorAutoConfiguration.class))
			.withPropertyValues("spring.reactor.context-propagation=AUTO")
			.withBean(MarketplaceBalances.class)
			.withBean(MarketplaceFlux.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MarketplaceBalances.class).balance().block(Duration.ofSeconds(10)))
					.contains("EUR");
				assertThat(context.getBean(MarketplaceFlux.class).balances().collectList().block(Duration.ofSeconds(10)))
					.hasSize(2);
				assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
				assertThat(balances()).hasSize(3).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1222L));
			});
	}

	@Test
	void whenPropagationIsOffAtSubscriptionTheAnnotatedMonoFailsClosedAndSendsNothing() {
		// the property says auto, but nothing applies it (Boot's ReactorAutoConfiguration is not part of this application)
		runner().withPropertyValues("spring.reactor.context-propagation=auto")
			.withBean(MarketplaceBalances.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				Mono<String> balance = context.getBean(MarketplaceBalances.class).balance();
				assertThatExceptionOfType(WalletProjectDeclarationException.class)
					.isThrownBy(() -> balance.block(Duration.ofSeconds(10)))
					.satisfies(ex -> assertThat(ex.getAction()).contains("spring.reactor.context-propagation=auto"));
				assertThat(api.requests()).isEmpty();
			});
	}

	@Test
	void aMonoReturnedAsObjectIsCheckedWhenItIsSubscribed() {
		runner().withBean(MarketplaceAnything.class).run(context -> {
			assertThat(context).hasNotFailed(); // declared Object: nothing to see at startup
			Object result = context.getBean(MarketplaceAnything.class).anything();
			assertThat(result).isInstanceOf(Mono.class);
			assertThatExceptionOfType(WalletProjectDeclarationException.class)
				.isThrownBy(() -> ((Mono<?>) result).block(Duration.ofSeconds(10)))
				.withMessageContaining("paysera.wallet.default-project");
			assertThat(api.requests()).isEmpty();
			Hooks.enableAutomaticContextPropagation();
			assertThat(((Mono<?>) context.getBean(MarketplaceAnything.class).anything()).block(Duration.ofSeconds(10)))
				.asString()
				.contains("EUR");
			assertThat(balances()).singleElement().satisfies(r -> assertThat(r.projectId()).isEqualTo(1222L));
		});
	}

	private static boolean hasFailed(AssertableApplicationContext context) {
		return context.getStartupFailure() != null;
	}

	private static Throwable rootCause(AssertableApplicationContext context) {
		Throwable cause = context.getStartupFailure();
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static Mono<String> blockingBalance(RestClient wallet) {
		return Mono.fromCallable(() -> wallet.get().uri("wallet/2113/balance").retrieve().body(String.class))
			.subscribeOn(Schedulers.boundedElastic());
	}

	static class MarketplaceBalances {

		private final RestClient wallet;

		MarketplaceBalances(@Qualifier("walletRestClient") RestClient wallet) {
			this.wallet = wallet;
		}

		@WalletProject("marketplace")
		Mono<String> balance() {
			return blockingBalance(this.wallet);
		}

	}

	static class MarketplaceFlux {

		private final RestClient wallet;

		MarketplaceFlux(@Qualifier("walletRestClient") RestClient wallet) {
			this.wallet = wallet;
		}

		@WalletProject("marketplace")
		Flux<String> balances() {
			return blockingBalance(this.wallet).repeat(1);
		}

	}

	static class MarketplaceLater {

		private final RestClient wallet;

		MarketplaceLater(@Qualifier("walletRestClient") RestClient wallet) {
			this.wallet = wallet;
		}

		@WalletProject("marketplace")
		java.util.function.Supplier<Mono<String>> later() {
			return () -> blockingBalance(this.wallet);
		}

	}

	static class MarketplaceAnything {

		private final RestClient wallet;

		MarketplaceAnything(@Qualifier("walletRestClient") RestClient wallet) {
			this.wallet = wallet;
		}

		@WalletProject("marketplace")
		Object anything() {
			return blockingBalance(this.wallet);
		}

	}

}
