package io.github.walletproject.it;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.ClientInfo;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The setups real applications have, each of which once sent a call to the wrong project, with
 * the wrong credentials, to the wrong host, or not at all (issue 11): a singleton
 * {@code RestClient.Builder}, two builders, the application's own {@code RestClient}, several
 * applications sharing one cache, a cold cache while the server refuses our clock.
 */
@ExtendWith(MockWalletApiExtension.class)
class RealSetupsTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@BeforeEach
	void clean() {
		api.reset();
	}

	// ---- 1: a cold cache while the server refuses our timestamps ------------------------------

	@Test
	void coldAccessCacheWithRefusedTimestampCompletesAndTheNextCallSucceeds() throws Exception {
		api.serverClockOffset(Duration.ofMinutes(30));
		ExecutorService caller = Executors.newSingleThreadExecutor(daemon());
		try {
			TestApps.runner(api).withPropertyValues("paysera.wallet.read-timeout=2s").run(context -> {
				WalletProjects wallet = context.getBean(WalletProjects.class);
				Future<WalletBalance> first = caller.submit(() -> ProjectContext.callWith("shop", () -> wallet.api().balance(2112)));
				// bounded: before the fix this waited forever on the load the same thread had started
				assertThat(first.get(20, TimeUnit.SECONDS).currency("EUR")).isPresent();
				Future<WalletBalance> next = caller.submit(() -> ProjectContext.callWith("shop", () -> wallet.api().balance(2112)));
				assertThat(next.get(20, TimeUnit.SECONDS).currency("EUR")).isPresent();
				assertThat(api).hasOnlyValidSignatures();
				List<ReceivedRequest> clockReads = to("server");
				assertThat(clockReads).isNotEmpty()
					.allSatisfy(read -> assertThat(read.header("Authorization")).isEmpty());
			});
		}
		finally {
			caller.shutdownNow();
		}
	}

	// ---- 2 and 8: the application's own builders and clients ----------------------------------

	@Test
	void aSingletonBuilderOfTheApplicationNeverCarriesWalletCredentials() throws Exception {
		try (MockWalletApi other = MockWalletApi.start()) {
			TestApps.runner(api)
				.withPropertyValues("other.url=" + other.baseUrl())
				.withUserConfiguration(SharedBuilderApp.class)
				.run(context -> {
					assertThat(context).hasNotFailed();
					RestClient early = context.getBean("earlyClient", RestClient.class);
					ProjectContext.runWith("shop", () -> context.getBean(WalletProjects.class).api().balance(2112));
					RestClient late = context.getBean(RestClient.Builder.class).baseUrl(other.baseUrl()).build();
					ProjectContext.runWith("shop", () -> {
						early.get().uri("server").retrieve().toBodilessEntity();
						late.get().uri("server").retrieve().toBodilessEntity();
					});
					// the application's own RestClient is still injected by type
					assertThat(context.getBean(NeedsRestClient.class).client()).isSameAs(early);
					assertThat(other.requests()).hasSize(2).allSatisfy(request -> {
						assertThat(request.header("Authorization")).isEmpty();
						assertThat(request.header("Wallet-Api-Project-Id")).isEmpty();
						assertThat(request.header("X-Tracing")).contains("on");
					});
					assertThat(api).hasOnlyValidSignatures().received(1).requestsForProject("shop");
				});
		}
	}

	@Test
	void twoBuilderBeansDoNotBreakStartup() {
		TestApps.runner(api).withUserConfiguration(TwoBuildersApp.class).run(context -> {
			assertThat(context).hasNotFailed();
			ProjectContext.runWith("shop", () -> context.getBean(WalletProjects.class).api().balance(2112));
			assertThat(api).hasOnlyValidSignatures().received(1).requestsForProject("shop");
		});
	}

	// ---- 4: several applications sharing one cache --------------------------------------------

	@Test
	void applicationsWithDifferentClientsSharingACacheKeepTheirOwnLists() {
		CacheManager shared = new ConcurrentMapCacheManager("wallet");
		ApplicationContextRunner first = TestApps.runner(api)
			.withBean(CacheManager.class, () -> shared)
			.withPropertyValues("paysera.wallet.access.cache.cache-name=wallet");
		ApplicationContextRunner second = TestApps.runner()
			.withBean(CacheManager.class, () -> shared)
			.withPropertyValues("paysera.wallet.base-url=" + api.baseUrl(),
					"paysera.wallet.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
					"paysera.wallet.credentials.mac-key=" + TestApps.MARKET_MAC_KEY,
					"paysera.wallet.projects.side.id=1230", "paysera.wallet.access.cache.cache-name=wallet");
		first.run(context -> ProjectContext.runWith("shop",
				() -> context.getBean(WalletProjects.class).api().balance(2112)));
		second.run(context -> ProjectContext.runWith("side",
				() -> context.getBean(WalletProjects.class).api().balance(2130)));
		// a third application with the first client's credentials takes the shared list
		first.run(context -> ProjectContext.runWith("marketplace",
				() -> context.getBean(WalletProjects.class).api().balance(2113)));
		assertThat(api).hasOnlyValidSignatures();
		List<ReceivedRequest> lookups = to("user/me/projects");
		assertThat(lookups).extracting(r -> r.verification().macId())
			.containsExactly(TestApps.MAC_ID, TestApps.MARKET_MAC_ID);
		assertThat(api).received(1).requestsForProject(1230);
		Object[] keys = ((java.util.concurrent.ConcurrentMap<?, ?>) shared.getCache("wallet").getNativeCache()).keySet()
			.toArray();
		assertThat(keys).hasSize(2).allSatisfy(key -> assertThat(key.toString()).doesNotContain(TestApps.MAC_ID)
			.doesNotContain(TestApps.MARKET_MAC_ID)
			.doesNotContain(TestApps.MAC_KEY)
			.doesNotContain("default"));
	}

	@Test
	void applicationsWithTheSameClientOnDifferentServersDoNotShareLists() throws Exception {
		CacheManager shared = new ConcurrentMapCacheManager("wallet");
		try (MockWalletApi sandbox = MockWalletApi.start()) {
			TestApps.fixtures(sandbox).userProjects(TestApps.MAC_ID, 1230);
			TestApps.runner(api)
				.withBean(CacheManager.class, () -> shared)
				.withPropertyValues("paysera.wallet.access.cache.cache-name=wallet")
				.run(context -> ProjectContext.runWith("shop",
						() -> context.getBean(WalletProjects.class).api().balance(2112)));
			TestApps.runner(sandbox)
				.withBean(CacheManager.class, () -> shared)
				.withPropertyValues("paysera.wallet.access.cache.cache-name=wallet", "paysera.wallet.projects.side.id=1230")
				.run(context -> ProjectContext.runWith("side",
						() -> context.getBean(WalletProjects.class).api().balance(2130)));
			assertThat(sandbox).received(1).requestsTo("GET", "user/me/projects").received(1).requestsForProject(1230);
		}
	}

	// ---- 5: an alias named "default" ------------------------------------------------------------

	@Test
	void anAliasNamedDefaultUsesItsOwnCredentials() {
		TestApps.runner(api)
			.withPropertyValues("paysera.wallet.projects.default.id=1230",
					"paysera.wallet.projects.default.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
					"paysera.wallet.projects.default.credentials.mac-key=" + TestApps.MARKET_MAC_KEY)
			.run(context -> {
				assertThat(context).hasNotFailed();
				WalletProjects wallet = context.getBean(WalletProjects.class);
				ProjectContext.runWith("default", () -> wallet.api().balance(2130));
				ProjectContext.runWith("shop", () -> wallet.api().balance(2112));
				assertThat(api).hasOnlyValidSignatures();
				assertThat(api.requestsForProject(1230)).singleElement()
					.satisfies(r -> assertThat(r.verification().macId()).isEqualTo(TestApps.MARKET_MAC_ID));
				assertThat(api.requestsForProject(1221)).singleElement()
					.satisfies(r -> assertThat(r.verification().macId()).isEqualTo(TestApps.MAC_ID));
			});
	}

	// ---- 6: GET client with hosts -----------------------------------------------------------------

	@Test
	void clientWithHostsIsReadWithEveryField() {
		try (MockWalletApi own = TestApps.fixtures(MockWalletApi.start())) {
			own.respond("GET", "client", 200, """
					{"id":77,"title":"Shop backend","type":"app_client","permissions":["projects","balance"],
					 "project":{"id":1221,"title":"Shop"},
					 "hosts":[{"host":"shop.example.com","path":"/callback","port":8443,"protocol":"https",
					           "any_port":false,"any_subdomain":true},
					          {"host":"10.0.0.1"}],
					 "permissions_to_wallets":[{"wallet_id":2112,"scopes":["balance"]}]}""");
			TestApps.runner(own).run(context -> {
				ClientInfo client = context.getBean(WalletProjects.class).client();
				assertThat(client.id()).isEqualTo(77);
				assertThat(client.projectId()).isEqualTo(1221);
				assertThat(client.hosts()).hasSize(2);
				assertThat(client.hosts().get(0)).hasToString(
						"ClientHost[host=shop.example.com, path=/callback, port=8443, protocol=https, anyPort=false, anySubdomain=true]");
				assertThat(client.hosts().get(1)).hasToString(
						"ClientHost[host=10.0.0.1, path=null, port=null, protocol=null, anyPort=false, anySubdomain=false]");
			});
		}
	}

	// ---- 11: non-ASCII in a hand-built URI --------------------------------------------------------

	@Test
	void aHandBuiltUriWithNonAsciiIsSignedAsSent() {
		TestApps.runner(api).run(context -> {
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			ProjectContext.runWith("shop", () -> client.get()
				.uri(URI.create(api.baseUrl() + "project/1221?title=Šiauliai%20ąžuolas"))
				.retrieve()
				.toBodilessEntity());
			assertThat(api).hasOnlyValidSignatures();
			assertThat(to("project/1221")).singleElement()
				.satisfies(r -> assertThat(r.requestUri()).endsWith("?title=%C5%A0iauliai%20%C4%85%C5%BEuolas"));
		});
	}

	// ---- 12 and 13: account-level calls -----------------------------------------------------------

	@Test
	void accountLevelWinsOverTheThreadsBindingAndSignsWithItsCredentials() {
		TestApps.runner(api)
			.withPropertyValues("paysera.wallet.projects.marketplace.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
					"paysera.wallet.projects.marketplace.credentials.mac-key=" + TestApps.MARKET_MAC_KEY)
			.run(context -> {
				RestClient client = context.getBean("walletRestClient", RestClient.class);
				ProjectContext.runWith("marketplace", () -> client.get().uri("client")
					.attributes(WalletRequestAttributes.accountLevel())
					.retrieve()
					.toBodilessEntity());
				assertThat(api).hasOnlyValidSignatures();
				assertThat(api.requests()).singleElement().satisfies(r -> {
					assertThat(r.projectId()).isNull();
					assertThat(r.ext()).doesNotContainKey("project_id");
					assertThat(r.verification().macId()).isEqualTo(TestApps.MARKET_MAC_ID);
				});
			});
	}

	@Test
	void serverTimeIsNeverAccessCheckedEvenInAnInaccessibleProjectsScope() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThat(ProjectContext.callWith("1223", wallet::serverTime)).isNotNull();
			assertThat(api.requests()).extracting(ReceivedRequest::path).containsExactly("server");
		});
	}

	// ---- 15: the project header belongs to the starter ----------------------------------------

	@Test
	void aHandSetProjectHeaderIsRefusedBeforeSending() {
		TestApps.runner(api).run(context -> {
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			assertThatExceptionOfType(WalletException.class).isThrownBy(() -> client.get()
				.uri("wallet/2114/balance")
				.header("Wallet-Api-Project-Id", "1223")
				.attributes(WalletRequestAttributes.accountLevel())
				.retrieve()
				.toBodilessEntity())
				.withMessageContaining("Wallet-Api-Project-Id")
				.withMessageContaining("WalletRequestAttributes.project");
			assertThat(api.requests()).isEmpty();
		});
	}

	// ---- 16: amounts without *_decimal fields are cents -----------------------------------------

	@Test
	void amountsWithoutDecimalFieldsAreCentsForEveryCurrency() {
		try (MockWalletApi own = TestApps.fixtures(MockWalletApi.start())) {
			own.respond("GET", "wallet/2112/balance", 200,
					"{\"JPY\":{\"at_disposal\":12345,\"reserved\":5},\"KWD\":{\"at_disposal\":1001,\"reserved\":0}}");
			TestApps.runner(own).run(context -> {
				WalletBalance balance = ProjectContext.callWith("shop",
						() -> context.getBean(WalletProjects.class).api().balance(2112));
				assertThat(balance.currency("JPY").orElseThrow().atDisposal().amount()).isEqualByComparingTo(new BigDecimal("123.45"));
				assertThat(balance.currency("JPY").orElseThrow().reserved().amount()).isEqualByComparingTo(new BigDecimal("0.05"));
				assertThat(balance.currency("KWD").orElseThrow().atDisposal().amount()).isEqualByComparingTo(new BigDecimal("10.01"));
			});
		}
	}

	private static List<ReceivedRequest> to(String path) {
		return api.requests().stream().filter(r -> r.path().equals(path)).toList();
	}

	private static java.util.concurrent.ThreadFactory daemon() {
		return task -> {
			Thread thread = new Thread(task, "real-setups-caller");
			thread.setDaemon(true);
			return thread;
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class SharedBuilderApp {

		@Bean
		RestClient.Builder restClientBuilder() {
			// a singleton builder, as a @LoadBalanced or tracing setup declares it
			return RestClient.builder().requestInterceptor((request, body, execution) -> {
				request.getHeaders().set("X-Tracing", "on");
				return execution.execute(request, body);
			});
		}

		@Bean
		RestClient earlyClient(RestClient.Builder builder, org.springframework.core.env.Environment environment) {
			return builder.baseUrl(environment.getRequiredProperty("other.url")).build();
		}

		@Bean
		NeedsRestClient needsRestClient(RestClient client) {
			return new NeedsRestClient(client);
		}

	}

	record NeedsRestClient(RestClient client) {
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoBuildersApp {

		@Bean
		RestClient.Builder firstBuilder() {
			return RestClient.builder();
		}

		@Bean
		RestClient.Builder secondBuilder() {
			return RestClient.builder();
		}

		@Bean
		Object usesOneOfThem(@Qualifier("firstBuilder") RestClient.Builder builder) {
			return builder.build();
		}

	}

}
