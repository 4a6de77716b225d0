package io.github.walletproject.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.support.RedisServer;
import io.github.walletproject.support.ShiftedClock;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockCallbacks;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one application behind a load balancer, sharing one real
 * {@code redis-server} as the shared cache level: a callback delivered to both is dispatched
 * once, and a transaction one instance created is handled in its project by the other.
 */
@ExtendWith(MockWalletApiExtension.class)
class CallbackRedisTests {

	static MockWalletApi api;

	private static RedisServer redis;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final ExecutorService background = Executors.newCachedThreadPool();

	@BeforeAll
	static void start(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
		redis = RedisServer.startIfInstalled();
	}

	@AfterAll
	static void stop() {
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void emptyRedis() {
		Assumptions.assumeTrue(redis != null, RedisServer::whyMissing);
		redis.flushAll();
		api.reset();
		api.callbacks().clear();
	}

	@AfterEach
	void close() {
		this.background.shutdownNow();
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext instance() {
		return instance("75m");
	}

	private ConfigurableApplicationContext instance(String redisTimeToLive) {
		return instance(null, redisTimeToLive);
	}

	private ConfigurableApplicationContext instance(@Nullable Clock clock, String redisTimeToLive, String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.cache.type=redis",
				"spring.cache.cache-names=wallet", "spring.cache.redis.time-to-live=" + redisTimeToLive,
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
				"spring.data.redis.timeout=2s", "spring.data.redis.connect-timeout=2s",
				"paysera.wallet.access.cache.cache-name=wallet"));
		properties.addAll(List.of(extra));
		ConfigurableApplicationContext context = CallbackApps.start(api, clock, properties.toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	@Test
	void aRetryWhileAnotherInstanceStillHandlesTheEventGets503AndOnceThatInstanceIsDoneADuplicate()
			throws Exception {
		ConfigurableApplicationContext first = instance();
		ConfigurableApplicationContext second = instance();
		CallbackApps.Listener firstListener = first.getBean(CallbackApps.Listener.class);
		CountDownLatch release = firstListener.holdNext();
		String data = "{\"transaction_key\":\"busyKey1\",\"status\":\"failed\",\"created_at\":1700000000,"
				+ "\"project_id\":1221,\"payments\":[]}";

		Future<MockCallbacks.Delivery> toFirst = this.background
			.submit(() -> api.callbacks().deliver(CallbackApps.callbackUri(first), "transaction", "failed", data));
		assertThat(firstListener.entered.await(20, TimeUnit.SECONDS)).isTrue();
		MockCallbacks.Delivery whileBusy = api.callbacks()
			.deliver(CallbackApps.callbackUri(second), "transaction", "failed", data);

		// not 200: Paysera must keep the event until the first instance has really handled it
		assertThat(whileBusy.status()).isEqualTo(503);
		assertThat(CallbackApps.outcomes(second, "in_progress")).isEqualTo(1);

		release.countDown();
		assertThat(toFirst.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
		MockCallbacks.Delivery afterwards = api.callbacks()
			.deliver(CallbackApps.callbackUri(second), "transaction", "failed", data);

		assertThat(afterwards.status()).isEqualTo(200);
		assertThat(CallbackApps.outcomes(second, "duplicate")).isEqualTo(1);
		assertThat(firstListener.seen).hasSize(1);
		assertThat(second.getBean(CallbackApps.Listener.class).seen).isEmpty();
	}

	@Test
	void aListenerThatFailsWhileRedisRefusesToGiveTheClaimUpLeavesOnlyALeaseSoALaterDeliveryIsDispatched() throws Exception {
		ShiftedClock secondClock = new ShiftedClock();
		ConfigurableApplicationContext first = instance(null, "75m");
		ConfigurableApplicationContext second = instance(secondClock, "75m");
		CallbackApps.Listener firstListener = first.getBean(CallbackApps.Listener.class);
		CountDownLatch release = firstListener.holdNext();
		firstListener.fail = true;
		String data = "{\"transaction_key\":\"blipKey1\",\"status\":\"failed\",\"created_at\":1700000000,"
				+ "\"project_id\":1221,\"payments\":[]}";

		Future<MockCallbacks.Delivery> toFirst = this.background
			.submit(() -> api.callbacks().deliver(CallbackApps.callbackUri(first), "transaction", "failed", data));
		assertThat(firstListener.entered.await(20, TimeUnit.SECONDS)).isTrue();
		// Redis fails while the listener runs: giving the claim up (a DEL) fails, the claim stays
		redis.command("ACL", "SETUSER", "default", "-del", "-unlink");
		try {
			release.countDown();
			assertThat(toFirst.get(30, TimeUnit.SECONDS).status()).isEqualTo(500);
		}
		finally {
			redis.command("ACL", "SETUSER", "default", "+del", "+unlink");
		}
		String claim = redis.keys().stream().filter(key -> key.contains("delivered:transaction:blipKey1:failed"))
			.findFirst().orElseThrow();

		// what is left is an in-progress lease, never a "done": a retry now is asked to come back
		assertThat(api.callbacks().deliver(CallbackApps.callbackUri(second), "transaction", "failed", data).status())
			.isEqualTo(503);
		long millisLeft = ((Number) redis.command("PTTL", claim)).longValue();
		assertThat(millisLeft).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
		// ...and once the lease (5 minutes by default) lapsed, the retry is handled
		secondClock.advance(Duration.ofMinutes(5).plusSeconds(1));
		MockCallbacks.Delivery retry = api.callbacks()
			.deliver(CallbackApps.callbackUri(second), "transaction", "failed", data);

		assertThat(retry.status()).isEqualTo(200);
		assertThat(second.getBean(CallbackApps.Listener.class).seen).hasSize(1);
		assertThat(CallbackApps.outcomes(second, "dispatched")).isEqualTo(1);
	}

	@Test
	void aClaimLeftByAnInstanceThatNeverFinishesLeavesRedisAfterTheConfiguredLease() throws Exception {
		ConfigurableApplicationContext first = instance(null, "75m", "paysera.wallet.callbacks.in-progress-lease=3s");
		ConfigurableApplicationContext second = instance(null, "75m", "paysera.wallet.callbacks.in-progress-lease=3s");
		CallbackApps.Listener firstListener = first.getBean(CallbackApps.Listener.class);
		CountDownLatch release = firstListener.holdNext();
		String data = "{\"transaction_key\":\"deadKey1\",\"status\":\"failed\",\"created_at\":1700000000,"
				+ "\"project_id\":1221,\"payments\":[]}";

		Future<MockCallbacks.Delivery> toFirst = this.background
			.submit(() -> api.callbacks().deliver(CallbackApps.callbackUri(first), "transaction", "failed", data));
		assertThat(firstListener.entered.await(20, TimeUnit.SECONDS)).isTrue();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline && redis.keys().stream().anyMatch(key -> key.contains("deadKey1"))) {
			Thread.sleep(50);
		}
		MockCallbacks.Delivery retry = api.callbacks()
			.deliver(CallbackApps.callbackUri(second), "transaction", "failed", data);

		assertThat(retry.status()).isEqualTo(200);
		assertThat(second.getBean(CallbackApps.Listener.class).seen).hasSize(1);
		release.countDown();
		toFirst.get(30, TimeUnit.SECONDS);
	}

	@Test
	void aDuplicateDeliveredToTwoInstancesIsDispatchedOnce() {
		ConfigurableApplicationContext first = instance();
		ConfigurableApplicationContext second = instance();
		String data = "{\"transaction_key\":\"twoInst1\",\"status\":\"failed\",\"created_at\":1700000000,"
				+ "\"project_id\":1221,\"payments\":[]}";

		MockCallbacks.Delivery toFirst = api.callbacks()
			.deliver(CallbackApps.callbackUri(first), "transaction", "failed", data);
		MockCallbacks.Delivery toSecond = api.callbacks()
			.deliver(CallbackApps.callbackUri(second), "transaction", "failed", data);

		assertThat(toFirst.status()).isEqualTo(200);
		assertThat(toSecond.status()).isEqualTo(200);
		assertThat(first.getBean(CallbackApps.Listener.class).seen).hasSize(1);
		assertThat(second.getBean(CallbackApps.Listener.class).seen).isEmpty();
		assertThat(CallbackApps.outcomes(second, "duplicate")).isEqualTo(1);
		assertThat(redis.keys()).anyMatch(key -> key.contains("wallet-callbacks:delivered:transaction:twoInst1:failed"));
	}

	@Test
	void aTransactionOneInstanceCreatedIsHandledInItsProjectByTheOther() {
		ConfigurableApplicationContext first = instance();
		ConfigurableApplicationContext second = instance();
		Transaction created = ProjectContext.callWith("shop",
				() -> first.getBean(WalletTransactions.class).create(TransactionRequest.of(
						PaymentRequest.of("Order #9", Money.of("3.00", "EUR")))));
		long paymentId = created.payments().get(0).id();
		String payment = "{\"id\":" + paymentId + ",\"transaction_key\":\"" + created.key() + "\",\"status\":"
				+ "\"reserved\",\"created_at\":1700000000,\"price\":300,\"currency\":\"EUR\"}";

		// Spring Data Redis may store asynchronously: wait until the record is there
		awaitKey(created.key());
		MockCallbacks.Delivery delivery = api.callbacks()
			.deliver(CallbackApps.callbackUri(second), "payment", "reserved", payment);

		assertThat(delivery.status()).isEqualTo(200);
		assertThat(second.getBean(CallbackApps.Listener.class).seen).singleElement()
			.satisfies(seen -> assertThat(seen.callback().project().id()).isEqualTo(1221));
	}

	@Test
	void aRecordOutlivesTheAccessCachesTimeToLiveAndAnotherInstanceHandlesALateCallbackInItsProject()
			throws InterruptedException {
		// the access cache's Redis TTL, shortened from the recommended 75m to 1s to stand for
		// "the payer confirmed more than 75 minutes later"
		ConfigurableApplicationContext first = instance("1s");
		ConfigurableApplicationContext second = instance("1s");
		Transaction created = ProjectContext.callWith("shop",
				() -> first.getBean(WalletTransactions.class).create(TransactionRequest.of(
						PaymentRequest.of("Order #10", Money.of("4.00", "EUR")))));
		long paymentId = created.payments().get(0).id();
		String payment = "{\"id\":" + paymentId + ",\"transaction_key\":\"" + created.key() + "\",\"status\":"
				+ "\"reserved\",\"created_at\":1700000000,\"price\":400,\"currency\":\"EUR\"}";
		String record = awaitKey(created.key());

		Thread.sleep(2_000);
		MockCallbacks.Delivery late = api.callbacks()
			.deliver(CallbackApps.callbackUri(second), "payment", "reserved", payment);

		assertThat(late.status()).isEqualTo(200);
		assertThat(second.getBean(CallbackApps.Listener.class).seen).singleElement()
			.satisfies(seen -> assertThat(seen.callback().project().id()).isEqualTo(1221));
		// kept in Redis for the records' time-to-live (40 days by default), not the access cache's
		long millisLeft = ((Number) redis.command("PTTL", record)).longValue();
		assertThat(millisLeft).isGreaterThan(java.time.Duration.ofDays(39).toMillis());
		assertThat(record).doesNotStartWith("wallet::");
	}

	private static String awaitKey(String part) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			java.util.Optional<String> found = redis.keys().stream().filter(key -> key.contains(part)).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("No key with " + part + " in " + redis.keys());
	}

}
