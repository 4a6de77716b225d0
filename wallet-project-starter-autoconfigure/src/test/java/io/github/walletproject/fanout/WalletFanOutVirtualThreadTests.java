package io.github.walletproject.fanout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.fanout.ProjectResult.Outcome;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Java 21+ the starter's fan-out executor runs each task on a virtual thread, where a
 * blocking socket read is interrupted with its thread: a task past the deadline stops when the
 * call returns instead of running on, bound to its project, until its read timeout. The build
 * targets Java 17; {@code .ci/run} runs this class with a newer JDK when one is installed.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@ExtendWith(MockWalletApiExtension.class)
class WalletFanOutVirtualThreadTests {

	@Test
	void aTaskPastTheDeadlineStopsWhenTheCallReturns(MockWalletApi mock) throws Exception {
		MockWalletApi api = WalletFanOutTests.fixtures20(mock);
		long slow = WalletFanOutTests.projectId(2);
		try (ConfigurableApplicationContext context = WalletFanOutTests.app(api, "paysera.wallet.fan-out.deadline=5s",
				"paysera.wallet.retry.max-attempts=1")) {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			// warm up (the access list, connections) before the deadline counts
			context.getBean(WalletFanOut.class).forEachProject(ProjectSelection.of("p1", "p2"), project -> wallet.balance());
			api.failNext(request -> request.projectId() != null && request.projectId() == slow,
					Fault.slow(Duration.ofSeconds(30)), 10);
			CountDownLatch slowEnded = new CountDownLatch(1);
			AtomicBoolean virtual = new AtomicBoolean();
			AtomicReference<String> boundAfter = new AtomicReference<>();

			List<ProjectResult<WalletBalance>> results = context.getBean(WalletFanOut.class)
				.forEachProject(ProjectSelection.of("p1", "p2"), project -> {
					if (project.id() != slow) {
						return wallet.balance();
					}
					virtual.set((boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()));
					try {
						return wallet.balance();
					}
					finally {
						boundAfter.set(ProjectContext.current().orElse("unbound"));
						slowEnded.countDown();
					}
				});

			assertThat(results).as(() -> results + " " + results.stream()
				.map(result -> result.error().map(Throwable::toString).orElse("-"))
				.toList()).extracting(ProjectResult::outcome).containsExactly(Outcome.VALUE, Outcome.TIMED_OUT);
			assertThat(virtual).isTrue();
			// the read was interrupted with the thread: the task ended long before the mock's answer (30 s)
			assertThat(slowEnded.await(10, TimeUnit.SECONDS)).as("the cancelled task ended").isTrue();
			assertThat(boundAfter.get()).isEqualTo("p2"); // inside its scope, which then closed
		}
	}

}
