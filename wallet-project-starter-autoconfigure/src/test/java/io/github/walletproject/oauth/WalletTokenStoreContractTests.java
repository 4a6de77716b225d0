package io.github.walletproject.oauth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.walletproject.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link WalletTokenStore} of the starter does, in memory, in Redis and in a JDBC
 * database (H2, with the starter's schema script) alike: keep
 * the newest token of a key, and replace it only over the token a refresh renewed.
 */
class WalletTokenStoreContractTests {

	private static RedisServer redis;

	private static LettuceConnectionFactory connections;

	private final List<EmbeddedDatabase> databases = new ArrayList<>();

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.startIfInstalled();
		if (redis != null) {
			connections = new LettuceConnectionFactory("127.0.0.1", redis.port());
			connections.afterPropertiesSet();
			connections.start();
		}
	}

	@AfterAll
	static void stopRedis() {
		if (connections != null) {
			connections.destroy();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(EmbeddedDatabase::shutdown);
	}

	static Stream<Arguments> stores() {
		return Stream.of(Arguments.of("memory"), Arguments.of("redis"), Arguments.of("jdbc"));
	}

	private WalletTokenStore store(String kind) {
		if (kind.equals("memory")) {
			return new InMemoryWalletTokenStore();
		}
		if (kind.equals("jdbc")) {
			EmbeddedDatabase database = JdbcWalletTokenStoreTests.database();
			this.databases.add(database);
			return new JdbcWalletTokenStore(database);
		}
		Assumptions.assumeTrue(redis != null, RedisServer::whyMissing);
		redis.flushAll();
		StringRedisTemplate template = new StringRedisTemplate(connections);
		template.afterPropertiesSet();
		return new RedisWalletTokenStore(template);
	}

	private static WalletAccessToken token(String accessToken, String refreshToken) {
		return new WalletAccessToken(accessToken, "mac-key-" + accessToken, refreshToken,
				Instant.ofEpochSecond(2_000_000_000L));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void keepsTheNewestTokenOfAKeyAndForgetsIt(String kind) {
		WalletTokenStore store = store(kind);
		assertThat(store.get("user:a")).isNull();
		store.put("user:a", token("t1", "r1"));
		store.put("user:a", new WalletAccessToken("t2", "k2", null, null));

		WalletAccessToken kept = store.get("user:a");
		assertThat(kept.accessToken()).isEqualTo("t2");
		assertThat(kept.refreshToken()).isNull();
		assertThat(kept.expiresAt()).isNull();
		store.remove("user:a");
		assertThat(store.get("user:a")).isNull();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void replacesOnlyOverTheTokenARefreshRenewed(String kind) {
		WalletTokenStore store = store(kind);
		// nothing there yet: a first refresh of a configured token expects none
		assertThat(store.replace("credentials:default", null, token("t1", "r1"))).isTrue();
		assertThat(store.replace("credentials:default", null, token("t0", "r0"))).isFalse();
		// over the token it renewed: kept, whole
		assertThat(store.replace("credentials:default", "t1", token("t2", "r2"))).isTrue();
		assertThat(store.get("credentials:default")).isEqualTo(token("t2", "r2"));
		// a reconnect saved t3 while t2 was being refreshed: the refresh's t4 is not kept
		store.put("credentials:default", token("t3", "r3"));
		assertThat(store.replace("credentials:default", "t2", token("t4", "r4"))).isFalse();
		assertThat(store.get("credentials:default")).isEqualTo(token("t3", "r3"));
		// disconnected meanwhile: nothing is written back
		store.remove("credentials:default");
		assertThat(store.replace("credentials:default", "t3", token("t5", "r5"))).isFalse();
		assertThat(store.get("credentials:default")).isNull();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void ofManyRefreshesOfOneTokenExactlyOneIsKept(String kind) throws Exception {
		WalletTokenStore store = store(kind);
		store.put("user:b", token("t0", "r0"));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 16; i++) {
				WalletAccessToken next = token("n" + i, "r" + i);
				results.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return store.replace("user:b", "t0", next);
				}));
			}
			start.countDown();
			int kept = 0;
			for (Future<Boolean> result : results) {
				kept += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(kept).isEqualTo(1);
			assertThat(store.get("user:b").accessToken()).startsWith("n");
		}
		finally {
			threads.shutdownNow();
		}
	}

	@ParameterizedTest
	@MethodSource("stores")
	void noTokenPartIsShownByToString(String kind) {
		WalletTokenStore store = store(kind);
		store.put("user:c", token("secret-access", "secret-refresh"));
		assertThat(store.toString()).doesNotContain("secret");
		assertThat(store.get("user:c").toString()).doesNotContain("secret");
	}

}
