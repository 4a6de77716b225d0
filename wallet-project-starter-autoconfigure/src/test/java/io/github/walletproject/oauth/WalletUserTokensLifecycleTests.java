package io.github.walletproject.oauth;

import io.github.walletproject.auth.MacSigner;
import java.net.URI;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.autoconfigure.WalletWebClientAutoConfiguration;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.support.RedisServer;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A user's token over its life, seen from the application: a reconnect while a refresh is in
 * flight, what the starter keeps in memory per user (nothing after a disconnect, a bounded
 * amount however many users call), and work handed back out of {@code callAs}, which runs as
 * the user or is refused, never as the application's own credentials.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletUserTokensLifecycleTests {

	/** Reactor's automatic context propagation, which Boot turns on. */
	private static final String PROPAGATION = "spring.reactor.context-propagation=auto";

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
		// a global of Reactor that Boot turns on and never off: each test starts from Boot's default (off)
		Hooks.disableAutomaticContextPropagation();
		api.reset();
		api.tokenLifetime(Duration.ofHours(1));
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		Hooks.disableAutomaticContextPropagation();
	}

	// ---- a reconnect while a refresh is in flight -------------------------------------------

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis" })
	void aRefreshInFlightNeverOverwritesATokenSavedByAReconnect(String store) throws Exception {
		List<String> extra = new ArrayList<>();
		if (store.equals("redis")) {
			Assumptions.assumeTrue(redis != null, RedisServer::whyMissing);
			redis.flushAll();
			extra.addAll(List.of("paysera.wallet.oauth.token-store=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "spring.data.redis.timeout=2s"));
		}
		ConfigurableApplicationContext context = app(extra.toArray(String[]::new));
		WalletOAuthClient oauth = context.getBean(WalletOAuthClient.class);
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		api.authorizationCode("first-code", null, 1222);
		api.authorizationCode("second-code", null, 1222);
		WalletAccessToken first = oauth.exchangeCode("first-code", null);
		users.save("dave", first);
		users.callAs("dave", () -> ProjectContext.callWith("marketplace", wallet::balance));
		api.expireToken(first.accessToken());
		// the token endpoint stalls the refresh until the user has reconnected
		CountDownLatch refreshing = new CountDownLatch(1);
		CountDownLatch reconnected = new CountDownLatch(1);
		api.failNext((request) -> {
			if (!request.path().equals("/oauth/v1/token") || !request.bodyText().contains("grant_type=refresh_token")) {
				return false;
			}
			refreshing.countDown();
			await(reconnected);
			return true;
		}, new Fault(200, "", Map.of(), Duration.ZERO, true), 1);
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try {
			Future<WalletBalance> inFlight = caller
				.submit(() -> users.callAs("dave", () -> ProjectContext.callWith("marketplace", wallet::balance)));
			assertThat(refreshing.await(10, TimeUnit.SECONDS)).as("the refresh reached the token endpoint").isTrue();
			WalletAccessToken second = oauth.exchangeCode("second-code", null);
			users.save("dave", second);
			reconnected.countDown();
			inFlight.get(10, TimeUnit.SECONDS);

			assertThat(context.getBean(WalletTokenStore.class).get(new TokenKeys(URI.create(api.baseUrl()), WalletCredentials.mac("client", new MacSigner(TestApps.MAC_ID, TestApps.MAC_KEY))).user("dave")).accessToken())
				.as("the token the reconnect saved").isEqualTo(second.accessToken());
			users.callAs("dave", () -> ProjectContext.callWith("marketplace", wallet::balance));
			assertThat(last("wallet/2113/balance").verification().macId()).isEqualTo(second.accessToken());
			assertThat(api).hasOnlyValidSignatures();
		}
		finally {
			reconnected.countDown();
			caller.shutdownNow();
		}
	}

	// ---- what is kept in memory per user ----------------------------------------------------

	@Test
	void afterADisconnectNothingIsKeptForThatUser() {
		ConfigurableApplicationContext context = app();
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		List<WeakReference<Object>> kept = connectAndCall(context, "erin", 1);

		users.disconnect("erin");

		assertThat(users.isConnected("erin")).isFalse();
		assertThat(alive(kept)).as("objects of erin's token still reachable after the disconnect").isZero();
	}

	@Test
	void manyUsersKeepABoundedNumberOfSignersInMemory() {
		// the access lists are cached per token, bounded by the access cache's own size
		ConfigurableApplicationContext context = app("paysera.wallet.oauth.user-cache.maximum-size=10",
				"paysera.wallet.access.cache.maximum-size=10");
		List<WeakReference<Object>> kept = new ArrayList<>();
		for (int user = 0; user < 150; user++) {
			// the store keeps every token, by design: what is counted is the credentials made in memory
			kept.add(connectAndCall(context, "user" + user, user).get(0));
		}

		// every user stays connected (the store keeps the tokens); memory holds at most the bound
		assertThat(context.getBean(WalletUserTokens.class).isConnected("user0")).isTrue();
		// in the user cache and the access-list cache (10 users each, not always the same ones),
		// and in Caffeine's buffers until they drain
		assertThat(alive(kept)).as("credentials of 150 users still reachable, bound 10").isLessThanOrEqualTo(3 * 10);
	}

	/** Connects a user with a token of the mock, makes a call as the user, and weakly refers to what it made. */
	private static List<WeakReference<Object>> connectAndCall(ConfigurableApplicationContext context, String user,
			int n) {
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		String accessToken = new String("token-of-" + user + "-" + n);
		// the mock keeps a copy of its own: what the application keeps is what is weakly referred to
		api.userToken(new String(accessToken), "mac-key-of-" + user, "refresh-of-" + user, Duration.ofHours(1), 1222);
		users.save(user, new WalletAccessToken(accessToken, "mac-key-of-" + user, "refresh-of-" + user, null));
		WalletCredentials credentials = users.callAs(user, () -> {
			ProjectContext.callWith("marketplace", wallet::balance);
			return CredentialsContext.current();
		});
		return List.of(new WeakReference<>(credentials), new WeakReference<>(accessToken));
	}

	private static long alive(List<WeakReference<Object>> references) {
		for (int attempt = 0; attempt < 20 && references.stream().anyMatch((r) -> r.get() != null); attempt++) {
			System.gc();
			sleep(25);
		}
		return references.stream().filter((r) -> r.get() != null).count();
	}

	// ---- work handed back out of callAs -----------------------------------------------------

	@Test
	void aStreamHandedBackOutOfCallAsIsSignedWithTheUsersTokenWhenItIsRead() {
		ConfigurableApplicationContext context = app();
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		String token = connect(context, "fay");

		Stream<WalletBalance> later = users.callAs("fay",
				() -> Stream.of("marketplace").map((project) -> ProjectContext.callWith(project, wallet::balance)));
		assertThat(api.requests()).noneMatch((r) -> r.path().equals("wallet/2113/balance"));
		later.toList();

		assertThat(last("wallet/2113/balance").verification().macId()).isEqualTo(token);
		assertThat(last("wallet/2113/balance").projectId()).isEqualTo(1222L);
	}

	@Test
	void aSupplierHandedBackOutOfCallAsIsSignedWithTheUsersTokenWhenItIsCalled() {
		ConfigurableApplicationContext context = app();
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		String token = connect(context, "gus");

		Supplier<WalletBalance> later = users.callAs("gus",
				() -> () -> ProjectContext.callWith("marketplace", wallet::balance));
		later.get();

		assertThat(last("wallet/2113/balance").verification().macId()).isEqualTo(token);
	}

	@Test
	void aColdMonoHandedBackOutOfCallAsIsSignedWithTheUsersTokenWhenItIsSubscribed() {
		ConfigurableApplicationContext context = app(PROPAGATION);
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WebClient client = context.getBean(WalletWebClientAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
		String token = connect(context, "hal");

		Mono<String> later = users.callAs("hal", () -> WalletReactive.withProject("marketplace",
				client.get().uri("wallet/2113/balance").retrieve().bodyToMono(String.class)));
		assertThat(later.block(Duration.ofSeconds(10))).contains("EUR");

		assertThat(last("wallet/2113/balance").verification().macId()).isEqualTo(token);
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void workHandedBackOutOfCallAsThatCannotBeBoundIsRefusedAndNeverSentAsTheApplication() {
		ConfigurableApplicationContext context = app();
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		connect(context, "ida");
		int before = api.requests().size();

		assertThatExceptionOfType(WalletException.class)
			.isThrownBy(() -> users.callAs("ida", () -> lazyList(wallet).listIterator()))
			.withMessageContaining("ListIterator")
			.withMessageContaining("callAs");
		assertThatExceptionOfType(WalletException.class).isThrownBy(() -> users.callAs("ida",
				() -> (Function<String, WalletBalance>) (project) -> ProjectContext.callWith(project, wallet::balance)))
			.withMessageContaining("Function");

		assertThat(api.requests().subList(before, api.requests().size())).extracting(ReceivedRequest::path)
			.doesNotContain("wallet/2113/balance");
		// finished values pass as they are
		Iterable<String> finished = users.callAs("ida", () -> List.of("a", "b"));
		assertThat(finished).containsExactly("a", "b");
	}

	@Test
	@SuppressWarnings("unchecked")
	void lazyIterablesAndIteratorsHandedBackOutOfCallAsAreSignedWithTheUsersTokenWhenTheyAreRead() {
		ConfigurableApplicationContext context = app();
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		String token = connect(context, "joe");
		int before = balances().size();

		Iterable<WalletBalance> ownClass = users.callAs("joe", () -> new Iterable<WalletBalance>() {

			@Override
			public java.util.Iterator<WalletBalance> iterator() {
				return lazyList(wallet).iterator();
			}

		});
		assertThat(balances()).as("nothing is read inside callAs").hasSize(before);
		for (WalletBalance balance : ownClass) {
			assertThat(balance.currency("EUR")).isPresent();
		}
		assertThat(balances().subList(before, balances().size())).hasSize(2)
			.allSatisfy((r) -> assertThat(r.verification().macId()).as("signed as the user").isEqualTo(token));

		Iterable<WalletBalance> lambda = users.callAs("joe", () -> () -> Stream.of("marketplace")
			.map((project) -> ProjectContext.callWith(project, wallet::balance))
			.iterator());
		java.util.Iterator<WalletBalance> iterator = users.callAs("joe", () -> Stream.of("marketplace")
			.map((project) -> ProjectContext.callWith(project, wallet::balance))
			.iterator());
		assertThat(balances()).as("nothing is read inside callAs").hasSize(before + 2);
		lambda.forEach((balance) -> assertThat(balance.currency("EUR")).isPresent());
		iterator.forEachRemaining((balance) -> assertThat(balance.currency("EUR")).isPresent());

		assertThat(balances().subList(before, balances().size())).hasSize(2 + 1 + 1)
			.allSatisfy((r) -> assertThat(r.verification().macId()).isEqualTo(token));
		assertThat(api).hasOnlyValidSignatures();
		// finished values, an eager Iterable that is not a Collection among them, pass as they are
		List<String> list = List.of("a");
		org.springframework.data.domain.Page<String> page = new org.springframework.data.domain.PageImpl<>(list);
		assertThat(users.callAs("joe", () -> list)).isSameAs(list);
		assertThat(users.callAs("joe", () -> page)).isSameAs(page);
	}

	@Test
	void withPropagationABlockingCallInsideAMonoHandedBackOutOfCallAsIsSignedWithTheUsersToken() {
		ConfigurableApplicationContext context = app(PROPAGATION);
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		String token = connect(context, "kim");

		Mono<WalletBalance> later = users.callAs("kim", () -> Mono
			.fromCallable(() -> ProjectContext.callWith("marketplace", wallet::balance))
			.subscribeOn(Schedulers.boundedElastic()));
		Flux<WalletBalance> many = users.callAs("kim", () -> Flux.just("marketplace", "marketplace")
			.publishOn(Schedulers.boundedElastic())
			.map((project) -> ProjectContext.callWith(project, wallet::balance)));
		assertThat(later.block(Duration.ofSeconds(10)).currency("EUR")).isPresent();
		assertThat(many.collectList().block(Duration.ofSeconds(10))).hasSize(2);

		assertThat(api.requests()).filteredOn((r) -> r.path().equals("wallet/2113/balance"))
			.hasSize(3)
			.allSatisfy((r) -> assertThat(r.verification().macId()).isEqualTo(token));
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void withoutPropagationAMonoHandedBackOutOfCallAsFailsWhenItIsSubscribedAndNothingIsSent() {
		ConfigurableApplicationContext context = app();
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		connect(context, "lea");
		int before = api.requests().size();

		Mono<WalletBalance> later = users.callAs("lea", () -> Mono
			.fromCallable(() -> ProjectContext.callWith("marketplace", wallet::balance))
			.subscribeOn(Schedulers.boundedElastic()));
		Flux<WalletBalance> many = users.callAs("lea", () -> Flux.just("marketplace")
			.publishOn(Schedulers.boundedElastic())
			.map((project) -> ProjectContext.callWith(project, wallet::balance)));

		assertThatExceptionOfType(WalletException.class).isThrownBy(() -> later.block(Duration.ofSeconds(10)))
			.withMessageContaining("WalletUserTokens.callAs")
			.withMessageContaining("spring.reactor.context-propagation=auto");
		assertThatExceptionOfType(WalletException.class)
			.isThrownBy(() -> many.collectList().block(Duration.ofSeconds(10)))
			.withMessageContaining("spring.reactor.context-propagation=auto");
		assertThat(api.requests().subList(before, api.requests().size())).as("requests of the refused chains")
			.isEmpty();
	}

	/** A list whose elements are read from the Wallet when they are asked for. */
	private static List<WalletBalance> lazyList(WalletProjects wallet) {
		return new java.util.AbstractList<>() {

			@Override
			public WalletBalance get(int index) {
				return ProjectContext.callWith("marketplace", wallet::balance);
			}

			@Override
			public int size() {
				return 2;
			}

		};
	}

	private static String connect(ConfigurableApplicationContext context, String user) {
		api.authorizationCode(user + "-code", null, 1222);
		WalletAccessToken token = context.getBean(WalletOAuthClient.class).exchangeCode(user + "-code", null);
		context.getBean(WalletUserTokens.class).save(user, token);
		return token.accessToken();
	}

	// ---- the application --------------------------------------------------------------------

	private ConfigurableApplicationContext app(String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
				"paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.projects.marketplace.id=1222", "paysera.wallet.oauth.user-tokens=true",
				"paysera.wallet.retry.initial-backoff=1ms", "paysera.wallet.retry.max-backoff=5ms"));
		properties.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
		this.contexts.add(context);
		return context;
	}

	private static List<ReceivedRequest> balances() {
		return api.requests().stream().filter((r) -> r.path().equals("wallet/2113/balance")).toList();
	}

	private static ReceivedRequest last(String path) {
		List<ReceivedRequest> matching = api.requests().stream().filter((r) -> r.path().equals(path)).toList();
		assertThat(matching).as("requests to %s", path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
