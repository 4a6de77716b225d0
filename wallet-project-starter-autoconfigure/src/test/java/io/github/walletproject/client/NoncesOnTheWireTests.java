package io.github.walletproject.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.support.HttpClientChoice;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.support.WireServer;
import io.github.walletproject.support.WireServer.Received;
import io.github.walletproject.support.WireServer.Reply;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real sockets, for each HTTP client Boot can pick: a server closes a kept-alive
 * connection right after reading the next request. Every attempt that reaches it must carry a
 * nonce of its own (a client that resends the attempt itself repeats the nonce, which the
 * Wallet API refuses), and the starter's own retry, signed afresh, must make the call succeed
 * at its second attempt.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoncesOnTheWireTests {

	private static final String BALANCE = "wallet/2112/balance";

	private static final String BALANCE_JSON = "{\"EUR\":{\"at_disposal\":2299,\"at_disposal_decimal\":\"22.99\","
			+ "\"reserved\":0,\"reserved_decimal\":\"0.00\"}}";

	private static final int MAX_CALLS = 20;

	/**
	 * Answers every request, except the first one that comes on a kept-alive connection (not
	 * the first on its connection): that one is read, then the connection is closed.
	 */
	private static WireServer dropFirstRequestOnAKeptAliveConnection() {
		AtomicBoolean dropped = new AtomicBoolean();
		return WireServer.start((request) -> (request.indexOnConnection() > 1 && dropped.compareAndSet(false, true))
				? Reply.drop() : Reply.ok(BALANCE_JSON));
	}

	private static ApplicationContextRunner runner(WireServer server) {
		return TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=" + server.baseUrl(),
					"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
					"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
					"paysera.wallet.access.source=configured", "paysera.wallet.retry.initial-backoff=1ms",
					"paysera.wallet.retry.max-backoff=5ms");
	}

	private static String balance(RestClient client) {
		return ProjectContext.callWith("shop", () -> client.get().uri(BALANCE).retrieve().body(String.class));
	}

	/**
	 * Balance calls, each of which must succeed, until one met the dropped connection (a client
	 * reuses its connection when it has put it back in its pool, which may take a call or two).
	 * @return what reached the server; the attempt after the dropped one belongs to the same call
	 */
	private static Wire callsUntilOneIsDropped(ApplicationContextRunner runner, WireServer server) {
		AtomicInteger calls = new AtomicInteger();
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			while (droppedIndex(server.requests(BALANCE)) < 0 && calls.get() < MAX_CALLS) {
				assertThat(balance(client)).isEqualTo(BALANCE_JSON);
				calls.incrementAndGet();
			}
		});
		List<Received> attempts = server.requests(BALANCE);
		int dropped = droppedIndex(attempts);
		assertThat(dropped).as("a request on a kept-alive connection within %d calls", MAX_CALLS).isNotNegative();
		// every call reached the server once, the call that met the drop twice
		assertThat(attempts).hasSize(calls.get() + 1);
		assertThat(attempts).hasSizeGreaterThan(dropped + 1);
		return new Wire(attempts, attempts.get(dropped), attempts.get(dropped + 1));
	}

	private static int droppedIndex(List<Received> attempts) {
		for (int i = 0; i < attempts.size(); i++) {
			if (attempts.get(i).indexOnConnection() > 1) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * What reached the server.
	 *
	 * @param attempts every request, in order
	 * @param dropped the request whose connection was closed after it was read
	 * @param next the request after it: the second attempt of the same call
	 */
	private record Wire(List<Received> attempts, Received dropped, Received next) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-components", "jetty", "reactor", "jdk", "simple" })
	void aDroppedKeptAliveConnectionIsRetriedByTheStarterWithANewNonce(String factory) {
		try (WireServer server = dropFirstRequestOnAKeptAliveConnection()) {
			Wire wire = callsUntilOneIsDropped(
					runner(server).withPropertyValues("spring.http.clients.imperative.factory=" + factory), server);
			assertThat(wire.attempts()).extracting(Received::nonce).doesNotContainNull().doesNotHaveDuplicates();
			// the starter's retry, on a new connection since the client did not resend on its own
			assertThat(wire.next().connection()).isNotEqualTo(wire.dropped().connection());
			// the JDK HttpClient and HttpURLConnection are replaced by the first other client on the classpath
			String expectedClient = switch (factory) {
				case "jetty" -> HttpClientChoice.JETTY.userAgent();
				case "reactor" -> HttpClientChoice.REACTOR.userAgent();
				default -> HttpClientChoice.HTTP_COMPONENTS.userAgent();
			};
			assertThat(wire.attempts()).allSatisfy(attempt -> assertThat(attempt.userAgent()).startsWith(expectedClient));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "simple" })
	void theJdkClientsReplacedByAnotherClientAreSaidSoAtStartup(String factory, CapturedOutput output) {
		try (WireServer server = WireServer.start(request -> Reply.ok(BALANCE_JSON))) {
			runner(server).withPropertyValues("spring.http.clients.imperative.factory=" + factory)
				.run(context -> assertThat(context).hasNotFailed());
		}
		assertThat(output).contains("The Wallet API client uses Apache HttpClient 5 instead of")
			.contains("spring.http.clients.imperative.factory")
			.contains("same single-use nonce")
			.doesNotContain("WARN");
	}

	/**
	 * Why the starter does not keep them: measured here, both JDK clients resend the attempt
	 * themselves, with its nonce, on a fresh connection. No setting of one client stops it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "jdk", "simple" })
	void aloneOnTheClasspathTheJdkClientsResendTheSameNonceAndTheStarterWarns(String factory,
			CapturedOutput output) {
		try (WireServer server = dropFirstRequestOnAKeptAliveConnection()) {
			Wire wire = callsUntilOneIsDropped(runner(server)
				.withPropertyValues("spring.http.clients.imperative.factory=" + factory)
				.withClassLoader(new FilteredClassLoader(HttpClientChoice.OTHER_CLIENTS)), server);
			assertThat(wire.next().nonce()).isEqualTo(wire.dropped().nonce());
			assertThat(wire.next().connection()).isNotEqualTo(wire.dropped().connection());
			assertThat(wire.next().userAgent())
				.startsWith(factory.equals("jdk") ? HttpClientChoice.JDK_ALONE.userAgent()
						: HttpClientChoice.SIMPLE_ALONE.userAgent());
		}
		assertThat(output).contains("WARN")
			.contains("The Wallet API client uses " + (factory.equals("jdk") ? "the JDK HttpClient" : "HttpURLConnection"))
			.contains("org.apache.httpcomponents.client5:httpclient5");
	}

	@Test
	void withTheJdkRetryLimitSetToOneTheJdkClientIsKeptWithoutAWarning(CapturedOutput output) {
		String previous = System.setProperty("jdk.httpclient.redirects.retrylimit", "1");
		try (WireServer server = WireServer.start(request -> Reply.ok(BALANCE_JSON))) {
			runner(server).withClassLoader(new FilteredClassLoader(HttpClientChoice.OTHER_CLIENTS)).run(context -> {
				assertThat(context).hasNotFailed();
				balance(context.getBean("walletRestClient", RestClient.class));
			});
			assertThat(server.requests(BALANCE)).singleElement()
				.satisfies(request -> assertThat(request.userAgent()).startsWith(HttpClientChoice.JDK_ALONE.userAgent()));
		}
		finally {
			if (previous == null) {
				System.clearProperty("jdk.httpclient.redirects.retrylimit");
			}
			else {
				System.setProperty("jdk.httpclient.redirects.retrylimit", previous);
			}
		}
		assertThat(output).doesNotContain("The Wallet API client uses");
	}

	@Test
	void anApacheBuilderOfTheUserKeepsItsSettingsButLosesItsRetries() {
		try (WireServer server = dropFirstRequestOnAKeptAliveConnection()) {
			Wire wire = callsUntilOneIsDropped(runner(server).withBean(ClientHttpRequestFactoryBuilder.class,
					() -> ClientHttpRequestFactoryBuilder.httpComponents()
						.withHttpClientCustomizer(client -> client
							.setRetryStrategy(new DefaultHttpRequestRetryStrategy(3, TimeValue.ofMilliseconds(1)))
							.setUserAgent("users-own-apache"))),
					server);
			assertThat(wire.attempts()).extracting(Received::nonce).doesNotHaveDuplicates();
			assertThat(wire.attempts()).extracting(Received::userAgent).containsOnly("users-own-apache");
		}
	}

	@Test
	void aBuilderTheStarterCannotConfigureIsUsedWithAWarning(CapturedOutput output) {
		try (WireServer server = WireServer.start(request -> Reply.ok(BALANCE_JSON))) {
			runner(server)
				.withBean(ClientHttpRequestFactoryBuilder.class, () -> (ClientHttpRequestFactoryBuilder<?>) (
						settings) -> new SimpleClientHttpRequestFactory())
				.run(context -> {
					assertThat(context).hasNotFailed();
					balance(context.getBean("walletRestClient", RestClient.class));
				});
			assertThat(server.requests(BALANCE)).hasSize(1);
		}
		assertThat(output).contains("WARN")
			.contains("a ClientHttpRequestFactoryBuilder the starter cannot configure")
			.contains("never resends a request by itself");
	}

}
