package io.github.walletproject.reactive;

import java.util.List;

import io.github.walletproject.WalletProject;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.WalletMoneyAutoConfiguration;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @HttpExchange} interfaces backed by the reactive client route as on the blocking
 * side: a {@code WebClient} HTTP service group named in
 * {@code paysera.wallet.routing.http-service-groups} is signed and routed, a method's
 * {@code @WalletProject} wins over the interface's, which wins over the caller's binding; and
 * a money interface runs over {@code walletWebClient}.
 */
@ExtendWith(MockWalletApiExtension.class)
class ReactiveHttpInterfaceTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = ReactiveTestApps.fixtures(mock);
	}

	@Test
	void webClientGroupsAreSignedAndRoutedByTheAnnotations() {
		ReactiveTestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, HttpServiceClientPropertiesAutoConfiguration.class,
					ReactiveHttpServiceClientAutoConfiguration.class))
			.withPropertyValues("paysera.wallet.routing.http-service-groups=wallet,wallet-reactive")
			.withUserConfiguration(Services.class)
			.run(context -> {
				api.reset();
				OutletBalances outlet = context.getBean(OutletBalances.class);
				// the interface's project wins over the caller's binding
				WalletReactive.withProject("shop", outlet.balance(2125)).block();
				// the method's own annotation wins over the interface's
				WalletReactive.withProject("shop", outlet.marketplaceBalance(2113)).block();
				// subscribed later, elsewhere: still the interface's project
				outlet.balance(2125).subscribeOn(Schedulers.parallel()).block();
				List<ReceivedRequest> sent = api.requests().stream().filter(r -> r.path().endsWith("/balance")).toList();
				assertThat(sent).extracting(ReceivedRequest::projectId).containsExactly(1225L, 1222L, 1225L);
				assertThat(api).hasOnlyValidSignatures();
			});
	}

	@Test
	void aMoneyInterfaceOverTheReactiveClient() {
		ReactiveTestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(WalletMoneyAutoConfiguration.class))
			.withPropertyValues("paysera.wallet.access.source=configured")
			.run(context -> {
				api.reset();
				WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
				WalletTransactions transactions = HttpServiceProxyFactory
					.builderFor(WebClientAdapter.create(client))
					.build()
					.createClient(WalletTransactions.class);
				// a blocking money call on a bounded-elastic thread, the project from the Reactor Context
				// (context propagation restores it there as the thread's ProjectContext)
				Mono<Transaction> created = Mono
					.fromCallable(() -> transactions.create(TransactionRequest
						.of(PaymentRequest.of("Order #1", Money.of("12.99", "EUR")))))
					.subscribeOn(Schedulers.boundedElastic());
				Hooks.enableAutomaticContextPropagation();
				Transaction transaction;
				try {
					transaction = WalletReactive.withProject("marketplace", created).block();
				}
				finally {
					Hooks.disableAutomaticContextPropagation();
				}
				assertThat(transaction.key()).isNotBlank();
				assertThat(api.requests()).filteredOn(r -> r.path().equals("transaction"))
					.singleElement()
					.satisfies(r -> assertThat(r.projectId()).isEqualTo(1222L));
				assertThat(api).hasOnlyValidSignatures();
			});
	}

	@WalletProject("outlet")
	interface OutletBalances {

		@GetExchange("wallet/{id}/balance")
		Mono<String> balance(@PathVariable long id);

		@WalletProject("marketplace")
		@GetExchange("wallet/{id}/balance")
		Mono<String> marketplaceBalance(@PathVariable long id);

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wallet-reactive", types = OutletBalances.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class Services {

	}

}
