package io.github.walletproject.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletClosedException;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletNotSentException;
import io.github.walletproject.WalletOutcomeUnknownException;
import io.github.walletproject.WalletProject;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.BlockingCalls;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reactive Wallet client, {@code walletWebClient}, against the MAC-verifying mock: the
 * project from the Reactor Context, the same checks, attempt policy and error types as the
 * blocking client, and no wait on an event-loop thread.
 */
@ExtendWith(MockWalletApiExtension.class)
class ReactiveClientTests {

	static MockWalletApi api;

	private final List<String> blockedEventLoops = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = ReactiveTestApps.fixtures(mock);
	}

	@BeforeEach
	void watchEventLoops() {
		api.reset();
		BlockingCalls.watch(this.blockedEventLoops::add);
	}

	@AfterEach
	void stopWatching() {
		BlockingCalls.watch(null);
		ReactiveTestApps.propagationOff();
	}

	private static Mono<String> balance(WebClient client, String expectedProject) {
		return client.get()
			.uri("wallet/{id}/balance", ReactiveTestApps.walletOf(expectedProject))
			.header(MockWalletApi.EXPECTED_PROJECT_HEADER, expectedProject)
			.retrieve()
			.bodyToMono(String.class);
	}

	private static List<ReceivedRequest> balances() {
		return api.requests().stream().filter(r -> r.path().endsWith("/balance")).toList();
	}

	@Test
	void theProjectComesFromTheContextAndEveryRequestIsSignedForIt() {
		ReactiveTestApps.runner(api).run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			assertThat(WalletReactive.withProject("marketplace", balance(client, "1222")).block()).contains("EUR");
			assertThat(WalletReactive.withProject("1225", balance(client, "1225")).block()).contains("EUR");
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
			assertThat(balances()).extracting(ReceivedRequest::projectId).containsExactly(1222L, 1225L);
		});
	}

	@Test
	void theInnermostBindingWinsAndARequestAttributeWinsOverBoth() {
		ReactiveTestApps.runner(api).run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			WalletReactive.withProject("shop", WalletReactive.withProject("outlet", balance(client, "1225"))).block();
			Mono<String> attribute = client.get()
				.uri("wallet/2113/balance")
				.header(MockWalletApi.EXPECTED_PROJECT_HEADER, "1222")
				.attributes(WalletRequestAttributes.project("marketplace"))
				.retrieve()
				.bodyToMono(String.class);
			WalletReactive.withProject("shop", attribute).block();
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
			assertThat(balances()).extracting(ReceivedRequest::projectId).containsExactly(1225L, 1222L);
		});
	}

	@Test
	void annotatedMethodsReturningMonoBindEverySubscriptionRetryIncludedAndEachAttemptIsSignedAfresh() {
		ReactiveTestApps.propagating(api).withBean(ShopBalances.class).run(context -> {
			ShopBalances shop = context.getBean(ShopBalances.class);
			// a status the attempt policy does not retry, so the retry() resubscription is the second send
			api.failNext("GET", "wallet/2112/balance", Fault.error(500, "internal_server_error", "boom"), 1);
			assertThat(shop.balance().retry(1).block()).contains("EUR");
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
			List<ReceivedRequest> sent = balances();
			assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1221L));
			assertThat(sent.get(0).nonce()).isNotEqualTo(sent.get(1).nonce());
			assertThat(sent).extracting(ReceivedRequest::status).containsExactly(500, 200);
		});
	}

	@Test
	void theAttemptPolicyRetriesAGetWithAFreshNonceAndTellsNotSentFromOutcomeUnknown() {
		ReactiveTestApps.runner(api).run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			api.failNext("GET", "wallet/2112/balance", Fault.badGateway(), 1);
			WalletReactive.withProject("shop", balance(client, "1221")).block();
			List<ReceivedRequest> sent = balances();
			assertThat(sent).extracting(ReceivedRequest::status).containsExactly(502, 200);
			assertThat(sent.get(0).nonce()).isNotEqualTo(sent.get(1).nonce());
			assertThat(api).hasOnlyValidSignatures();

			api.failNext("POST", "transaction", Fault.dropConnection(), 1);
			Mono<String> post = client.post().uri("transaction").bodyValue("{\"payments\":[]}")
				.retrieve().bodyToMono(String.class);
			assertThatExceptionOfType(WalletOutcomeUnknownException.class)
				.isThrownBy(() -> WalletReactive.withProject("shop", post).block())
				.satisfies(ex -> assertThat(ex.getProjectId()).isEqualTo("1221"));
			assertThat(api.requests()).filteredOn(r -> r.path().equals("transaction")).hasSize(1);
		});
		ReactiveTestApps.runner(api)
			.withPropertyValues("paysera.wallet.base-url=http://127.0.0.1:1/rest/v1/", "paysera.wallet.retry.max-attempts=1",
					"paysera.wallet.access.source=configured")
			.run(context -> assertThatExceptionOfType(WalletNotSentException.class).isThrownBy(
					() -> WalletReactive.withProject("shop", balance(
							context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class), "1221")).block()));
	}

	@Test
	void errorsAreTheBlockingClientsTypes() {
		ReactiveTestApps.runner(api).run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			api.failNext("GET", "wallet/2112/balance", Fault.error(404, "not_found", "No such wallet"), 1);
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> WalletReactive.withProject("shop", balance(client, "1221")).block())
				.satisfies(ex -> assertThat(ex.getErrorDescription()).hasValue("No such wallet"));
			api.failNext("GET", "wallet/2112/balance", Fault.serviceUnavailable(), 3);
			assertThatExceptionOfType(WalletApiException.Server.class)
				.isThrownBy(() -> WalletReactive.withProject("shop", balance(client, "1221")).block());
		});
	}

	@Test
	void aRefusedProjectSendsNothing() {
		ReactiveTestApps.runner(api).run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			Mono<String> call = client.get().uri("wallet/2114/balance").retrieve().bodyToMono(String.class);
			assertThatExceptionOfType(ProjectAccessDeniedException.class)
				.isThrownBy(() -> WalletReactive.withProject("1223", call).block())
				.withMessageContaining("No access to project 1223");
			assertThat(api.requests()).extracting(ReceivedRequest::path).doesNotContain("wallet/2114/balance")
				.allMatch(path -> path.equals("user/me/projects"));
		});
	}

	@Test
	void afterTheContextClosesAReactiveCallFailsAtOnceAndSendsNothing() {
		// cold: the access list was never loaded
		ReactiveTestApps.runner(api).withPropertyValues("paysera.wallet.access.source=remote").run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			context.close();
			assertThatExceptionOfType(WalletClosedException.class)
				.isThrownBy(() -> WalletReactive.withProject("shop", balance(client, "1221")).block(Duration.ofSeconds(5)))
				.withMessageContaining("closed")
				.withMessageNotContaining(TestApps.MAC_KEY);
			assertThat(api.requests()).isEmpty();
		});
		// warm: the same call went out before the context closed
		ReactiveTestApps.runner(api).withPropertyValues("paysera.wallet.access.source=remote").run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			WalletReactive.withProject("shop", balance(client, "1221")).block(Duration.ofSeconds(5));
			int sent = api.requests().size();
			context.close();
			assertThatExceptionOfType(WalletClosedException.class)
				.isThrownBy(() -> WalletReactive.withProject("shop", balance(client, "1221")).block(Duration.ofSeconds(5)));
			assertThat(api.requests()).hasSize(sent);
		});
	}

	@Test
	void boundCredentialsSignTheCallAndTheAccessCheckAsksForThem() {
		ReactiveTestApps.runner(api).run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			WalletCredentials market = WalletCredentials.mac("market",
					new MacSigner(TestApps.MARKET_MAC_ID, TestApps.MARKET_MAC_KEY));
			// subscribed inside CredentialsContext.callWith
			CredentialsContext.callWith(market,
					() -> WalletReactive.withProject("marketplace", balance(client, "1222")).block());
			// carried in the Reactor Context, sent from another thread
			WalletReactive.withCredentials(market, WalletReactive.withProject("marketplace", balance(client, "1222")))
				.subscribeOn(Schedulers.parallel())
				.block();
			// nothing bound: the configured credentials
			WalletReactive.withProject("marketplace", balance(client, "1222")).block();
			assertThat(balances()).extracting(r -> r.verification().macId())
				.containsExactly(TestApps.MARKET_MAC_ID, TestApps.MARKET_MAC_ID, TestApps.MAC_ID);
			// the market credentials may not use shop: refused for them, and nothing sent
			assertThatExceptionOfType(ProjectAccessDeniedException.class).isThrownBy(() -> WalletReactive
				.withCredentials(market, WalletReactive.withProject("shop", balance(client, "1221")))
				.block());
			assertThat(balances()).hasSize(3);
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
		});
	}

	@Test
	void aCallStartedInsideAProjectContextScopeCarriesIt() {
		ReactiveTestApps.runner(api).run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			// subscribed inside the scope
			ProjectContext.runWith("marketplace", () -> balance(client, "1222").block());
			// subscribed inside the scope, sent from another thread: contextCapture() carries it
			ProjectContext.runWith("outlet",
					() -> balance(client, "1225").subscribeOn(Schedulers.parallel()).contextCapture().block());
			// assembled inside the scope, subscribed after it closed, on another thread
			Mono<String> later = ProjectContext.callWith("shop", () -> WalletReactive.withCurrentProject(
					balance(client, "1221")));
			later.subscribeOn(Schedulers.parallel()).block();
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
			assertThat(balances()).extracting(ReceivedRequest::projectId).containsExactly(1222L, 1225L, 1221L);
		});
	}

	@Test
	void aBlockingCallInsideAReactiveChainSeesTheProjectWithContextPropagation() {
		Hooks.enableAutomaticContextPropagation();
		try {
			ReactiveTestApps.runner(api).run(context -> {
				RestClient blocking = context.getBean("walletRestClient", RestClient.class);
				Mono<String> onElastic = Mono.fromCallable(() -> blocking.get()
					.uri("wallet/2113/balance")
					.header(MockWalletApi.EXPECTED_PROJECT_HEADER, "1222")
					.retrieve()
					.body(String.class)).subscribeOn(Schedulers.boundedElastic());
				WalletReactive.withProject("marketplace", onElastic).block();
				assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
				assertThat(balances()).extracting(ReceivedRequest::projectId).containsExactly(1222L);
			});
		}
		finally {
			Hooks.disableAutomaticContextPropagation();
		}
	}

	@Test
	void nothingWaitsOnAnEventLoopThreadColdCacheClockReplayAndRetriesIncluded() {
		ReactiveTestApps.runner(api).withPropertyValues("paysera.wallet.access.source=remote").run(context -> {
			WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
			api.failNext("GET", "wallet/2112/balance", Fault.invalidTimestamp(), 1);
			api.failNext("GET", "wallet/2113/balance", Fault.badGateway(), 2);
			// subscribed on Reactor's non-blocking threads: the access list is cold, the clock is re-read, a GET retried
			Mono.when(WalletReactive.withProject("shop", balance(client, "1221").subscribeOn(Schedulers.parallel())),
					WalletReactive.withProject("marketplace", balance(client, "1222").subscribeOn(Schedulers.parallel())),
					WalletReactive.withProject("outlet", balance(client, "1225").subscribeOn(Schedulers.single())))
				.block(Duration.ofSeconds(30));
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
			assertThat(api).received(1).requestsTo("GET", "user/me/projects");
			assertThat(api).received(1).requestsTo("GET", "server");
			assertThat(balances()).hasSize(6);
			assertThat(this.blockedEventLoops).isEmpty();
		});
	}

	@Test
	void theWatcherSeesAColdBlockingCheckOnAnEventLoopThread() {
		// the control of the test above: the same watcher catches the blocking client doing it
		ReactiveTestApps.runner(api).withPropertyValues("paysera.wallet.access.source=remote").run(context -> {
			RestClient blocking = context.getBean("walletRestClient", RestClient.class);
			Mono.fromCallable(() -> ProjectContext.callWith("shop",
					() -> blocking.get().uri("wallet/2112/balance").retrieve().body(String.class)))
				.subscribeOn(Schedulers.parallel())
				.block();
			assertThat(this.blockedEventLoops).isNotEmpty().allMatch(each -> each.contains("parallel"));
		});
	}

	@WalletProject("shop")
	static class ShopBalances {

		private final WebClient client;

		ShopBalances(@Qualifier("walletWebClient") WebClient client) {
			this.client = client;
		}

		Mono<String> balance() {
			return ReactiveClientTests.balance(this.client, "1221");
		}

	}

}
