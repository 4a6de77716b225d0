package io.github.walletproject.benchmarks;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * The application the starter benchmarks run in: plain auto-configuration (as an application
 * with the starter on its classpath gets it), an HTTP client that stays in memory, and one
 * {@code @WalletProject("shop")} service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BenchApplication.ShopCalls.class)
public class BenchApplication {

	/** The properties the benchmark context starts with. */
	static final String[] PROPERTIES = { "paysera.wallet.base-url=" + Inputs.BASE_URL,
			"paysera.wallet.credentials.mac-id=" + Inputs.MAC_ID, "paysera.wallet.credentials.mac-key=" + Inputs.MAC_KEY,
			"paysera.wallet.projects.shop.id=" + Inputs.PROJECT_ID, "paysera.wallet.access.source=configured",
			"spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=WARN" };

	@Bean
	InMemoryRequestFactory inMemoryRequestFactory() {
		return new InMemoryRequestFactory();
	}

	/**
	 * Boot's HTTP clients, and so the starter's, are built by this bean: it hands out the
	 * in-memory factory.
	 * @param factory the factory
	 * @return the builder
	 */
	@Bean
	ClientHttpRequestFactoryBuilder<InMemoryRequestFactory> inMemoryRequestFactoryBuilder(InMemoryRequestFactory factory) {
		return settings -> factory;
	}

	/**
	 * A service routed to the {@code shop} project, calling the Wallet API through the
	 * auto-configured client.
	 */
	@WalletProject("shop")
	public static class ShopCalls {

		private final RestClient wallet;

		/**
		 * Create the service.
		 * @param wallet the starter's client
		 */
		public ShopCalls(@Qualifier("walletRestClient") RestClient wallet) {
			this.wallet = wallet;
		}

		/**
		 * {@code GET wallet/14471/balance?convert_to=EUR} for project {@code shop}.
		 * @return the response body
		 */
		public String balance() {
			return this.wallet.get().uri(Inputs.GET_URI).retrieve().body(String.class);
		}

		/**
		 * The proxied call alone: whether this method runs with a project bound (for
		 * diagnostics).
		 * @return {@code true} inside the advice
		 */
		public boolean boundProject() {
			return ProjectContext.isBound();
		}

		/**
		 * {@code POST transaction} for project {@code shop} at location 77.
		 * @return the response body
		 */
		public String createTransaction() {
			return ClientBenchmarks.walletPost(this.wallet, true);
		}

	}

}
