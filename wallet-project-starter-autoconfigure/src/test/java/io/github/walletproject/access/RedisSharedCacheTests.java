package io.github.walletproject.access;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.observability.WalletHealthIndicator;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.support.RedisServer;
import io.github.walletproject.support.ShiftedClock;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shared access cache on a real Redis (issue 13): applications configured as a user
 * would (spring-boot-starter-data-redis and spring-boot-starter-cache, {@code @EnableCaching},
 * {@code spring.cache.type=redis}) against one {@code redis-server} started for this class.
 * Several instances make one remote lookup per set of credentials, the keys hold no secret,
 * values are Spring Data Redis's default JDK serialization, and a Redis outage leaves the
 * starter working from memory, with one warning per cache and a {@code sharedCache} health
 * detail, while the {@code wallet} indicator stays UP.
 */
@ExtendWith({ MockWalletApiExtension.class, OutputCaptureExtension.class })
class RedisSharedCacheTests {

	private static final Duration TTL = Duration.ofHours(1);

	private static final String ACCESS_WARNING = "Shared cache 'access' could not be";

	private static final String PROJECT_WARNING = "Shared cache 'project' could not be";

	private static RedisServer redis;

	private static MockWalletApi api;

	private final ShiftedClock clock = new ShiftedClock();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void startRedis(MockWalletApi mock) {
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
	void emptyRedis() {
		Assumptions.assumeTrue(redis != null, RedisServer::whyMissing);
		if (!redis.isRunning()) {
			redis.restart();
		}
		redis.flushAll();
		// the mock and every instance read the same clock, so moving it ages the cache only
		api.clock(this.clock);
	}

	@AfterEach
	void closeInstances() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		api.clock(Clock.systemUTC());
	}

	@Test
	void threeInstancesWithTheSameCredentialsMakeOneLookup() {
		ConfigurableApplicationContext first = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		ConfigurableApplicationContext second = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		ConfigurableApplicationContext third = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		assertThat(first.getBean(CacheManager.class)).isInstanceOf(RedisCacheManager.class);
		for (ConfigurableApplicationContext instance : List.of(first, second, third)) {
			WalletProjects wallet = instance.getBean(WalletProjects.class);
			ProjectContext.runWith("shop", () -> wallet.balance());
			ProjectContext.runWith("marketplace", () -> wallet.balance());
			// Spring Data Redis stores asynchronously: the next instance asks once the lists are there
			awaitKeys(3);
		}
		assertThat(api).hasOnlyValidSignatures()
			.received(1).requestsTo("GET", "user/me/projects")
			.received(1).requestsTo("GET", "project/1221")
			.received(1).requestsTo("GET", "project/1222")
			.received(3).requestsTo("GET", "wallet/2112/balance")
			.received(3).requestsTo("GET", "wallet/2113/balance");
	}

	@Test
	void instancesWithDifferentCredentialsKeepTheirOwnLists() {
		ConfigurableApplicationContext shopClient = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		ConfigurableApplicationContext marketClient = instance(TestApps.MARKET_MAC_ID, TestApps.MARKET_MAC_KEY,
				"paysera.wallet.projects.side.id=1230");
		ProjectContext.runWith("shop", () -> shopClient.getBean(WalletProjects.class).balance());
		ProjectContext.runWith("side", () -> marketClient.getBean(WalletProjects.class).balance());
		awaitKeys(4);
		// each list is its own: the market client is refused the shop (1221), the shop client 1230
		assertThatExceptionOfType(ProjectAccessDeniedException.class)
			.isThrownBy(() -> marketClient.getBean(WalletProjects.class).balance("1221"));
		assertThatExceptionOfType(ProjectAccessDeniedException.class)
			.isThrownBy(() -> shopClient.getBean(WalletProjects.class).balance("1230"));
		assertThat(api.requests()).filteredOn(r -> r.path().endsWith("user/me/projects"))
			.extracting(r -> r.verification().macId())
			.containsExactly(TestApps.MAC_ID, TestApps.MARKET_MAC_ID);
		assertThat(accessKeys()).hasSize(2);
	}

	@Test
	void keysHoldOnlyTheBaseUrlAndTheFingerprint() {
		ProjectContext.runWith("shop",
				() -> instance(TestApps.MAC_ID, TestApps.MAC_KEY).getBean(WalletProjects.class).balance());
		ProjectContext.runWith("side", () -> instance(TestApps.MARKET_MAC_ID, TestApps.MARKET_MAC_KEY,
				"paysera.wallet.projects.side.id=1230").getBean(WalletProjects.class).balance());
		awaitKeys(4);
		String base = Pattern.quote(baseUrl());
		String shop = sha256(TestApps.MAC_ID);
		String market = sha256(TestApps.MARKET_MAC_ID);
		assertThat(redis.keys()).containsExactlyInAnyOrder("wallet::access:" + baseUrl() + "|mac:" + shop,
				"wallet::access:" + baseUrl() + "|mac:" + market, "wallet::project:" + baseUrl() + "|mac:" + shop + "|1221",
				"wallet::project:" + baseUrl() + "|mac:" + market + "|1230");
		for (String key : redis.keys()) {
			assertThat(key).matches("wallet::(access|project):" + base + "\\|mac:[0-9a-f]{64}(\\|\\d+)?")
				.doesNotContain(TestApps.MAC_ID, TestApps.MAC_KEY, TestApps.MARKET_MAC_ID, TestApps.MARKET_MAC_KEY)
				.doesNotContain("default", "shop", "side");
			// nor does what is stored under it
			assertThat(redis.get(key)).doesNotContain(TestApps.MAC_ID, TestApps.MAC_KEY, TestApps.MARKET_MAC_ID,
					TestApps.MARKET_MAC_KEY);
		}
	}

