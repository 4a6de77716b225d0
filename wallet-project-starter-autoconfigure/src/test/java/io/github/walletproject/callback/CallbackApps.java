package io.github.walletproject.callback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Applications for the callback tests: real servlet applications on a free loopback port
 * with the starter, the money operations and a listener that records what it saw (the
 * callback, the project bound while it ran, the Wallet call it made). Every request thread
 * is bound to {@code marketplace} by a filter, as an app that binds the project per request
 * would, so that a listener working in the callback's project proves the binding won.
 */
final class CallbackApps {

	static final String PATH = "/paysera/callbacks";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private CallbackApps() {
	}

	static ConfigurableApplicationContext start(MockWalletApi api, String... extra) {
		return start(api, null, extra);
	}

	/** Start an app whose {@code Clock} bean is the given one (when not {@code null}). */
	static ConfigurableApplicationContext start(MockWalletApi api, @Nullable Clock clock, String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off", "server.port=0",
				"server.address=127.0.0.1", "spring.cache.type=none", "paysera.wallet.base-url=" + api.baseUrl(),
				"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.projects.marketplace.id=1222", "paysera.wallet.retry.initial-backoff=1ms",
				"paysera.wallet.retry.max-backoff=5ms", "paysera.wallet.callbacks.path=" + PATH));
		properties.addAll(List.of(extra));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new));
		if (clock != null) {
			builder.initializers((context) -> context.getBeanFactory().registerSingleton("testClock", clock));
		}
		return builder.run();
	}

	static String callbackUri(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "http://127.0.0.1:" + port + PATH;
	}

	static int post(ConfigurableApplicationContext context, String form) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUri(context)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Post raw bytes, with a content type and an optional query string, as a client of any
	 * charset would.
	 */
	static int post(ConfigurableApplicationContext context, @Nullable String query, String contentType, byte[] body) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(callbackUri(context) + ((query != null) ? "?" + query : "")))
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static double outcomes(ConfigurableApplicationContext context, String outcome) {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		return registry.find("wallet.callbacks").tag("outcome", outcome).counters().stream()
			.mapToDouble(counter -> counter.count())
			.sum();
	}

	/** What a listener saw. */
	record Seen(WalletCallback callback, @Nullable String boundProject, @Nullable Transaction confirmed) {
	}

	/** The listener of the test apps. */
	static final class Listener {

		final List<Seen> seen = new CopyOnWriteArrayList<>();

		volatile boolean fail;

		/** Entered by the transaction listener that {@link #holdNext()} holds. */
		final CountDownLatch entered = new CountDownLatch(1);

		private volatile @Nullable CountDownLatch hold;

		private final WalletTransactions transactions;

		Listener(WalletTransactions transactions) {
			this.transactions = transactions;
		}

		/**
		 * Hold the next transaction callback in its listener (after it counted down
		 * {@link #entered}) until the returned latch is counted down; later ones pass.
		 */
		CountDownLatch holdNext() {
			CountDownLatch release = new CountDownLatch(1);
			this.hold = release;
			return release;
		}

		@EventListener
		void on(TransactionCallback callback) throws InterruptedException {
			CountDownLatch release = this.hold;
			if (release != null) {
				this.hold = null;
				this.entered.countDown();
				if (!release.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never released the listener");
				}
			}
			if (this.fail) {
				throw new IllegalStateException("listener failed on purpose");
			}
			String bound = ProjectContext.current().orElse(null);
			Transaction confirmed = (callback.type() == TransactionCallbackType.RESERVED)
					? this.transactions.confirm(callback.transaction().key()) : null;
			this.seen.add(new Seen(callback, bound, confirmed));
		}

		@EventListener
		void on(PaymentCallback callback) {
			this.seen.add(new Seen(callback, ProjectContext.current().orElse(null), null));
		}

		@EventListener
		void on(AllowanceCallback callback) {
			this.seen.add(new Seen(callback, ProjectContext.current().orElse(null), null));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableCaching
	static class App {

		@Bean
		Listener callbackListener(WalletTransactions transactions) {
			return new Listener(transactions);
		}

		/** Binds marketplace to every request thread, as an app choosing the project per request would. */
		@Bean
		Filter bindMarketplace() {
			return (request, response, chain) -> {
				try (ProjectContext.Scope scope = ProjectContext.open("marketplace")) {
					chain.doFilter(request, response);
				}
			};
		}

	}

}
