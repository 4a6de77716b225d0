package io.github.walletproject.callback;

import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.support.RedisServer;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockCallbacks;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
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
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext instance() {
		return instance("75m");
	}

	private ConfigurableApplicationContext instance(String redisTimeToLive) {
		ConfigurableApplicationContext context = CallbackApps.start(api, "spring.cache.type=redis",
				"spring.cache.cache-names=wallet", "spring.cache.redis.time-to-live=" + redisTimeToLive,
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
				"spring.data.redis.timeout=2s", "spring.data.redis.connect-timeout=2s",
				"paysera.wallet.access.cache.cache-name=wallet");
		this.contexts.add(context);
		return context;
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
