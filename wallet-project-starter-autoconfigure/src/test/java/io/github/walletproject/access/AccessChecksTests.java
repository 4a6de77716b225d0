package io.github.walletproject.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.autoconfigure.Analyzers;
import io.github.walletproject.client.Project;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Access checks through a real context: each source, refusal before anything is sent,
 * coalescing of lookups, sharing through a CacheManager, startup validation.
 */
@ExtendWith(MockWalletApiExtension.class)
class AccessChecksTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@Test
	void remoteSourceRefusesBeforeSendingAndNamesTheAccessibleProjects() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThatExceptionOfType(ProjectAccessDeniedException.class)
				.isThrownBy(() -> ProjectContext.runWith("1223", () -> wallet.api().balance(2114)))
				.satisfies(ex -> {
					assertThat(ex.getProjectId()).isEqualTo(1223);
					assertThat(ex.getAvailableProjects()).containsExactly(1221L, 1222L);
					assertThat(ex.getMessage()).startsWith("No access to project 1223. Available projects: 1221 (shop), 1222 (marketplace)");
				});
			assertThat(api).received(0).requestsForProject(1223).received(1).requests();
			assertThat(wallet.accessibleProjects()).extracting(Project::id).containsExactly(1221L, 1222L);
		});
	}

	@Test
	void remoteSourceCanListAnotherUser() {
		TestApps.runner(api).withPropertyValues("paysera.wallet.access.user=4242").run(context -> {
			ProjectContext.runWith("shop", () -> context.getBean(WalletProjects.class).api().balance(2112));
			assertThat(api).received(1).requestsTo("GET", "user/4242/projects");
		});
	}

	@Test
	void configuredSourceUsesTheConfigurationAsAllowList() {
		TestApps.runner(api).withPropertyValues("paysera.wallet.access.source=configured").run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			ProjectContext.runWith("1222", () -> wallet.api().balance(2113));
			assertThatExceptionOfType(ProjectAccessDeniedException.class)
				.isThrownBy(() -> ProjectContext.runWith("1230", () -> wallet.api().balance(2130)))
				.withMessageContaining("No access to project 1230. Available projects: 1221 (shop), 1222 (marketplace)");
			assertThat(api).received(0).requestsTo("GET", "user/me/projects");
			assertThat(api).received(1).requests();
		});
	}

	@Test
	void noneTurnsChecksOff() {
		TestApps.runner(api).withPropertyValues("paysera.wallet.access.source=none").run(context -> {
			assertThat(context.getBean(ProjectAccessChecker.class)).isSameAs(ProjectAccessChecker.NONE);
			WalletProjects wallet = context.getBean(WalletProjects.class);
			// nothing stops the call here: the server's own refusal comes back
			assertThatExceptionOfType(WalletApiException.Forbidden.class)
				.isThrownBy(() -> ProjectContext.runWith("1223", () -> wallet.api().balance(2114)));
			assertThat(api).received(1).requestsForProject(1223).received(0).requestsTo("GET", "user/me/projects");
		});
	}

	@Test
	void concurrentFirstCallsShareOneLookup() {
		api.failNext("GET", "user/me/projects", Fault.slow(java.time.Duration.ofMillis(300)), 1);
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			int threads = 64;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				CyclicBarrier barrier = new CyclicBarrier(threads);
				List<Future<?>> futures = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					futures.add(pool.submit(() -> {
						barrier.await();
						ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
						return null;
					}));
				}
				for (Future<?> future : futures) {
					future.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(api).received(1).requestsTo("GET", "user/me/projects");
			assertThat(api).received(threads).requestsForProject("shop");
		});
	}

	@Test
	void failingLookupWithNothingCachedFailsClosed() {
		api.failNext("GET", "user/me/projects", Fault.serviceUnavailable(), 10);
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThatExceptionOfType(ProjectAccessUnavailableException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallet.api().balance(2112)))
				.withMessageContaining("Cannot check Wallet API project access for credentials 'default'")
				.withMessageContaining("fail closed");
			assertThat(api).received(0).requestsForProject("shop");
		});
	}

	@Test
	void cacheManagerSharesLookupsBetweenInstances() {
		CacheManager shared = new ConcurrentMapCacheManager("wallet");
		for (int instance = 0; instance < 3; instance++) {
			TestApps.runner(api)
				.withBean(CacheManager.class, () -> shared)
				.withPropertyValues("paysera.wallet.access.cache.cache-name=wallet")
				.run(context -> ProjectContext.runWith("shop",
						() -> context.getBean(WalletProjects.class).api().balance(2112)));
		}
		assertThat(api).received(1).requestsTo("GET", "user/me/projects");
		assertThat(api).received(3).requestsForProject("shop");
	}

	@Test
	void cacheNameWithoutCacheManagerIsAStartupError() {
		TestApps.runner(api).withPropertyValues("paysera.wallet.access.cache.cache-name=wallet").run(context -> {
			FailureAnalysis analysis = Analyzers.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("paysera.wallet.access.cache.cache-name")
				.contains("no single CacheManager");
		});
	}

	@Test
	void cacheCanBeClearedInCode() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
			context.getBean(io.github.walletproject.access.WalletCaches.class).clear();
			ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
			assertThat(api).received(2).requestsTo("GET", "user/me/projects");
		});
	}

	@Test
	void projectDetailsAreCached() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			for (int i = 0; i < 5; i++) {
				assertThat(wallet.project("shop").walletId()).isEqualTo(2112);
				ProjectContext.runWith("shop", wallet::balance);
			}
			assertThat(api).received(1).requestsTo("GET", "project/1221").received(5).requestsTo("GET", "wallet/2112/balance");
		});
	}

	@Test
	void validateOnStartupListsInaccessibleProjects() {
		TestApps.runner(api)
			.withPropertyValues("paysera.wallet.access.validate-on-startup=true", "paysera.wallet.projects.other.id=1223",
					"paysera.wallet.projects.fourth.id=1230")
			.run(context -> {
				FailureAnalysis analysis = Analyzers.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("paysera.wallet.projects lists projects the credentials cannot access")
					.contains("other (1223, credentials 'default')")
					.contains("fourth (1230, credentials 'default')")
					.contains("default: [1221, 1222]")
					.doesNotContain("shop (");
			});
		TestApps.runner(api).withPropertyValues("paysera.wallet.access.validate-on-startup=true")
			.run(context -> assertThat(context).hasNotFailed());
	}

}
