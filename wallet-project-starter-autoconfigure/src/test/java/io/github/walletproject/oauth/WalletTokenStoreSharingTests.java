package io.github.walletproject.oauth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.support.RedisServer;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One token store seen by several applications, instances and restarts (outside review of
 * 2026-12-08, findings 1, 3, 5 and 8): two applications on one Redis never read each other's
 * tokens; a reconnect on one instance is seen by the others; new configured credentials are
 * used after a restart; a refresh whose result cannot be written keeps the chain alive.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletTokenStoreSharingTests {

	private static MockWalletApi api;

	private static RedisServer redis;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
		redis = RedisServer.startIfInstalled();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void reset() {
		api.reset();
		api.tokenLifetime(Duration.ofHours(1));
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	// ---- finding 1: two applications, one Redis ---------------------------------------------

	@Test
	void twoApplicationsWithTheirOwnClientsOnOneRedisNeverSeeEachOthersUserTokens() {
		ConfigurableApplicationContext a = app(redisStore(), TestApps.MAC_ID, TestApps.MAC_KEY);
		ConfigurableApplicationContext b = app(redisStore(), TestApps.MARKET_MAC_ID, TestApps.MARKET_MAC_KEY);
		api.authorizationCode("alice-code", null, 1222);
		WalletAccessToken alices = a.getBean(WalletOAuthClient.class).exchangeCode("alice-code", null);
		a.getBean(WalletUserTokens.class).save("alice", alices);

		WalletUserTokens bUsers = b.getBean(WalletUserTokens.class);
		assertThat(bUsers.isConnected("alice")).as("alice connected to application A only").isFalse();
		WalletProjects bWallet = b.getBean(WalletProjects.class);
		assertThatExceptionOfType(WalletException.class)
			.isThrownBy(() -> bUsers.callAs("alice", () -> ProjectContext.callWith("marketplace", bWallet::balance)))
			.withMessageContaining("No Wallet API token is kept for user 'alice'");
		assertThat(api.requests()).noneMatch((r) -> r.verification() != null
				&& alices.accessToken().equals(r.verification().macId()) && r.path().startsWith("wallet/"));
		// and A still works with it
		WalletProjects aWallet = a.getBean(WalletProjects.class);
		a.getBean(WalletUserTokens.class).callAs("alice", () -> ProjectContext.callWith("marketplace", aWallet::balance));
		assertThat(last("wallet/2113/balance").verification().macId()).isEqualTo(alices.accessToken());
		assertThat(redis.keys()).allSatisfy((key) -> assertThat(key).doesNotContain(TestApps.MAC_ID)
			.doesNotContain(TestApps.MARKET_MAC_ID)
			.doesNotContain(api.baseUrl()));
	}

	@Test
	void twoApplicationsWithConfiguredRefreshTokensOnOneRedisKeepTheirOwnChains() {
		api.userToken("app-a-token", "app-a-key", "app-a-refresh", Duration.ofHours(1), 1221, 1222);
		api.userToken("app-b-token", "app-b-key", "app-b-refresh", Duration.ofHours(1), 1221, 1222);
		WalletProjects a = seeded(redisStore(), "app-a-token", "app-a-key", "app-a-refresh", TestApps.MAC_ID,
				TestApps.MAC_KEY)
			.getBean(WalletProjects.class);
		api.expireToken("app-a-token");
		ProjectContext.callWith("shop", a::balance);
		String renewedA = last("wallet/2112/balance").verification().macId();
		assertThat(renewedA).isNotEqualTo("app-a-token");

		WalletProjects b = seeded(redisStore(), "app-b-token", "app-b-key", "app-b-refresh", TestApps.MARKET_MAC_ID,
				TestApps.MARKET_MAC_KEY)
			.getBean(WalletProjects.class);
		ProjectContext.callWith("marketplace", b::balance);

		assertThat(last("wallet/2113/balance").verification().macId()).as("B signs with its own token, not A's chain")
			.isEqualTo("app-b-token");
	}

	// ---- finding 3: a reconnect on one instance ---------------------------------------------

	@Test
	void aReconnectOnOneInstanceIsUsedByTheOtherInstanceAtItsNextCall() {
		ConfigurableApplicationContext a = app(redisStore(), TestApps.MAC_ID, TestApps.MAC_KEY);
		ConfigurableApplicationContext b = app(redisStore(), TestApps.MAC_ID, TestApps.MAC_KEY);
		api.authorizationCode("x-code", null, 1222);
		api.authorizationCode("y-code", null, 1222);
		WalletOAuthClient oauth = a.getBean(WalletOAuthClient.class);
		WalletAccessToken x = oauth.exchangeCode("x-code", null);
		a.getBean(WalletUserTokens.class).save("alice", x);
		WalletUserTokens bUsers = b.getBean(WalletUserTokens.class);
		WalletProjects bWallet = b.getBean(WalletProjects.class);
		bUsers.callAs("alice", () -> ProjectContext.callWith("marketplace", bWallet::balance));
		assertThat(last("wallet/2113/balance").verification().macId()).isEqualTo(x.accessToken());

		WalletAccessToken y = oauth.exchangeCode("y-code", null);
		a.getBean(WalletUserTokens.class).save("alice", y);
		bUsers.callAs("alice", () -> ProjectContext.callWith("marketplace", bWallet::balance));

		ReceivedRequest last = last("wallet/2113/balance");
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.verification().macId()).as("B signs alice's call with the token of her reconnect")
			.isEqualTo(y.accessToken());
		assertThat(api).hasOnlyValidSignatures();
	}

	// ---- finding 5: new configured credentials after the chain died --------------------------

	@Test
	void newConfiguredCredentialsAreUsedAfterARestartInsteadOfTheStoredChain() {
		api.userToken("seed-0", "seed-0-key", "seed-0-refresh", Duration.ofHours(1), 1221, 1222);
		ConfigurableApplicationContext first = seeded(redisStore(), "seed-0", "seed-0-key", "seed-0-refresh",
				TestApps.MAC_ID, TestApps.MAC_KEY);
		WalletProjects wallet = first.getBean(WalletProjects.class);
		api.expireToken("seed-0");
		ProjectContext.callWith("shop", wallet::balance);
		String chained = last("wallet/2112/balance").verification().macId();
		assertThat(chained).isNotEqualTo("seed-0");
		first.close();
		// the chain dies; the operator authorizes again and configures the new token
		api.expireToken(chained);
		api.userToken("seed-9", "seed-9-key", "seed-9-refresh", Duration.ofHours(1), 1221, 1222);
		int before = api.requests().size();

		WalletProjects restarted = seeded(redisStore(), "seed-9", "seed-9-key", "seed-9-refresh", TestApps.MAC_ID,
				TestApps.MAC_KEY)
			.getBean(WalletProjects.class);
		ProjectContext.callWith("shop", restarted::balance);

		List<ReceivedRequest> after = api.requests().subList(before, api.requests().size());
		assertThat(after).filteredOn((r) -> r.path().equals("wallet/2112/balance"))
			.as("every call after the restart is signed with the configured token")
			.allSatisfy((r) -> assertThat(r.verification().macId()).isEqualTo("seed-9"))
			.isNotEmpty();
		assertThat(after).noneMatch((r) -> r.path().equals("/oauth/v1/token"));
	}

	// ---- finding 8: a refresh whose result cannot be written ---------------------------------

	@Test
	void aRefreshWhoseResultCannotBeWrittenOnceKeepsTheChainAlive() {
		api.userToken("flaky-token", "flaky-key", "flaky-refresh", Duration.ofHours(1), 1221, 1222);
		FailingOnceStore store = new FailingOnceStore();
		ConfigurableApplicationContext context = seeded(store, "flaky-token", "flaky-key", "flaky-refresh",
				TestApps.MAC_ID, TestApps.MAC_KEY);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		api.expireToken("flaky-token");

		ProjectContext.callWith("shop", wallet::balance);

		String renewed = last("wallet/2112/balance").verification().macId();
		assertThat(renewed).isNotEqualTo("flaky-token");
		assertThat(store.failures).as("the store refused one write").hasValue(1);
		ProjectContext.callWith("shop", wallet::balance);
		assertThat(store.held()).as("the renewed token was written after all").contains(renewed);
		// the chain goes on from the renewed token's refresh token
		api.expireToken(renewed);
		ProjectContext.callWith("shop", wallet::balance);
		ReceivedRequest last = last("wallet/2112/balance");
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.verification().macId()).isNotIn("flaky-token", renewed);
		assertThat(api).hasOnlyValidSignatures();
	}

	/** An in-memory store whose first compare-and-set fails, as during a Redis failover. */
	static final class FailingOnceStore implements WalletTokenStore {

		private final InMemoryWalletTokenStore delegate = new InMemoryWalletTokenStore();

		private final Map<String, String> keys = new ConcurrentHashMap<>();

		final AtomicInteger failures = new AtomicInteger();

		@Override
		public @Nullable WalletAccessToken get(String key) {
			return this.delegate.get(key);
		}

		@Override
		public void put(String key, WalletAccessToken token) {
			this.keys.put(key, key);
			this.delegate.put(key, token);
		}

		@Override
		public boolean replace(String key, @Nullable String expected, WalletAccessToken token) {
			if (this.failures.get() == 0) {
				this.failures.incrementAndGet();
				throw new IllegalStateException("store unavailable");
			}
			this.keys.put(key, key);
			return this.delegate.replace(key, expected, token);
		}

		@Override
		public void remove(String key) {
			this.delegate.remove(key);
		}

		List<String> held() {
			return this.keys.keySet()
				.stream()
				.map(this.delegate::get)
				.filter((token) -> token != null)
				.map(WalletAccessToken::accessToken)
				.toList();
		}

	}

	// ---- the applications --------------------------------------------------------------------

	private static Object redisStore() {
		Assumptions.assumeTrue(redis != null, RedisServer::whyMissing);
		return "redis";
	}

	/** An application whose client connects users, on the given store ("redis" or a store). */
	private ConfigurableApplicationContext app(Object store, String macId, String macKey) {
		if (this.contexts.isEmpty() && "redis".equals(store)) {
			redis.flushAll();
		}
		return run(store, "paysera.wallet.credentials.mac-id=" + macId, "paysera.wallet.credentials.mac-key=" + macKey,
				"paysera.wallet.oauth.user-tokens=true");
	}

	/** An application whose own credentials are a configured user token with its refresh token. */
	private ConfigurableApplicationContext seeded(Object store, String token, String key, String refresh,
			String clientId, String clientKey) {
		if (this.contexts.isEmpty() && "redis".equals(store)) {
			redis.flushAll();
		}
		return run(store, "paysera.wallet.credentials.mac-id=" + token, "paysera.wallet.credentials.mac-key=" + key,
				"paysera.wallet.credentials.refresh-token=" + refresh, "paysera.wallet.oauth.client.mac-id=" + clientId,
				"paysera.wallet.oauth.client.mac-key=" + clientKey);
	}

	private ConfigurableApplicationContext run(Object store, String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
				"paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.projects.marketplace.id=1222", "paysera.wallet.retry.initial-backoff=1ms",
				"paysera.wallet.retry.max-backoff=5ms"));
		if ("redis".equals(store)) {
			properties.addAll(List.of("paysera.wallet.oauth.token-store=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "spring.data.redis.timeout=2s"));
		}
		properties.addAll(List.of(extra));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new));
		if (store instanceof WalletTokenStore own) {
			builder.initializers((context) -> context.getBeanFactory().registerSingleton("testTokenStore", own));
		}
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		return context;
	}

	private static ReceivedRequest last(String path) {
		List<ReceivedRequest> matching = api.requests().stream().filter((r) -> r.path().equals(path)).toList();
		assertThat(matching).as("requests to %s", path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