	@Test
	void valuesAreJdkSerializedEntriesThatALaterInstanceReads() throws Exception {
		long loadedAt;
		try (ConfigurableApplicationContext first = instance(TestApps.MAC_ID, TestApps.MAC_KEY)) {
			ProjectContext.runWith("shop", () -> first.getBean(WalletProjects.class).balance());
			loadedAt = cachedAccessList(first).loadedAt();
			awaitKeys(2);
		}
		byte[] stored = redis.get(accessKeys().get(0)).getBytes(StandardCharsets.ISO_8859_1);
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
			RefreshingCache.Entry<?> entry = (RefreshingCache.Entry<?>) in.readObject();
			assertThat(entry.value()).isInstanceOfSatisfying(AccessibleProjects.class,
					list -> assertThat(list.ids()).containsExactly(1221L, 1222L));
			assertThat(entry.loadedAt()).isEqualTo(loadedAt);
			assertThat(entry.failure()).isNull();
		}
		// an instance started after the first one stopped reads the list from Redis
		ConfigurableApplicationContext later = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		ProjectContext.runWith("marketplace", () -> later.getBean(WalletProjects.class).balance());
		assertThat(cachedAccessList(later).loadedAt()).isEqualTo(loadedAt);
		assertThat(api).received(1).requestsTo("GET", "user/me/projects").received(1).requestsTo("GET", "wallet/2113/balance");
	}

	@Test
	void whenRedisGoesAwayTheStarterWorksFromMemoryWarnsOnceAndSaysSoInHealth(CapturedOutput output) {
		ConfigurableApplicationContext warm = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		WalletProjects warmWallet = warm.getBean(WalletProjects.class);
		ProjectContext.runWith("shop", () -> warmWallet.balance());
		assertThat(health(warm).getStatus()).isEqualTo(Status.UP);
		assertThat(health(warm).getDetails()).containsEntry("sharedCache", "available");

		redis.stop();

		// a warm instance answers from its memory, without a lookup and without touching Redis
		int mark = output.length();
		for (int i = 0; i < 10; i++) {
			ProjectContext.runWith("shop", () -> warmWallet.balance());
		}
		assertThat(api).received(1).requestsTo("GET", "user/me/projects").received(11).requestsTo("GET", "wallet/2112/balance");
		assertThat(occurrences(output, mark, "Shared cache")).isZero();

		// a cold instance asks the source, warns once per cache, and says so in health
		mark = output.length();
		ConfigurableApplicationContext cold = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		WalletProjects coldWallet = cold.getBean(WalletProjects.class);
		for (int i = 0; i < 10; i++) {
			ProjectContext.runWith("shop", () -> coldWallet.balance());
		}
		assertThat(api).received(2).requestsTo("GET", "user/me/projects").received(21).requestsTo("GET", "wallet/2112/balance");
		assertThat(occurrences(output, mark, ACCESS_WARNING)).isOne();
		assertThat(occurrences(output, mark, PROJECT_WARNING)).isOne();
		assertThat(output.toString().substring(mark)).contains("working from memory until it answers again");
		Health coldHealth = health(cold);
		assertThat(coldHealth.getStatus()).isEqualTo(Status.UP);
		assertThat(coldHealth.getDetails()).containsEntry("sharedCache", "unavailable")
			.containsEntry("reachable", true);

		// health never asks Redis: the warm instance has not used it since it stopped
		assertThat(health(warm).getDetails()).containsEntry("sharedCache", "available");

		// the warm instance learns of the outage at its next refresh, and still answers
		mark = output.length();
		this.clock.advance(TTL);
		ProjectContext.runWith("shop", () -> warmWallet.balance());
		ProjectContext.runWith("shop", () -> warmWallet.balance());
		assertThat(api).received(3).requestsTo("GET", "user/me/projects");
		assertThat(occurrences(output, mark, ACCESS_WARNING)).isOne();
		assertThat(health(warm).getStatus()).isEqualTo(Status.UP);
		assertThat(health(warm).getDetails()).containsEntry("sharedCache", "unavailable");
	}

	@Test
	void withRedisDownAColdInstanceFailsClosedOnlyWhenTheSourceFailsToo() {
		redis.stop();
		ConfigurableApplicationContext cold = instance(TestApps.MARKET_MAC_ID, TestApps.MARKET_MAC_KEY,
				"paysera.wallet.projects.side.id=1230", "paysera.wallet.retry.max-attempts=1");
		WalletProjects wallet = cold.getBean(WalletProjects.class);
		api.failNext("GET", "user/me/projects", Fault.serviceUnavailable(), 1);
		assertThatExceptionOfType(ProjectAccessUnavailableException.class)
			.isThrownBy(() -> ProjectContext.runWith("side", () -> wallet.balance()))
			.withMessageContaining("Calls fail closed until the list loads again");
		assertThat(api.requestsForProject(1230)).isEmpty();
		// once the source answers (after the failure backoff), the same instance works without Redis
		this.clock.advance(Duration.ofMinutes(1));
		ProjectContext.runWith("side", () -> wallet.balance());
		assertThat(api).received(2).requestsTo("GET", "user/me/projects").received(1).requestsTo("GET", "wallet/2130/balance");
		assertThat(health(cold).getStatus()).isEqualTo(Status.UP);
		assertThat(health(cold).getDetails()).containsEntry("sharedCache", "unavailable");
	}

	@Test
	void whenRedisComesBackTheNextRefreshUsesItAgain(CapturedOutput output) {
		ConfigurableApplicationContext instance = instance(TestApps.MAC_ID, TestApps.MAC_KEY);
		WalletProjects wallet = instance.getBean(WalletProjects.class);
		ProjectContext.runWith("shop", () -> wallet.balance());
		redis.stop();
		this.clock.advance(TTL);
		ProjectContext.runWith("shop", () -> wallet.balance());
		assertThat(health(instance).getDetails()).containsEntry("sharedCache", "unavailable");
		redis.restart();
		// Lettuce reconnects in the background; each refresh past the TTL tries Redis again
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!"available".equals(health(instance).getDetails().get("sharedCache")) && System.nanoTime() < deadline) {
			this.clock.advance(TTL);
			ProjectContext.runWith("shop", () -> wallet.balance());
		}
		assertThat(health(instance).getDetails()).containsEntry("sharedCache", "available");
		assertThat(output).contains("Shared cache 'access' answers again");
		// and stores there again: the list and the shop's details
		assertThat(awaitKeys(2)).filteredOn(key -> key.startsWith("wallet::access:")).hasSize(1);
	}

	@Test
	void withoutASharedCacheHealthHasNoSharedCacheDetail() {
		ConfigurableApplicationContext local = instance(TestApps.MAC_ID, TestApps.MAC_KEY,
				"paysera.wallet.access.cache.cache-name=");
		ProjectContext.runWith("shop", () -> local.getBean(WalletProjects.class).balance());
		assertThat(health(local).getDetails()).doesNotContainKey("sharedCache");
		assertThat(redis.keys()).isEmpty();
	}

	private ConfigurableApplicationContext instance(String macId, String macKey, String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
				// Spring Data Redis and Spring's cache abstraction, configured as docs/redis.md says
				"spring.cache.type=redis", "spring.cache.cache-names=wallet", "spring.cache.redis.time-to-live=75m",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
				"spring.data.redis.timeout=2s", "spring.data.redis.connect-timeout=2s",
				"paysera.wallet.access.cache.cache-name=wallet",
				// the starter
				"paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.credentials.mac-id=" + macId,
				"paysera.wallet.credentials.mac-key=" + macKey, "paysera.wallet.retry.initial-backoff=1ms",
				"paysera.wallet.retry.max-backoff=5ms", "management.health.wallet.time-to-live=0s"));
		if (macId.equals(TestApps.MAC_ID)) {
			properties.addAll(List.of("paysera.wallet.projects.shop.id=1221", "paysera.wallet.projects.marketplace.id=1222"));
		}
		properties.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", this.clock))
			.run();
		this.contexts.add(context);
		return context;
	}

	private static Health health(ConfigurableApplicationContext context) {
		return context.getBean(WalletHealthIndicator.class).health();
	}

	private static RefreshingCache.Entry<AccessibleProjects> cachedAccessList(ConfigurableApplicationContext context) {
		RefreshingCache.Entry<AccessibleProjects> entry = context.getBean(WalletCaches.class)
			.cachedAccessList(context.getBean(ProjectRegistry.class).defaultCredentials());
		assertThat(entry).isNotNull();
		return entry;
	}

	/** Wait (at most ten seconds) until Redis holds a number of keys: writes are asynchronous. */
	private static List<String> awaitKeys(int count) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		List<String> keys = redis.keys();
		while (keys.size() < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			keys = redis.keys();
		}
		assertThat(keys).hasSize(count);
		return keys;
	}

	private static List<String> accessKeys() {
		return redis.keys().stream().filter(key -> key.startsWith("wallet::access:")).toList();
	}

	private static String baseUrl() {
		return api.baseUrl();
	}

	private static int occurrences(CapturedOutput output, int from, String text) {
		String printed = output.toString().substring(from);
		int count = 0;
		for (int at = printed.indexOf(text); at >= 0; at = printed.indexOf(text, at + 1)) {
			count++;
		}
		return count;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableCaching
	static class App {

	}

}
