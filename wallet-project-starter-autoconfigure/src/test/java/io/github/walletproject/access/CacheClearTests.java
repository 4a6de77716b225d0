package io.github.walletproject.access;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.client.Project;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.walletproject.autoconfigure.WalletEndpointAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A clear wins over every load that started before it (issue 11, item 14): a list loaded
 * before the clear is handed to the caller that asked for it, but is never stored, neither in
 * memory nor in the shared cache.
 */
@ExtendWith(MockWalletApiExtension.class)
class CacheClearTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@Test
	void aLoadInFlightDuringAClearDoesNotStoreItsOlderResult() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger loads = new AtomicInteger();
		AtomicReference<List<Project>> answer = new AtomicReference<>(
				List.of(new Project(1221, "Shop", null, 2112L, null), new Project(1222, "Marketplace", null, 2113L, null)));
		AccessibleProjectsSource source = credentials -> {
			List<Project> current = answer.get();
			if (loads.incrementAndGet() == 1) {
				loading.countDown();
				await(release);
			}
			return current;
		};
		CacheManager shared = new ConcurrentMapCacheManager("wallet");
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try {
			TestApps.runner(api)
				.withBean(AccessibleProjectsSource.class, () -> source)
				.withBean(CacheManager.class, () -> shared)
				.withConfiguration(AutoConfigurations.of(WalletEndpointAutoConfiguration.class))
				.withPropertyValues("paysera.wallet.access.cache.cache-name=wallet",
						"management.endpoints.web.exposure.include=wallet")
				.run(context -> {
					WalletProjects wallet = context.getBean(WalletProjects.class);
					Future<?> first = caller.submit(() -> ProjectContext.runWith("shop", () -> wallet.api().balance(2112)));
					assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
					// the access list changes, and the caches are cleared while the old list is still loading
					answer.set(List.of(new Project(1222, "Marketplace", null, 2113L, null)));
					clear(context);
					release.countDown();
					first.get(10, TimeUnit.SECONDS);
					assertThatExceptionOfType(ProjectAccessDeniedException.class)
						.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallet.api().balance(2112)));
					assertThat(loads).hasValue(2);
				});
		}
		finally {
			release.countDown();
			caller.shutdownNow();
		}
	}

	private static void clear(org.springframework.context.ApplicationContext context) {
		context.getBean(io.github.walletproject.observability.WalletEndpoint.class).clearCaches();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
