package io.github.walletproject.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load test through the whole stack: 8 projects, 16 threads, 8000 calls against
 * the loopback mock that verifies every MAC and records every project, with 2% of the calls
 * answered 502 so that retries (re-signed) happen under load too. Zero bad signatures, zero
 * mis-routed calls, zero bindings left behind.
 */
class LoadTests {

	private static final int PROJECTS = 8;

	private static final int THREADS = 16;

	private static final int CALLS_PER_THREAD = 500;

	@Test
	void eightProjectsSixteenThreadsEightThousandCalls() throws Exception {
		try (MockWalletApi api = MockWalletApi.start()) {
			long[] ids = new long[PROJECTS];
			List<String> properties = new ArrayList<>(List.of("paysera.wallet.base-url=" + api.baseUrl(),
					"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
					"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.retry.initial-backoff=1ms",
					"paysera.wallet.retry.max-backoff=2ms", "paysera.wallet.retry.max-attempts=4"));
			for (int i = 0; i < PROJECTS; i++) {
				ids[i] = 5001 + i;
				properties.add("paysera.wallet.projects.p" + i + ".id=" + ids[i]);
				api.balance(9000 + i, "EUR", "1.00", "0.00");
			}
			api.client(TestApps.MAC_ID, TestApps.MAC_KEY).userProjects(TestApps.MAC_ID, ids);
			AtomicInteger faults = new AtomicInteger();
			api.failNext(request -> request.method().equals("GET") && request.path().startsWith("wallet/")
					&& ThreadLocalRandom.current().nextInt(50) == 0 && faults.incrementAndGet() > 0, Fault.badGateway(),
					Integer.MAX_VALUE);
			ApplicationContextRunner runner = TestApps.runner().withPropertyValues(properties.toArray(String[]::new));
			runner.run(context -> {
				RestClient client = context.getBean("walletRestClient", RestClient.class);
				ExecutorService pool = Executors.newFixedThreadPool(THREADS);
				try {
					List<Future<?>> futures = new ArrayList<>();
					for (int t = 0; t < THREADS; t++) {
						futures.add(pool.submit(() -> {
							ThreadLocalRandom random = ThreadLocalRandom.current();
							for (int i = 0; i < CALLS_PER_THREAD; i++) {
								int project = random.nextInt(PROJECTS);
								String expected = Long.toString(ids[project]);
								ProjectContext.runWith("p" + project, () -> client.get()
									.uri("wallet/{id}/balance", 9000 + project)
									.header(MockWalletApi.EXPECTED_PROJECT_HEADER, expected)
									.retrieve()
									.toBodilessEntity());
							}
							return null;
						}));
					}
					for (Future<?> future : futures) {
						future.get();
					}
					CyclicBarrier barrier = new CyclicBarrier(THREADS);
					List<Future<Boolean>> leftovers = new ArrayList<>();
					for (int t = 0; t < THREADS; t++) {
						leftovers.add(pool.submit(() -> {
							barrier.await();
							return ProjectContext.isBound();
						}));
					}
					for (Future<Boolean> leftover : leftovers) {
						assertThat(leftover.get()).isFalse();
					}
				}
				finally {
					pool.shutdownNow();
				}
			});
			long ok = api.requests().stream().filter(r -> r.path().startsWith("wallet/") && r.status() == 200).count();
			assertThat(ok).isEqualTo(THREADS * CALLS_PER_THREAD);
			assertThat(faults.get()).as("502s injected and retried").isGreaterThan(50);
			assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
			for (long id : ids) {
				assertThat(api.requestsForProject(id)).isNotEmpty();
			}
		}
	}

}
