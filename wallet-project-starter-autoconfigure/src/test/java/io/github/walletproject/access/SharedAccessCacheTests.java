package io.github.walletproject.access;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.Project;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Access lists in a shared cache ({@code paysera.wallet.access.cache.cache-name}) stay apart
 * per credentials and go away on a clear; a project's details are read only once its access
 * is checked.
 */
@ExtendWith(MockWalletApiExtension.class)
class SharedAccessCacheTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@Test
	void aProjectWithCredentialsOfItsOwnIsCheckedAgainstItsOwnListInTheSharedCache() {
		CacheManager shared = new ConcurrentMapCacheManager("wallet");
		TestApps.runner(api)
			.withBean(CacheManager.class, () -> shared)
			.withPropertyValues("paysera.wallet.access.cache.cache-name=wallet", "paysera.wallet.projects.side.id=1230",
					"paysera.wallet.projects.side.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
					"paysera.wallet.projects.side.credentials.mac-key=" + TestApps.MARKET_MAC_KEY)
			.run(context -> {
				WalletProjects wallet = context.getBean(WalletProjects.class);
				ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
				// the default credentials' list (1221, 1222) is in the shared cache; side (1230) is not on it
				ProjectContext.runWith("side", () -> wallet.api().balance(2130));
				assertThat(wallet.accessibleProjects()).extracting(Project::id).containsExactly(1221L, 1222L);
				assertThat(wallet.accessibleProjects("side")).extracting(Project::id).containsExactly(1222L, 1230L);
				assertThat(api).received(2).requestsTo("GET", "user/me/projects");
				ConcurrentMapCache cache = (ConcurrentMapCache) shared.getCache("wallet");
				assertThat(cache.getNativeCache().keySet()).filteredOn(key -> key.toString().startsWith("access:"))
					.hasSize(2)
					.allSatisfy(key -> assertThat(key.toString()).startsWith("access:" + api.baseUrl())
						.doesNotContain(TestApps.MAC_ID)
						.doesNotContain(TestApps.MARKET_MAC_ID));
			});
	}

	@Test
	void aClearEmptiesTheSharedCacheSoTheNextCallAsksTheServerAgain() {
		CacheManager shared = new ConcurrentMapCacheManager("wallet");
		TestApps.runner(api)
			.withBean(CacheManager.class, () -> shared)
			.withPropertyValues("paysera.wallet.access.cache.cache-name=wallet")
			.run(context -> {
				WalletProjects wallet = context.getBean(WalletProjects.class);
				ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
				assertThat(wallet.project("shop").walletId()).isEqualTo(2112);
				context.getBean(WalletCaches.class).clear();
				assertThat(((ConcurrentMapCache) shared.getCache("wallet")).getNativeCache()).isEmpty();
				ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
				assertThat(wallet.project("shop").walletId()).isEqualTo(2112);
				assertThat(api).received(2).requestsTo("GET", "user/me/projects").received(2).requestsTo("GET",
						"project/1221");
			});
	}

	@Test
	void theDetailsOfAProjectTheCredentialsMayNotUseAreNeverRequested() {
		TestApps.runner(api).withPropertyValues("paysera.wallet.projects.other.id=1223").run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThatExceptionOfType(ProjectAccessDeniedException.class).isThrownBy(() -> wallet.project("other"))
				.satisfies(ex -> assertThat(ex.getProjectId()).isEqualTo(1223));
			assertThat(api).received(0).requestsTo("GET", "project/1223");
		});
	}

}
