package io.github.walletproject.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletTimeoutException;
import io.github.walletproject.client.CallDeadline;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.fanout.ProjectResult.Outcome;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fan-out task blocked in a socket read past the deadline, on platform threads (Java 17, or
 * a pool of the caller), where an interrupt does not end the read: the read is capped by what
 * is left of the deadline, so the task stops there, unbound, instead of running on until
 * {@code read-timeout}. Real HTTP to the MAC-verifying mock, the starter's default client
 * (Apache HttpClient 5).
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletFanOutDeadlineTests {

	static final int THREADS = 2;

	ExecutorService pool;

	@BeforeEach
	void platformThreads() {
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(THREADS, task -> {
			Thread thread = new Thread(task, "platform-pool-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@Test
	void aTaskStalledInASocketReadStopsAtTheDeadlineUnboundAndNothingIsResent(MockWalletApi mock) throws Exception {
		MockWalletApi api = WalletFanOutTests.fixtures20(mock);
		long slow = WalletFanOutTests.projectId(2);
		// read-timeout 20 s, the mock stalls 30 s, the fan-out's deadline is 3 s
		try (ConfigurableApplicationContext context = WalletFanOutTests.app(api, "paysera.wallet.fan-out.deadline=3s",
				"paysera.wallet.read-timeout=20s")) {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			WalletFanOut fanOut = context.getBean(WalletFanOut.class).withExecutor(this.pool).withConcurrency(THREADS);
			// warm up (the access list, connections) before the deadline counts
			fanOut.forEachProject(ProjectSelection.of("p1", "p2"), project -> wallet.balance());
			WalletFanOutTests.fixtures20(api);
			// the mock records a request once it answered: the attempts that reached it are counted as they arrive
			Set<String> slowAttempts = ConcurrentHashMap.newKeySet();
			api.failNext(request -> {
				boolean stalled = request.projectId() != null && request.projectId() == slow;
				if (stalled) {
					slowAttempts.add(request.nonce());
				}
				return stalled;
			}, Fault.slow(Duration.ofSeconds(30)), 10);
			CountDownLatch slowEnded = new CountDownLatch(1);
			AtomicReference<Throwable> seenByTask = new AtomicReference<>();
			AtomicReference<String> thread = new AtomicReference<>();

			List<ProjectResult<WalletBalance>> results = fanOut.forEachProject(ProjectSelection.of("p1", "p2"),
					project -> {
						if (project.id() != slow) {
							return wallet.balance();
						}
						thread.set(Thread.currentThread().getName());
						try {
							return wallet.balance();
						}
						catch (RuntimeException ex) {
							seenByTask.set(ex);
							throw ex;
						}
						finally {
							slowEnded.countDown();
						}
					});

			assertThat(results).extracting(ProjectResult::outcome).containsExactly(Outcome.VALUE, Outcome.TIMED_OUT);
			assertThat(results.get(1).error()).containsInstanceOf(FanOutTimeoutException.class);
			// the read ended at the deadline, not at read-timeout (20 s) or the mock's answer (30 s)
			assertThat(slowEnded.await(5, TimeUnit.SECONDS)).as("the task blocked in the read ended shortly after the "
					+ "deadline on " + thread.get()).isTrue();
			assertThat(thread.get()).startsWith("platform-pool-");
			assertThat(seenByTask.get()).isInstanceOf(WalletTimeoutException.class);
			// sent once: neither the HTTP client nor the starter's attempt policy sent it again
			assertThat(slowAttempts).hasSize(1);
			assertNothingBoundOnAnyPoolThread();
		}
	}

	@Test
	void withoutADeadlineTheReadTimeoutIsTheConfiguredOne(MockWalletApi mock) throws Exception {
		MockWalletApi api = WalletFanOutTests.fixtures20(mock);
		try (ConfigurableApplicationContext context = WalletFanOutTests.app(api, "paysera.wallet.read-timeout=1s",
				"paysera.wallet.retry.max-attempts=1")) {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			api.failNext(request -> request.projectId() != null, Fault.slow(Duration.ofMillis(1500)), 1);
			// a call outside a fan-out keeps read-timeout: the 1.5 s answer is too late
			org.assertj.core.api.Assertions.assertThatExceptionOfType(WalletTimeoutException.class)
				.isThrownBy(() -> ProjectContext.callWith("p1", wallet::balance));
			// and a fan-out whose deadline is later than read-timeout does not lengthen it
			api.failNext(request -> request.projectId() != null, Fault.slow(Duration.ofMillis(1500)), 1);
			List<ProjectResult<WalletBalance>> results = context.getBean(WalletFanOut.class)
				.withExecutor(this.pool)
				.withDeadline(Duration.ofSeconds(10))
				.forEachProject(ProjectSelection.of("p1"), project -> wallet.balance());
			assertThat(results).singleElement().satisfies(result -> {
				assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(result.error()).containsInstanceOf(WalletTimeoutException.class);
			});
		}
	}

	/** One probe per pool thread, all at once: no project and no deadline is left on any. */
	private void assertNothingBoundOnAnyPoolThread() throws Exception {
		CyclicBarrier together = new CyclicBarrier(THREADS);
		List<Future<String>> probes = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			probes.add(this.pool.submit(() -> {
				together.await(20, TimeUnit.SECONDS);
				return Thread.currentThread().getName() + "=" + ProjectContext.current().orElse("unbound") + ","
						+ CallDeadline.remaining();
			}));
		}
		List<String> seen = new ArrayList<>();
		for (Future<String> probe : probes) {
			seen.add(probe.get(30, TimeUnit.SECONDS));
		}
		assertThat(seen).hasSize(THREADS).allMatch(entry -> entry.endsWith("=unbound,null"));
	}

}
