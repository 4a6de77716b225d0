package io.github.walletproject.routing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing together with the rest of Spring: {@code @Transactional} (advice order),
 * {@code @Async} and executors (context propagation), and {@code @HttpExchange} clients of
 * Boot's HTTP service groups.
 */
@ExtendWith(MockWalletApiExtension.class)
class RoutingIntegrationTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}



	@AfterEach
	void nothingLeftBound() {
		assertThat(ProjectContext.isBound()).isFalse();
	}

	// ---- @Transactional ---------------------------------------------------------------------

	@Test
	void byDefaultTheBindingWrapsTheTransactionSoCommitCallbacksSeeIt() {
		TestApps.runner(api).withUserConfiguration(TransactionConfig.class).run(context -> {
			Payments payments = context.getBean(Payments.class);
			payments.pay();
			assertThat(payments.afterCommit()).containsExactly("shop");
			assertThat(payments.inside()).containsExactly("shop");
		});
	}

	@Test
	void aspectOrderIsConfigurable() {
		TestApps.runner(api)
			.withPropertyValues("paysera.wallet.routing.aspect-order=" + Integer.MAX_VALUE)
			.withUserConfiguration(OuterTransactionConfig.class)
			.run(context -> {
				assertThat(context.getBean("walletProjectAdvisor", org.springframework.core.Ordered.class).getOrder()).isEqualTo(Integer.MAX_VALUE);
				Payments payments = context.getBean(Payments.class);
				payments.pay();
				// the transaction now wraps the binding: inside sees the project, the commit does not
				assertThat(payments.inside()).containsExactly("shop");
				assertThat(payments.afterCommit()).containsExactly("(none)");
			});
	}

	// ---- @Async and executors ---------------------------------------------------------------

	@Test
	void asyncMethodsSeeTheCallersProjectWithContextPropagation() {
		TestApps.runner(api).withUserConfiguration(AsyncConfig.class).run(context -> {
			AsyncWork work = context.getBean(AsyncWork.class);
			String seen = ProjectContext.callWith("marketplace", () -> work.currentProject().get());
			assertThat(seen).isEqualTo("marketplace");
			// an @Async method with its own @WalletProject binds on the executor thread
			assertThat(ProjectContext.callWith("shop", () -> work.marketplaceOnly().get())).isEqualTo("marketplace");
			// afterwards the executor's threads hold nothing
			for (int i = 0; i < 4; i++) {
				assertThat(work.currentProject().get()).isEqualTo("(none)");
			}
			// and a call made on the executor is routed to the caller's project
			ProjectContext.callWith("marketplace", () -> work.balance().get());
			assertThat(api.requests()).filteredOn(r -> r.path().startsWith("wallet/"))
				.extracting(ReceivedRequest::projectId)
				.containsExactly(1222L);
		});
	}

	@Test
	void withoutPropagationNothingLeaksIntoPooledThreads() {
		TestApps.runner(api).withUserConfiguration(PlainAsyncConfig.class).run(context -> {
			AsyncWork work = context.getBean(AsyncWork.class);
			assertThat(ProjectContext.callWith("marketplace", () -> work.currentProject().get())).isEqualTo("(none)");
		});
	}

	@Test
	void contextSnapshotsCarryTheBindingIntoExecutorsAndFutures() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		ExecutorService propagating = ContextExecutorService.wrap(pool,
				() -> ContextSnapshotFactory.builder().build().captureAll());
		try {
			String viaExecutor = ProjectContext.callWith("shop",
					() -> propagating.submit(() -> ProjectContext.current().orElse("(none)")).get());
			assertThat(viaExecutor).isEqualTo("shop");
			String viaFuture = ProjectContext.callWith("1222", () -> CompletableFuture
				.supplyAsync(() -> ProjectContext.current().orElse("(none)"), propagating)
				.thenApplyAsync(project -> project + "/" + ProjectContext.current().orElse("(none)"), propagating)
				.get());
			assertThat(viaFuture).isEqualTo("1222/1222");
			// nested bindings travel as a whole stack and are restored afterwards
			String nested = ProjectContext.callWith("shop", () -> ProjectContext.callWith("marketplace",
					() -> propagating.submit(() -> {
						String inner = ProjectContext.current().orElseThrow();
						return inner;
					}).get()));
			assertThat(nested).isEqualTo("marketplace");
			assertThat(pool.submit(() -> ProjectContext.isBound()).get()).isFalse();
			assertThat(pool.submit(() -> ProjectContext.isBound()).get()).isFalse();
		}
		finally {
			pool.shutdownNow();
		}
	}

	// ---- @HttpExchange ----------------------------------------------------------------------

	@Test
	void httpExchangeMethodsAndTypesNameTheirProject() {
		TestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class))
			.withPropertyValues("spring.http.serviceclient.other.base-url=" + api.baseUrl())
			.withUserConfiguration(HttpServicesConfig.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				BalanceClient client = context.getBean(BalanceClient.class);
				client.balance(2113);
				assertThat(lastWalletRequest().projectId()).isEqualTo(1222);
				client.shopBalance(2112);
				assertThat(lastWalletRequest().projectId()).isEqualTo(1221);
				// the request attribute from the annotation wins over the thread's binding
				ProjectContext.runWith("shop", () -> client.balance(2113));
				assertThat(lastWalletRequest().projectId()).isEqualTo(1222);
				// an unannotated method follows the thread's binding
				ProjectContext.runWith("marketplace", () -> context.getBean(PlainClient.class).balance(2113));
				assertThat(lastWalletRequest().projectId()).isEqualTo(1222);
				assertThat(api).hasOnlyValidSignatures();
				// a group that is not a Wallet group is neither signed nor routed
				context.getBean(OtherClient.class).server();
				ReceivedRequest other = api.requests().get(api.requests().size() - 1);
				assertThat(other.header("Authorization")).isEmpty();
				assertThat(other.projectId()).isNull();
			});
	}

	@Test
	void badHttpExchangeDeclarationsFailAtStartup() {
		TestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(BadHttpServicesConfig.class)
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("@WalletProject('shpo') on " + BadClient.class.getName() + ".balance(long)");
			});
	}

	@Test
	void replacingTheWalletGroupConfigurerLeavesAnnotationsChecked() {
		// walletHttpServiceGroupConfigurer only applies the Wallet client to the named groups;
		// the routing package's own group configurer checks and routes every group
		TestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(BadHttpServicesConfig.class)
			.withBean("walletHttpServiceGroupConfigurer", RestClientHttpServiceGroupConfigurer.class,
					() -> groups -> {
					})
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("@WalletProject('shpo') on " + BadClient.class.getName() + ".balance(long)");
			});
	}

	private static ReceivedRequest lastWalletRequest() {
		List<ReceivedRequest> wallet = api.requests().stream().filter(r -> r.path().startsWith("wallet/")).toList();
		return wallet.get(wallet.size() - 1);
	}

	// ---- configuration ----------------------------------------------------------------------

	static class Payments {

		final List<String> seenInside = new CopyOnWriteArrayList<>();

		final List<String> seenAfterCommit = new CopyOnWriteArrayList<>();

		public List<String> inside() {
			return this.seenInside;
		}

		public List<String> afterCommit() {
			return this.seenAfterCommit;
		}

		@Transactional
		@WalletProject("shop")
		public void pay() {
			this.seenInside.add(ProjectContext.current().orElse("(none)"));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Payments.this.seenAfterCommit.add(ProjectContext.current().orElse("(none)"));
				}
			});
		}

	}

	static class NoOpTransactionManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class TransactionConfig {

		@Bean
		PlatformTransactionManager transactionManager() {
			return new NoOpTransactionManager();
		}

		@Bean
		Payments payments() {
			return new Payments();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(order = 0)
	static class OuterTransactionConfig {

		@Bean
		PlatformTransactionManager transactionManager() {
			return new NoOpTransactionManager();
		}

		@Bean
		Payments payments() {
			return new Payments();
		}

	}

	static class AsyncWork {

		private final WalletProjectRoutingTests.WalletCalls calls;

		AsyncWork(WalletProjectRoutingTests.WalletCalls calls) {
			this.calls = calls;
		}

		@Async
		public CompletableFuture<String> currentProject() {
			return CompletableFuture.completedFuture(ProjectContext.current().orElse("(none)"));
		}

		@Async
		@WalletProject("marketplace")
		public CompletableFuture<String> marketplaceOnly() {
			return CompletableFuture.completedFuture(ProjectContext.current().orElse("(none)"));
		}

		@Async
		public CompletableFuture<Void> balance() {
			this.calls.balanceOf(2113);
			return CompletableFuture.completedFuture(null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfig {

		@Bean
		ThreadPoolTaskExecutor taskExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(2);
			executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
			return executor;
		}

		@Bean
		WalletProjectRoutingTests.WalletCalls walletCalls(
				@org.springframework.beans.factory.annotation.Qualifier("walletRestClient") org.springframework.web.client.RestClient client) {
			return new WalletProjectRoutingTests.WalletCalls(client);
		}

		@Bean
		AsyncWork asyncWork(WalletProjectRoutingTests.WalletCalls calls) {
			return new AsyncWork(calls);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class PlainAsyncConfig {

		@Bean
		ThreadPoolTaskExecutor taskExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(1);
			return executor;
		}

		@Bean
		WalletProjectRoutingTests.WalletCalls walletCalls(
				@org.springframework.beans.factory.annotation.Qualifier("walletRestClient") org.springframework.web.client.RestClient client) {
			return new WalletProjectRoutingTests.WalletCalls(client);
		}

		@Bean
		AsyncWork asyncWork(WalletProjectRoutingTests.WalletCalls calls) {
			return new AsyncWork(calls);
		}

	}

	@HttpExchange
	@WalletProject("marketplace")
	interface BalanceClient {

		@GetExchange("wallet/{id}/balance")
		String balance(@PathVariable long id);

		@GetExchange("wallet/{id}/balance")
		@WalletProject("shop")
		String shopBalance(@PathVariable long id);

	}

	@HttpExchange
	interface PlainClient {

		@GetExchange("wallet/{id}/balance")
		String balance(@PathVariable long id);

	}

	@HttpExchange
	interface OtherClient {

		@GetExchange("server")
		String server();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wallet", types = { BalanceClient.class, PlainClient.class })
	@ImportHttpServices(group = "other", types = OtherClient.class)
	static class HttpServicesConfig {

	}

	@HttpExchange
	interface BadClient {

		@GetExchange("wallet/{id}/balance")
		@WalletProject("shpo")
		String balance(@PathVariable long id);

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wallet", types = BadClient.class)
	static class BadHttpServicesConfig {

	}

}
