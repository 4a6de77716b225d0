package io.github.walletproject.reactive;

import java.util.List;

import io.github.walletproject.client.WalletExchangeFilter;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive Wallet client is built from a builder of its own: the application's
 * {@code WebClient.Builder} beans, Boot's and its own, never gain the Wallet filter, and
 * clients built from them send nothing signed. Servlet applications with WebFlux on the
 * classpath get both Wallet clients.
 */
@ExtendWith(MockWalletApiExtension.class)
class WebClientIsolationTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = ReactiveTestApps.fixtures(mock);
	}

	@Test
	void theApplicationsWebClientBuildersNeverGainTheWalletFilter() {
		ReactiveTestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class))
			.withUserConfiguration(SharedBuilder.class)
			.run(context -> {
				api.reset();
				WebClient wallet = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
				assertThat(wallet).isNotNull();
				assertThat(context).hasBean("walletRestClient");  // servlet apps get both clients
				WebClient.Builder boots = context.getBean(WebClient.Builder.class);
				WebClient.Builder shared = context.getBean("sharedBuilder", WebClient.Builder.class);
				assertThat(filters(boots)).noneMatch(WalletExchangeFilter.class::isInstance);
				assertThat(filters(shared)).noneMatch(WalletExchangeFilter.class::isInstance);
				assertThat(filters(wallet.mutate())).filteredOn(WalletExchangeFilter.class::isInstance).hasSize(1);
				// a client of the application's builder, aimed at the same host, sends nothing signed
				shared.baseUrl(api.baseUrl()).build().get().uri("server").retrieve().bodyToMono(String.class).block();
				List<ReceivedRequest> received = api.requests();
				assertThat(received).hasSize(1);
				assertThat(received.get(0).header(HttpHeaders.AUTHORIZATION)).isEmpty();
				assertThat(received.get(0).projectId()).isNull();
			});
	}

	private static List<ExchangeFilterFunction> filters(WebClient.Builder builder) {
		List<ExchangeFilterFunction> seen = new java.util.ArrayList<>();
		builder.filters(seen::addAll);
		return seen;
	}

	@Configuration(proxyBeanMethods = false)
	static class SharedBuilder {

		@Bean
		WebClient.Builder sharedBuilder() {
			return WebClient.builder();
		}

		@Bean
		RestClient.Builder sharedRestClientBuilder() {
			return RestClient.builder();
		}

	}

}
