package io.github.walletproject.reactive;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.walletproject.WalletProject;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.internal.BlockingCalls;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 reactive calls across three projects, interleaved on Reactor Netty's event loops
 * and subscribed from Reactor's non-blocking threads, each bound a different way: an
 * annotation on a method returning {@code Mono}, {@code WalletReactive}, nested bindings (the
 * innermost wins) and a request attribute (wins over the binding). Every request tells the
 * mock which project the test meant; the mock checks every MAC and refuses a reused nonce.
 */
@ExtendWith(MockWalletApiExtension.class)
class ReactiveRoutingConcurrencyTests {

	private static final int CALLS = 10_000;

	private static final String[] PROJECTS = { "1221", "1222", "1225" };

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = ReactiveTestApps.fixtures(mock);
	}

	@Test
	void tenThousandInterleavedCallsReachTheMockWithNoWrongProjectAndNoReusedNonce() {
		List<String> blocked = new CopyOnWriteArrayList<>();
		Set<String> eventLoops = ConcurrentHashMap.newKeySet();
		BlockingCalls.watch(blocked::add);
		try {
			ReactiveTestApps.propagating(api)
				.withPropertyValues("paysera.wallet.access.source=remote")
				.withBean(Calls.class)
				.withBean(ShopCalls.class)
				.withBean(SpelCalls.class)
				.run(context -> {
					Calls calls = context.getBean(Calls.class);
					ShopCalls shop = context.getBean(ShopCalls.class);
					SpelCalls spel = context.getBean(SpelCalls.class);
					Long done = Flux.range(0, CALLS)
						.flatMap(i -> {
							String expected = PROJECTS[i % 3];
							String other = PROJECTS[(i + 1) % 3];
							Mono<String> call = switch (i % 5) {
								case 0 -> expected.equals("1221") ? shop.call() : spel.call(expected);
								case 1 -> WalletReactive.withProject(expected, calls.call(expected));
								case 2 -> WalletReactive.withProject(other,
										WalletReactive.withProject(expected, calls.call(expected)));
								case 3 -> WalletReactive.withProject(other, calls.callWithAttribute(expected));
								default -> spel.call(expected);
							};
							return call.doOnNext(body -> eventLoops.add(Thread.currentThread().getName()))
								.subscribeOn(Schedulers.parallel());
						}, 64)
						.count()
						.block(Duration.ofMinutes(5));
					assertThat(done).isEqualTo(CALLS);
				});
		}
		finally {
			BlockingCalls.watch(null);
			ReactiveTestApps.propagationOff();
		}
		List<ReceivedRequest> balances = api.requests().stream().filter(r -> r.path().endsWith("/balance")).toList();
		assertThat(balances).hasSize(CALLS).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
		assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
		assertThat(balances.stream().map(ReceivedRequest::nonce).collect(Collectors.toSet())).hasSize(CALLS);
		assertThat(balances.stream().collect(Collectors.groupingBy(ReceivedRequest::projectId, Collectors.counting())))
			.containsOnlyKeys(1221L, 1222L, 1225L);
		// one access list load for all of them, none of it waited for on an event loop
		assertThat(api).received(1).requestsTo("GET", "user/me/projects");
		assertThat(blocked).isEmpty();
		assertThat(eventLoops).allMatch(name -> name.startsWith("reactor-http-"));
	}

	static class Calls {

		private final WebClient client;

		Calls(@Qualifier("walletWebClient") WebClient client) {
			this.client = client;
		}

		Mono<String> call(String expected) {
			return this.client.get()
				.uri("wallet/{id}/balance", ReactiveTestApps.walletOf(expected))
				.header(MockWalletApi.EXPECTED_PROJECT_HEADER, expected)
				.retrieve()
				.bodyToMono(String.class);
		}

		Mono<String> callWithAttribute(String expected) {
			return this.client.get()
				.uri("wallet/{id}/balance", ReactiveTestApps.walletOf(expected))
				.header(MockWalletApi.EXPECTED_PROJECT_HEADER, expected)
				.attributes(WalletRequestAttributes.project(expected))
				.retrieve()
				.bodyToMono(String.class);
		}

	}

	@WalletProject("shop")
	static class ShopCalls {

		private final Calls calls;

		ShopCalls(Calls calls) {
			this.calls = calls;
		}

		Mono<String> call() {
			return this.calls.call("1221");
		}

	}

	static class SpelCalls {

		private final Calls calls;

		SpelCalls(Calls calls) {
			this.calls = calls;
		}

		@WalletProject("#{#project}")
		Mono<String> call(String project) {
			return this.calls.call(project);
		}

	}

}
