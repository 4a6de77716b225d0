package io.github.walletproject.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent {@code invalid_grant} answers for one token lead to one refresh (issue 11, item
 * 9): with single-use refresh tokens a second refresh would fail and could revoke the first.
 */
@ExtendWith(MockWalletApiExtension.class)
class TokenRefreshTests {

	private static final int CALLERS = 8;

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock).client("fresh-token", "fresh-key").userProjects("fresh-token", 1221, 1222);
	}

	@Test
	void concurrentInvalidGrantsShareOneRefresh() throws Exception {
		// every request signed with the old token is refused, as a real server does once it expired
		api.failNext(r -> r.verification() != null && TestApps.MAC_ID.equals(r.verification().macId())
				&& r.path().equals("wallet/2112/balance"), Fault.invalidGrant(), 1000);
		AtomicInteger refreshes = new AtomicInteger();
		CountDownLatch allRefused = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
		try {
			TestApps.runner(api)
				.withPropertyValues("paysera.wallet.access.source=configured")
				.withBean(WalletTokenRefresher.class, () -> credentials -> {
					refreshes.incrementAndGet();
					// hold the refresh until every caller has been refused with the old token
					long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
					while (refusedCount() < CALLERS && System.nanoTime() < deadline) {
						Thread.onSpinWait();
					}
					allRefused.countDown();
					return new MacSigner("fresh-token", "fresh-key");
				})
				.run(context -> {
					WalletApi wallet = context.getBean(WalletApi.class);
					List<Future<?>> calls = new ArrayList<>();
					for (int i = 0; i < CALLERS; i++) {
						calls.add(pool.submit(() -> ProjectContext.runWith("shop", () -> wallet.balance(2112))));
					}
					for (Future<?> call : calls) {
						call.get(30, TimeUnit.SECONDS);
					}
					assertThat(allRefused.await(1, TimeUnit.SECONDS)).isTrue();
					assertThat(refreshes).hasValue(1);
					assertThat(api.requests()).filteredOn(r -> r.status() == 200)
						.hasSize(CALLERS)
						.allSatisfy(r -> assertThat(r.verification().macId()).isEqualTo("fresh-token"));
					assertThat(api).hasOnlyValidSignatures();
				});
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long refusedCount() {
		return api.requests().stream().filter(r -> r.status() == 401).map(ReceivedRequest::nonce).distinct().count();
	}

}
