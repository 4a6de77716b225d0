package io.github.walletproject.oauth;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.auth.MacSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.client.WalletTokenRefresher;
import io.github.walletproject.internal.BlockingCalls;
import io.github.walletproject.support.RecordedObservations;
import io.github.walletproject.support.RedisServer;
import io.github.walletproject.support.ShiftedClock;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.ReceivedRequest;
import io.github.walletproject.test.MockWalletApiExtension;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paysera OAuth user tokens (issue 22), in applications configured as a user would, against
 * the test kit's token endpoint: MAC tokens, signed with the client's credentials, single-use
 * refresh tokens.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletOAuthTests {

	private static final String USER_TOKEN = "user-token-1";

	private static final String USER_KEY = "user-mac-key-1";

	private static final String REFRESH = "refresh-1";

	private static MockWalletApi api;

	private static RedisServer redis;

	private final ShiftedClock clock = new ShiftedClock();

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
	void userToken() {
		api.reset();
		api.tokenLifetime(Duration.ofHours(1));
		api.userToken(USER_TOKEN, USER_KEY, REFRESH, Duration.ofHours(1), 1221, 1222);
		api.clock(this.clock);
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		api.clock(Clock.systemUTC());
	}

	@Test
	void anAuthorizationCodeIsExchangedForAMacTokenSignedWithTheClientsCredentials() {
		api.authorizationCode("code-1", "https://shop.example/wallet/connected", 1221);
		WalletOAuthClient oauth = clientApp().getBean(WalletOAuthClient.class);

		WalletAccessToken token = oauth.exchangeCode("code-1", "https://shop.example/wallet/connected");

		assertThat(token.accessToken()).startsWith("token-");
		assertThat(token.refreshToken()).startsWith("refresh-");
		assertThat(token.expiresAt()).isBetween(this.clock.instant().plusSeconds(3590),
				this.clock.instant().plusSeconds(3610));
		assertThat(token.toString()).doesNotContain(token.accessToken(), token.macKey(), token.refreshToken());
		ReceivedRequest exchange = tokenRequests().get(0);
		assertThat(exchange.verification().macId()).isEqualTo(TestApps.MAC_ID);
		assertThat(exchange.projectId()).isNull();
		assertThat(form(exchange)).isEqualTo("grant_type=authorization_code&code=code-1&redirect_uri="
				+ "https%3A%2F%2Fshop.example%2Fwallet%2Fconnected");
		// a code is good once
		assertThatExceptionOfType(WalletApiException.Unauthorized.class)
			.isThrownBy(() -> oauth.exchangeCode("code-1", "https://shop.example/wallet/connected"));
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void theAuthorizationAddressCarriesTheClientScopesRedirectAndState() {
		WalletOAuthClient oauth = clientApp().getBean(WalletOAuthClient.class);

		URI uri = oauth.authorizationUri("https://shop.example/wallet/connected", "s7a7e", List.of("projects", "balance"),
				"lt");

		assertThat(uri.toString()).startsWith("https://bank.paysera.com/frontend/lt/oauth?")
			.contains("response_type=code", "client_id=" + TestApps.MAC_ID, "scope=projects%20balance",
					"redirect_uri=https://shop.example/wallet/connected", "state=s7a7e");
		assertThat(oauth.authorizationUri("https://a.example/cb", "x", List.of("projects"), null).toString())
			.startsWith("https://bank.paysera.com/frontend/oauth?");
	}

	@Test
	void anAnswerThatIsNotAMacTokenIsRefusedWithoutEchoingIt() {
		// a bearer token, as a generic OAuth server would answer
		api.failNext("POST", "/oauth/v1/token", new Fault(200, "{\"access_token\":\"bearer-secret-value\","
				+ "\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\"refresh-secret-value\"}",
				Map.of(), Duration.ZERO, false), 1);
		WalletOAuthClient oauth = clientApp().getBean(WalletOAuthClient.class);

		assertThatExceptionOfType(WalletResponseException.class).isThrownBy(() -> oauth.exchangeCode("any", null))
			.withMessageContaining("'bearer'")
			.withMessageContaining("only MAC tokens with hmac-sha-256")
			.withMessageNotContaining("bearer-secret-value")
			.withMessageNotContaining("refresh-secret-value");
	}

	@Test
	void aRevokedTokenIsRefusedAfterwards() {
		api.authorizationCode("code-2", null, 1221);
		WalletOAuthClient oauth = clientApp().getBean(WalletOAuthClient.class);
		WalletAccessToken token = oauth.exchangeCode("code-2", null);
		WalletProjects asUser = app("paysera.wallet.credentials.mac-id=" + token.accessToken(),
				"paysera.wallet.credentials.mac-key=" + token.macKey()).getBean(WalletProjects.class);
		WalletBalance before = ProjectContext.callWith("shop", asUser::balance);
		assertThat(before.currencies()).isNotEmpty();

		oauth.revoke(token.accessToken());

		ReceivedRequest revoke = api.requests().stream().filter((r) -> r.method().equals("DELETE")).findFirst().orElseThrow();
		assertThat(revoke.requestUri()).isEqualTo("/oauth/v1/token?access_token=" + token.accessToken());
		assertThat(revoke.verification().macId()).isEqualTo(TestApps.MAC_ID);
		assertThat(revoke.status()).isEqualTo(200);
		assertThatExceptionOfType(WalletApiException.Unauthorized.class)
			.isThrownBy(() -> ProjectContext.callWith("shop", asUser::balance));
		// traces never carry the token the revoke named in its query
		List<Observation.Context> observed = this.contexts.get(0).getBean(RecordedObservations.class).stopped();
		assertThat(observed).isNotEmpty()
			.allSatisfy((context) -> assertThat(context.getHighCardinalityKeyValues().toString()
					+ context.getLowCardinalityKeyValues()).doesNotContain(token.accessToken()));
	}

	@Test
	void aRefusedTokenIsRefreshedOnceWithTheConfiguredRefreshTokenAndTheCallReplayed() {
		WalletProjects wallet = userApp().getBean(WalletProjects.class);
		api.expireToken(USER_TOKEN);

		WalletBalance balance = ProjectContext.callWith("shop", wallet::balance);

		assertThat(balance).isNotNull();
		List<ReceivedRequest> refreshes = tokenRequests();
		assertThat(refreshes).singleElement().satisfies((refresh) -> {
			assertThat(form(refresh)).isEqualTo("grant_type=refresh_token&refresh_token=" + REFRESH);
			assertThat(refresh.verification().macId()).isEqualTo(TestApps.MAC_ID);
		});
		ReceivedRequest last = api.requests().get(api.requests().size() - 1);
		assertThat(last.path()).isEqualTo("wallet/2112/balance");
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.verification().macId()).startsWith("token-").isNotEqualTo(USER_TOKEN);
		assertThat(last.projectId()).isEqualTo(1221L);
		WalletAccessToken stored = this.contexts.get(0).getBean(WalletTokenStore.class).get(configuredKey());
		assertThat(stored.accessToken()).isEqualTo(last.verification().macId());
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void aReactiveCallRefreshesATokenAheadOfItsExpiryOffTheEventLoop() {
		api.tokenLifetime(Duration.ofMinutes(30));
		WebClient client = userApp("paysera.wallet.oauth.refresh-ahead=5m").getBean("walletWebClient", WebClient.class);
		api.expireToken(USER_TOKEN);
		Mono<String> balance = WalletReactive.withProject("shop",
				client.get().uri("wallet/2112/balance").retrieve().bodyToMono(String.class));
		balance.block(Duration.ofSeconds(10)); // refused, refreshed: the starter now knows the expiry
		String second = lastMacId();
		int refused = refusedCount();
		this.clock.advance(Duration.ofMinutes(26)); // 4 minutes left: due
		List<String> blocked = new CopyOnWriteArrayList<>();
		BlockingCalls.watch(blocked::add);
		try {
			// subscribed on a non-blocking thread: the refresh ahead must not run there
			balance.subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));
		}
		finally {
			BlockingCalls.watch(null);
		}
		assertThat(tokenRequests()).hasSize(2);
		assertThat(lastMacId()).startsWith("token-").isNotEqualTo(second);
		assertThat(refusedCount()).as("no request was refused for the refresh ahead").isEqualTo(refused);
		assertThat(blocked).as("waits on a non-blocking thread").isEmpty();
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void aTokenIsRefreshedAheadOfItsExpiryWithoutARefusal() {
		api.tokenLifetime(Duration.ofMinutes(30));
		WalletProjects wallet = userApp("paysera.wallet.oauth.refresh-ahead=5m").getBean(WalletProjects.class);
		api.expireToken(USER_TOKEN);
		ProjectContext.callWith("shop", wallet::balance); // refused, refreshed: the starter now knows the expiry
		String second = lastMacId();
		this.clock.advance(Duration.ofMinutes(20));
		ProjectContext.callWith("shop", wallet::balance); // 10 minutes left: not due yet
		assertThat(lastMacId()).isEqualTo(second);
		int refused = refusedCount();

		this.clock.advance(Duration.ofMinutes(6)); // 4 minutes left: due
		ProjectContext.callWith("shop", wallet::balance);

		assertThat(tokenRequests()).hasSize(2);
		assertThat(lastMacId()).startsWith("token-").isNotEqualTo(second);
		assertThat(refusedCount()).as("no request was refused for the refresh ahead").isEqualTo(refused);
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void thirtyTwoThreadsOnAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
		WalletProjects wallet = userApp().getBean(WalletProjects.class);
		ProjectContext.callWith("shop", wallet::balance); // warm: project details cached
		api.expireToken(USER_TOKEN);
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<WalletBalance>> calls = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return ProjectContext.callWith("shop", wallet::balance);
				}));
			}
			start.countDown();
			for (Future<WalletBalance> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isNotNull();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(tokenRequests()).hasSize(1);
		assertThat(api.requests()).filteredOn((r) -> r.path().equals("wallet/2112/balance") && r.status() == 200)
			.hasSize(33);
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void twoInstancesSharingARedisStoreRefreshOnceAndBothContinue() throws Exception {
		Assumptions.assumeTrue(redis != null, RedisServer::whyMissing);
		redis.flushAll();
		twoInstancesRefreshOnceAndBothContinue(RedisWalletTokenStore.class, "paysera.wallet.oauth.token-store=redis",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
				"spring.data.redis.timeout=2s");
		assertThat(redis.keys()).contains(RedisWalletTokenStore.PREFIX + configuredKey());
	}

	@Test
	void twoInstancesSharingAJdbcStoreRefreshOnceAndBothContinue() throws Exception {
		// one H2 database in memory, named, kept while the JVM runs: both instances connect to it,
		// and the first creates the tables (initialize-schema: embedded, the default)
		String url = "jdbc:h2:mem:wallet-oauth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		twoInstancesRefreshOnceAndBothContinue(JdbcWalletTokenStore.class, "paysera.wallet.oauth.token-store=jdbc",
				"spring.datasource.url=" + url,
				"spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource");
		DataSource database = this.contexts.get(0).getBean(DataSource.class);
		String renewed = lastMacId();
		assertThat(new JdbcTemplate(database).queryForObject(
				"SELECT ACCESS_TOKEN FROM WALLET_TOKEN WHERE TOKEN_KEY = ?", String.class, configuredKey()))
			.isEqualTo(renewed);
		new JdbcTemplate(database).execute("SHUTDOWN");
	}

	/**
	 * Two instances of one application share a token store; their token expires and 16 calls
	 * on both need it: one refresh between them (its refresh token is single-use), and every
	 * call answered with the renewed token.
	 */
	private void twoInstancesRefreshOnceAndBothContinue(Class<? extends WalletTokenStore> storeType,
			String... shared) throws Exception {
		WalletProjects first = userApp(shared).getBean(WalletProjects.class);
		WalletProjects second = userApp(shared).getBean(WalletProjects.class);
		assertThat(this.contexts.get(0).getBean(WalletTokenStore.class)).isInstanceOf(storeType);
		assertThat(this.contexts.get(1).getBean(WalletTokenStore.class)).isInstanceOf(storeType);
		ProjectContext.callWith("shop", first::balance);
		ProjectContext.callWith("shop", second::balance);
		api.expireToken(USER_TOKEN);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<WalletBalance>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				WalletProjects instance = (i % 2 == 0) ? first : second;
				calls.add(pool.submit(() -> {
					start.await();
					return ProjectContext.callWith("shop", instance::balance);
				}));
			}
			start.countDown();
			for (Future<WalletBalance> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isNotNull();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(tokenRequests()).as("one refresh between the two instances").hasSize(1);
		String renewed = api.requests().get(api.requests().size() - 1).verification().macId();
		List<ReceivedRequest> answered = api.requests()
			.stream()
			.filter((r) -> r.path().equals("wallet/2112/balance") && r.status() == 200)
			.toList();
		assertThat(answered).hasSize(18);
		assertThat(answered.subList(2, 18)).allSatisfy((r) -> assertThat(r.verification().macId()).isEqualTo(renewed));
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void withoutARefreshTokenNoRefresherIsDeclared() {
		ConfigurableApplicationContext context = clientApp();
		assertThat(context.getBeansOfType(WalletTokenRefresher.class)).isEmpty();
		assertThat(context.getBean(WalletTokenStore.class)).isInstanceOf(InMemoryWalletTokenStore.class);
	}

	private ConfigurableApplicationContext clientApp(String... extra) {
		return app(concat(new String[] { "paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY }, extra));
	}

	private ConfigurableApplicationContext userApp(String... extra) {
		return app(concat(new String[] { "paysera.wallet.credentials.mac-id=" + USER_TOKEN,
				"paysera.wallet.credentials.mac-key=" + USER_KEY, "paysera.wallet.credentials.refresh-token=" + REFRESH,
				"paysera.wallet.oauth.client.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.oauth.client.mac-key=" + TestApps.MAC_KEY }, extra));
	}

	private ConfigurableApplicationContext app(String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", "paysera.wallet.base-url=" + api.baseUrl(),
				"paysera.wallet.projects.shop.id=1221", "paysera.wallet.projects.marketplace.id=1222",
				"paysera.wallet.retry.initial-backoff=1ms", "paysera.wallet.retry.max-backoff=5ms"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("testClock", this.clock))
			.run();
		this.contexts.add(context);
		return context;
	}

	private static String[] concat(String[] first, String[] second) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		return all.toArray(String[]::new);
	}

	/** Where the configured user token's chain is kept: the client's and the seed's fingerprints. */
	private static String configuredKey() {
		return new TokenKeys(URI.create(api.baseUrl()), WalletCredentials.mac("client", new MacSigner(TestApps.MAC_ID, TestApps.MAC_KEY)))
			.of(WalletCredentials.mac(WalletCredentials.DEFAULT, new MacSigner(USER_TOKEN, USER_KEY)), REFRESH);
	}

	private static List<ReceivedRequest> tokenRequests() {
		return api.requests().stream().filter((r) -> r.method().equals("POST") && r.path().equals("/oauth/v1/token")).toList();
	}

	private static String form(ReceivedRequest request) {
		return new String(request.body(), StandardCharsets.UTF_8);
	}

	private static String lastMacId() {
		return api.requests().get(api.requests().size() - 1).verification().macId();
	}

	private static int refusedCount() {
		return (int) api.requests().stream().filter((r) -> r.status() == 401).count();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		RecordedObservations recorded() {
			return new RecordedObservations();
		}

	}

}
