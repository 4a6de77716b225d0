package io.github.walletproject.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads of one shared pool alternate between projects through annotations, SpEL,
 * contexts and request attributes. Every request tells the mock, in a header of its own,
 * which project the test meant; the mock compares it with the project_id it received and
 * checks every MAC. No mismatch, no bad signature, and no binding left on any pooled thread.
 */
@ExtendWith(MockWalletApiExtension.class)
class RoutingConcurrencyTests {

	private static final int THREADS = 16;

	private static final int CALLS = 3_000;

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}


	@Test
	void everyConcurrentCallCarriesTheProjectItWasMeantFor() {
		TestApps.runner(api)
			.withBean(Calls.class)
			.withBean(ShopCalls.class)
			.withBean(MarketplaceCalls.class)
			.withBean(SpelCalls.class)
			.run(context -> {
				Calls calls = context.getBean(Calls.class);
				ShopCalls shop = context.getBean(ShopCalls.class);
				MarketplaceCalls marketplace = context.getBean(MarketplaceCalls.class);
				SpelCalls spel = context.getBean(SpelCalls.class);
				ExecutorService pool = Executors.newFixedThreadPool(THREADS);
				try {
					List<Future<?>> futures = new ArrayList<>();
					for (int i = 0; i < CALLS; i++) {
						int kind = i % 6;
						futures.add(pool.submit(() -> {
							String random = ThreadLocalRandom.current().nextBoolean() ? "1221" : "1222";
							String other = random.equals("1221") ? "marketplace" : "shop";
							switch (kind) {
								case 0 -> shop.call();
								case 1 -> marketplace.call();
								case 2 -> spel.call(random, random);
								case 3 -> ProjectContext.runWith(random, () -> calls.call(random));
								case 4 -> ProjectContext.runWith(other,
										() -> calls.callWithAttribute(random, random));
								default -> ProjectContext.runWith(other, () -> {
									// nested: the inner binding wins, then the outer one is back
									ProjectContext.runWith(random, () -> calls.call(random));
									calls.call(other.equals("shop") ? "1221" : "1222");
								});
							}
							return null;
						}));
					}
					for (Future<?> future : futures) {
						future.get();
					}
					CyclicBarrier barrier = new CyclicBarrier(THREADS);
					List<Future<Boolean>> leftovers = new ArrayList<>();
					for (int i = 0; i < THREADS; i++) {
						leftovers.add(pool.submit(() -> {
							barrier.await(); // one check on each pooled thread
							return ProjectContext.isBound();
						}));
					}
					for (Future<Boolean> leftover : leftovers) {
						assertThat(leftover.get()).as("binding left on a pooled thread").isFalse();
					}
				}
				finally {
					pool.shutdownNow();
				}
				long walletCalls = api.requests().stream().filter(r -> r.path().startsWith("wallet/")).count();
				assertThat(walletCalls).isEqualTo(CALLS + CALLS / 6);
				assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
				assertThat(api.requests()).filteredOn(r -> r.path().startsWith("wallet/"))
					.allSatisfy(r -> assertThat(r.header(MockWalletApi.EXPECTED_PROJECT_HEADER)).isPresent())
					.allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
				// the access list was looked up once, not once per call
				assertThat(api).received(1).requestsTo("GET", "user/me/projects");
			});
	}

	static class Calls {

		private final RestClient client;

		Calls(@Qualifier("walletRestClient") RestClient client) {
			this.client = client;
		}

		void call(String expected) {
			this.client.get()
				.uri("wallet/{id}/balance", expected.equals("1221") ? 2112 : 2113)
				.header(MockWalletApi.EXPECTED_PROJECT_HEADER, expected)
				.retrieve()
				.toBodilessEntity();
		}

		void callWithAttribute(String project, String expected) {
			this.client.get()
				.uri("wallet/{id}/balance", expected.equals("1221") ? 2112 : 2113)
				.header(MockWalletApi.EXPECTED_PROJECT_HEADER, expected)
				.attributes(WalletRequestAttributes.project(project))
				.retrieve()
				.toBodilessEntity();
		}

	}

	@WalletProject("shop")
	static class ShopCalls {

		private final Calls calls;

		ShopCalls(Calls calls) {
			this.calls = calls;
		}

		void call() {
			this.calls.call("1221");
		}

	}

	@WalletProject("marketplace")
	static class MarketplaceCalls {

		private final Calls calls;

		MarketplaceCalls(Calls calls) {
			this.calls = calls;
		}

		void call() {
			this.calls.call("1222");
		}

	}

	static class SpelCalls {

		private final Calls calls;

		SpelCalls(Calls calls) {
			this.calls = calls;
		}

		@WalletProject("#{#project}")
		void call(String project, String expected) {
			this.calls.call(expected);
		}

	}

}
