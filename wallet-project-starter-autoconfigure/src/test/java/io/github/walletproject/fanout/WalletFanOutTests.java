package io.github.walletproject.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.fanout.ProjectResult.Outcome;
import io.github.walletproject.support.RecordedObservations;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.ReceivedRequest;
import io.github.walletproject.test.MockWalletApiExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fan-out in an application started the way users start theirs, over real HTTP to the
 * MAC-verifying mock (issue 28): twenty projects, one refused, one failing, one slower than
 * the deadline.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletFanOutTests {

	static final int PROJECTS = 20;

	static final long REFUSED = 1305;

	static final long FAILING = 1310;

	static final long SLOW = 1315;

	static final int LIMIT = 4;

	static final Duration DEADLINE = Duration.ofSeconds(8);

	MockWalletApi api;

	ExecutorService pool;

	@BeforeEach
	void fixtures(MockWalletApi mock) {
		this.api = fixtures20(mock);
		// a pool larger than the limit: only the fan-out's own bound keeps requests at LIMIT
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(2 * LIMIT, task -> {
			Thread thread = new Thread(task, "caller-pool-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	/** Twenty projects with a wallet and a balance each; the credentials may use all but {@link #REFUSED}. */
	static MockWalletApi fixtures20(MockWalletApi mock) {
		MockWalletApi api = mock.reset().client(TestApps.MAC_ID, TestApps.MAC_KEY);
		List<Long> accessible = new ArrayList<>();
		for (int i = 1; i <= PROJECTS; i++) {
			long id = projectId(i);
			api.project(id, "Project " + i, walletId(i)).balance(walletId(i), "EUR", i + ".00", "0.00");
			if (id != REFUSED) {
				accessible.add(id);
			}
		}
		return api.userProjects(TestApps.MAC_ID, accessible.stream().mapToLong(Long::longValue).toArray());
	}

	static long projectId(int i) {
		return 1300 + i;
	}

	static long walletId(int i) {
		return 4300 + i;
	}

	@Test
	void twentyProjectsGiveSeventeenValuesARefusalAnErrorAndATimeoutEachInItsOwnProject() throws Exception {
		try (ConfigurableApplicationContext context = app()) {
			WalletFanOut fanOut = context.getBean(WalletFanOut.class).withExecutor(this.pool);
			assertThat(fanOut.concurrency()).isEqualTo(LIMIT);
			WalletProjects wallet = context.getBean(WalletProjects.class);
			// warm up (the access list, connections), then measure from a clean mock
			fanOut.forEachProject(ProjectSelection.of("p1", "p2"), project -> wallet.balance());
			this.api.reset();
			// every answer takes a while, so that requests overlap; the slow project's takes longer than the deadline
			this.api.failNext(request -> request.projectId() != null && request.projectId() == SLOW,
					Fault.slow(DEADLINE.plusSeconds(4)), 10);
			this.api.failNext(request -> request.projectId() != null && request.projectId() == FAILING,
					Fault.error(500, "internal_server_error", "Something broke"), 10);
			this.api.failNext(request -> request.projectId() != null, Fault.slow(Duration.ofMillis(60)), 1000);
			Map<Long, String> boundInTask = new ConcurrentHashMap<>();

			List<ProjectResult<WalletBalance>> results = fanOut.forEachProject(ProjectSelection.configured(), project -> {
				boundInTask.put(project.id(), ProjectContext.current().orElse("nothing"));
				return wallet.balance(); // no project named: the binding routes it
			});

			assertThat(results).hasSize(PROJECTS);
			// one result per project, in configuration order
			assertThat(results).extracting(ProjectResult::project)
				.containsExactlyElementsOf(wallet.configuredProjects().values());
			for (int i = 1; i <= PROJECTS; i++) {
				long id = projectId(i);
				ProjectResult<WalletBalance> result = results.stream()
					.filter(each -> each.project().id() == id)
					.findFirst()
					.orElseThrow();
				if (id == REFUSED) {
					assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
					assertThat(result.error()).get().isInstanceOf(ProjectAccessDeniedException.class);
				}
				else if (id == FAILING) {
					assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
					assertThat(result.error()).get().isInstanceOf(WalletApiException.Server.class);
					assertThatExceptionOfType(IllegalStateException.class).isThrownBy(result::value)
						.withCauseInstanceOf(WalletApiException.Server.class);
				}
				else if (id == SLOW) {
					assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
					assertThat(result.error()).get().isInstanceOf(FanOutTimeoutException.class);
				}
				else {
					assertThat(result.outcome()).as("project %s", id).isEqualTo(Outcome.VALUE);
					String expected = i + ".00";
					assertThat(result.value().currency("EUR")).get()
						.satisfies(amount -> assertThat(amount.atDisposal().amount()).isEqualByComparingTo(expected));
				}
			}
			assertThat(results).extracting(ProjectResult::outcome)
				.filteredOn(outcome -> outcome == Outcome.VALUE)
				.hasSize(17);

			// the refused project: its task never ran and nothing was sent for it
			assertThat(this.api.requestsForProject(REFUSED)).isEmpty();
			assertThat(boundInTask).doesNotContainKey(REFUSED).hasSize(PROJECTS - 1);
			// every task saw its own project bound
			boundInTask.forEach((id, bound) -> assertThat(bound).isEqualTo("p" + (id - 1300)));
			// no binding is left on any thread of the pool (the slow task's read was cut at the deadline,
			// on Java 17 too: WalletFanOutDeadlineTests)
			assertNoBindingOnAnyPooledThread();
			// every other request carries its own project_id: wallet 43xx is asked for in project 13xx only
			// (the slow one is recorded by the mock only once it has stalled: not looked at)
			List<ReceivedRequest> balances = this.api.requests()
				.stream()
				.filter(request -> request.path().matches("wallet/\\d+/balance"))
				.filter(request -> request.projectId() == null || request.projectId() != SLOW)
				.toList();
			assertThat(balances).hasSize(PROJECTS - 2).allSatisfy(request -> {
				long walletOf = Long.parseLong(request.path().split("/")[1]);
				assertThat(request.ext()).containsEntry("project_id", Long.toString(walletOf - 3000));
				assertThat(request.projectId()).isEqualTo(walletOf - 3000);
			});
			assertThat(this.api).hasOnlyValidSignatures();
			// the limit is never exceeded (and is reached: the tasks did run side by side)
			assertThat(this.api.maxRequestsInFlight()).isLessThanOrEqualTo(LIMIT).isGreaterThan(1);

			// one observation around the fan-out, with the project count and the outcome counts
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(FanOutObservation.NAME)
				.tags("wallet.selection", "configured", "wallet.projects", "20", "wallet.outcome.value", "17",
						"wallet.outcome.failed", "1", "wallet.outcome.refused", "1", "wallet.outcome.timed_out", "1")
				.timer()
				.count()).isEqualTo(1);
			// each task's calls observed as usual, as children of the fan-out (the access list, loaded
			// once on the cache's own thread and shared by every caller, is not a task's call)
			RecordedObservations recorded = context.getBean(RecordedObservations.class);
			List<Observation.Context> calls = recorded.stopped().stream()
				.filter(observed -> observed.getName().equals("wallet.client.requests"))
				.filter(observed -> observed.getLowCardinalityKeyValue("uri").getValue().endsWith("/balance"))
				.toList();
			assertThat(calls).hasSizeGreaterThanOrEqualTo(PROJECTS - 1)
				.allSatisfy(call -> assertThat(call.getParentObservation()).isNotNull()
					.extracting(parent -> parent.getContextView().getName())
					.isEqualTo(FanOutObservation.NAME));
		}
	}

	@Test
	void explicitAndAccessibleSelectionsInTheirOwnOrderOnTheStartersExecutor() {
		try (ConfigurableApplicationContext context = app()) {
			WalletFanOut fanOut = context.getBean(WalletFanOut.class);
			Set<String> threads = ConcurrentHashMap.newKeySet();
			List<ProjectResult<Long>> explicit = fanOut.forEachProject(ProjectSelection.of("p3", "1301", "p3", "1305"),
					project -> {
						threads.add(Thread.currentThread().getName());
						return ProjectContext.currentReference().map(ResolvedProject.class::cast).orElseThrow().id();
					});
			assertThat(explicit).extracting(result -> result.project().id()).containsExactly(1303L, 1301L, 1305L);
			assertThat(explicit).extracting(ProjectResult::outcome)
				.containsExactly(Outcome.VALUE, Outcome.VALUE, Outcome.REFUSED);
			assertThat(explicit.get(0).value()).isEqualTo(1303L);
			assertThat(threads).allMatch(name -> name.startsWith("wallet-fan-out-"));

			List<ProjectResult<String>> accessible = fanOut.forEachProject(ProjectSelection.accessible(),
					project -> ProjectContext.current().orElseThrow());
			assertThat(accessible).hasSize(PROJECTS - 1).allMatch(ProjectResult::hasValue);
			assertThat(accessible).extracting(ProjectResult::value).doesNotContain("p5").contains("p1", "p20");
			// nothing was sent for the refused project, nor bound on the caller afterwards
			assertThat(this.api.requestsForProject(REFUSED)).isEmpty();
			assertThat(ProjectContext.isBound()).isFalse();
		}
	}

	@Test
	void anUnknownAliasRunsNothing() {
		try (ConfigurableApplicationContext context = app()) {
			WalletFanOut fanOut = context.getBean(WalletFanOut.class);
			AtomicInteger ran = new AtomicInteger();
			assertThatExceptionOfType(io.github.walletproject.InvalidProjectException.class)
				.isThrownBy(() -> fanOut.forEachProject(ProjectSelection.of("p1", "nope"), project -> ran.incrementAndGet()))
				.withMessageContaining("nope");
			assertThat(ran).hasValue(0);
		}
	}

	@Test
	void aTaskThatLeavesAScopeOpenFailsAndLeavesTheThreadClean() throws Exception {
		try (ConfigurableApplicationContext context = app()) {
			WalletFanOut fanOut = context.getBean(WalletFanOut.class).withExecutor(this.pool);
			List<ProjectResult<Object>> results = fanOut.forEachProject(ProjectSelection.of("p1", "p2"), project -> {
				ProjectContext.open("p3"); // never closed
				return "done";
			});
			assertThat(results).allSatisfy(result -> {
				assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(result.error()).get().isInstanceOf(IllegalStateException.class);
			});
			assertNoBindingOnAnyPooledThread();
		}
	}

	@Test
	void theLimitsAreCheckedAtStartup() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> app("paysera.wallet.fan-out.concurrency=0").close())
			.withStackTraceContaining("paysera.wallet.fan-out.concurrency must be between 1 and 256, got 0");
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> app("paysera.wallet.fan-out.deadline=0s").close())
			.withStackTraceContaining("paysera.wallet.fan-out.deadline must be positive");
	}

	/** One probe per pool thread, all at once, so that each thread of the pool answers. */
	private void assertNoBindingOnAnyPooledThread() throws Exception {
		int size = 2 * LIMIT;
		CyclicBarrier together = new CyclicBarrier(size);
		List<Future<String>> probes = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			probes.add(this.pool.submit(() -> {
				together.await(20, TimeUnit.SECONDS);
				return Thread.currentThread().getName() + "=" + ProjectContext.current().orElse("unbound");
			}));
		}
		List<String> seen = new ArrayList<>();
		for (Future<String> probe : probes) {
			seen.add(probe.get(30, TimeUnit.SECONDS));
		}
		assertThat(seen).hasSize(size).allMatch(entry -> entry.endsWith("=unbound"));
	}

	private ConfigurableApplicationContext app(String... extra) {
		return app(this.api, extra);
	}

	/** An application with projects p1..p20 (ids 1301..1320, wallets 4301..4320) pointed at the mock. */
	static ConfigurableApplicationContext app(MockWalletApi api, String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
				"paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.fan-out.concurrency=" + LIMIT,
				"paysera.wallet.fan-out.deadline=" + DEADLINE.toSeconds() + "s", "paysera.wallet.read-timeout=20s"));
		for (int i = 1; i <= PROJECTS; i++) {
			properties.add("paysera.wallet.projects.p" + i + ".id=" + projectId(i));
			properties.add("paysera.wallet.projects.p" + i + ".wallet-id=" + walletId(i));
		}
		properties.addAll(List.of(extra));
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		RecordedObservations recorded() {
			return new RecordedObservations();
		}

	}

}
