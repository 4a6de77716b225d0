package io.github.walletproject.routing;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.walletproject.WalletProject;
import io.github.walletproject.autoconfigure.Analyzers;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project is never silently lost (issue 11, item 10): work a {@code @WalletProject} method
 * hands back for later (a {@code Stream}, a {@code Supplier}, a {@code Callable}) still runs
 * under its project; results whose work may run anywhere later (futures, reactive
 * publishers) are refused at startup unless the method is {@code @Async}; and annotated beans
 * that nothing proxies stop the application instead of ignoring the annotation.
 */
@ExtendWith(MockWalletApiExtension.class)
class LazyResultsTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@BeforeEach
	void clean() {
		api.reset();
	}

	@Test
	void lazyResultsRunUnderTheMethodsProjectAfterItReturned() {
		TestApps.runner(api)
			.withPropertyValues("paysera.wallet.access.source=configured")
			.withUserConfiguration(LazyConfig.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				LazyMarketplace market = context.getBean(LazyMarketplace.class);
				Stream<String> stream = market.balances(List.of(2113L, 2113L));
				Supplier<String> supplier = market.later();
				Callable<String> callable = market.callLater();
				// nothing is bound here: the work runs after the methods returned
				assertThat(stream.toList()).hasSize(2);
				supplier.get();
				callable.call();
				List<ReceivedRequest> requests = api.requests();
				assertThat(requests).hasSize(4).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1222));
				assertThat(api).hasOnlyValidSignatures();
			});
	}

	@Test
	void futuresFromMethodsThatAreNotAsyncAreRefusedAtStartup() {
		TestApps.runner(api).withUserConfiguration(FutureConfig.class).run(context -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = Analyzers.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(FutureMarketplace.class.getName() + ".balance()")
				.contains("CompletableFuture");
			assertThat(analysis.getAction()).contains("@Async");
		});
	}

	@Test
	void monoAndFluxMethodsAreBoundWhenWebFluxIsPresentAndOtherPublishersStillRefused() {
		TestApps.runner(api)
			.withPropertyValues("spring.reactor.context-propagation=auto")
			.withBean(ReactiveMarketplace.class)
			.run(context -> assertThat(context).hasNotFailed());
		TestApps.runner(api).withBean(PublisherMarketplace.class).run(context -> {
			assertThat(context).hasFailed();
			assertThat(Analyzers.analyze(context.getStartupFailure()).getDescription()).contains("Publisher");
		});
	}

	@Test
	void monoMethodsAreRefusedAtStartupWhereWebFluxIsAbsent() throws Exception {
		ProjectSelectors selectors = new ProjectSelectors(() -> ProjectRegistry.builder(
				io.github.walletproject.auth.WalletCredentials.mac("default",
						new io.github.walletproject.auth.MacSigner(TestApps.MAC_ID, TestApps.MAC_KEY)))
			.project("marketplace", 1222L)
			.build(), null, null);
		java.lang.reflect.Method method = ReactiveMarketplace.class.getDeclaredMethod("balance");
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(WalletProjectDeclarationException.class)
			.isThrownBy(() -> LazyResults.binding(method, ReactiveMarketplace.class, "marketplace", "balance()", selectors,
					false))
			.withMessageContaining("returns a Mono")
			.withMessageContaining("Spring WebFlux")
			.satisfies(ex -> assertThat(ex.getAction()).contains("spring-webflux"));
		// with WebFlux and automatic context propagation the same method is bound, not refused
		ProjectSelectors propagating = new ProjectSelectors(selectors::registry,
				new org.springframework.mock.env.MockEnvironment().withProperty("spring.reactor.context-propagation", "Auto"),
				null);
		assertThat(LazyResults.binding(method, ReactiveMarketplace.class, "marketplace", "balance()", propagating, true))
			.isNotSameAs(ResultBinding.AS_IS)
			.isNotInstanceOf(ByResult.class);
		// with WebFlux and without it, refused: a blocking call inside would lose the project
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(WalletProjectDeclarationException.class)
			.isThrownBy(() -> LazyResults.binding(method, ReactiveMarketplace.class, "marketplace", "balance()", selectors,
					true))
			.withMessageContaining("automatic context propagation is off")
			.satisfies(ex -> assertThat(ex.getAction()).contains("spring.reactor.context-propagation=auto"));
	}

	@Test
	void resultsDeclaredObjectOfAsyncMethodsKeepTheirFuturesAndAMonoWithoutWebFluxFailsTheCall() throws Exception {
		ProjectSelectors selectors = new ProjectSelectors(() -> ProjectRegistry.builder(
				io.github.walletproject.auth.WalletCredentials.mac("default",
						new io.github.walletproject.auth.MacSigner(TestApps.MAC_ID, TestApps.MAC_KEY)))
			.project("marketplace", 1222L)
			.build(), null, null);
		WorkScope scope = new WorkScope.Credentials(io.github.walletproject.auth.WalletCredentials.mac("default",
				new io.github.walletproject.auth.MacSigner(TestApps.MAC_ID, TestApps.MAC_KEY)));
		CompletableFuture<String> future = new CompletableFuture<>();
		// @Async: the project is bound on the executor thread around the whole work, the future is handed back
		java.lang.reflect.Method async = UntypedMarketplace.class.getDeclaredMethod("asyncAnything");
		assertThat(LazyResults.binding(async, UntypedMarketplace.class, "marketplace", "asyncAnything()", selectors)
			.bind(future, scope)).isSameAs(future);
		// not @Async: the call fails, naming the method and the fix
		java.lang.reflect.Method plain = UntypedMarketplace.class.getDeclaredMethod("anything");
		ResultBinding binding = LazyResults.binding(plain, UntypedMarketplace.class, "marketplace", "anything()",
				selectors);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(WalletProjectDeclarationException.class)
			.isThrownBy(() -> binding.bind(future, scope))
			.withMessageContaining("anything()")
			.withMessageContaining("CompletableFuture")
			.withMessageContaining("@Async");
		// without WebFlux a Mono cannot be bound: the call fails, saying to add spring-webflux
		ResultBinding withoutWebFlux = LazyResults.binding(plain, UntypedMarketplace.class, "marketplace",
				"anything()", selectors, false);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(WalletProjectDeclarationException.class)
			.isThrownBy(() -> withoutWebFlux.bind(reactor.core.publisher.Mono.just("ok"), scope))
			.withMessageContaining("spring-webflux");
		assertThat(binding.bind(List.of("finished"), scope)).isEqualTo(List.of("finished"));
	}

	static class UntypedMarketplace {

		@WalletProject("marketplace")
		public Object anything() {
			return "ok";
		}

		@Async
		@WalletProject("marketplace")
		public Object asyncAnything() {
			return "ok";
		}

	}

	@WalletProject("marketplace")
	static class ReactiveMarketplace {

		reactor.core.publisher.Mono<String> balance() {
			return reactor.core.publisher.Mono.just("ok");
		}

	}

	@WalletProject("marketplace")
	static class PublisherMarketplace {

		org.reactivestreams.Publisher<String> balance() {
			return reactor.core.publisher.Mono.just("ok");
		}

	}

	@Test
	void annotatedBeansThatNothingProxiesStopTheApplication() {
		TestApps.runner(api)
			.withPropertyValues("spring.aop.auto=false")
			.withUserConfiguration(LazyConfig.class)
			.run(context -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = Analyzers.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(LazyMarketplace.class.getName()).contains("not proxied");
				assertThat(analysis.getAction()).contains("spring.aop.auto");
			});
	}

	static class Calls {

		private final RestClient client;

		Calls(RestClient client) {
			this.client = client;
		}

		String balance(long walletId) {
			return this.client.get().uri("wallet/{id}/balance", walletId).retrieve().body(String.class);
		}

	}

	@WalletProject("marketplace")
	static class LazyMarketplace {

		private final Calls calls;

		LazyMarketplace(Calls calls) {
			this.calls = calls;
		}

		public Stream<String> balances(List<Long> walletIds) {
			return walletIds.stream().map(this.calls::balance);
		}

		public Supplier<String> later() {
			return () -> this.calls.balance(2113);
		}

		public Callable<String> callLater() {
			return () -> this.calls.balance(2113);
		}

	}

	static class FutureMarketplace {

		@WalletProject("marketplace")
		public CompletableFuture<String> balance() {
			return new CompletableFuture<>();
		}

		@Async
		@WalletProject("marketplace")
		public CompletableFuture<String> asyncBalance() {
			return CompletableFuture.completedFuture("ok");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyConfig {

		@Bean
		Calls calls(@Qualifier("walletRestClient") RestClient client) {
			return new Calls(client);
		}

		@Bean
		LazyMarketplace lazyMarketplace(Calls calls) {
			return new LazyMarketplace(calls);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FutureConfig {

		@Bean
		FutureMarketplace futureMarketplace() {
			return new FutureMarketplace();
		}

	}

}
