package io.github.walletproject.routing;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.walletproject.ProjectContext;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Java 21+ the binding travels into virtual threads through context propagation, and a
 * virtual thread never sees a binding it was not given. The build targets Java 17, where
 * virtual threads do not exist; run this class with a newer JDK (see the README).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadPropagationTests {

	@Test
	void bindingFollowsIntoVirtualThreads() throws Exception {
		Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
		ExecutorService virtualThreads = (ExecutorService) factory.invoke(null);
		try {
			ExecutorService propagating = ContextExecutorService.wrap(virtualThreads,
					() -> ContextSnapshotFactory.builder().build().captureAll());
			String seen = ProjectContext.callWith("shop",
					() -> propagating.submit(() -> describe()).get());
			assertThat(seen).isEqualTo("shop on a virtual thread");
			assertThat(virtualThreads.submit(() -> ProjectContext.current().orElse("(none)")).get()).isEqualTo("(none)");
			assertThat(ProjectContext.callWith("1222", () -> virtualThreads.submit(() -> ProjectContext.isBound()).get()))
				.as("without propagation nothing is inherited")
				.isFalse();
		}
		finally {
			virtualThreads.shutdownNow();
		}
	}

	private static String describe() throws Exception {
		boolean virtual = (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
		return ProjectContext.current().orElse("(none)") + (virtual ? " on a virtual thread" : " on a platform thread");
	}

}
