package io.github.walletproject.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.WalletTimeoutException;
import io.github.walletproject.WalletTransportException;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * One test per fault: how many attempts reach the server, that each is signed afresh, and
 * that nothing that must not be repeated is sent twice.
 */
@ExtendWith(MockWalletApiExtension.class)
class FaultToleranceTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = TestApps.runner(api)
		.withPropertyValues("paysera.wallet.access.source=configured");

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}



	private static List<ReceivedRequest> to(String path) {
		return api.requests().stream().filter(r -> r.path().equals(path)).toList();
	}

	private static void balance(WalletApi wallet) {
		ProjectContext.runWith("shop", () -> wallet.balance(2112));
	}

	private static void postTransaction(RestClient client) {
		ProjectContext.runWith("shop",
				() -> client.post().uri("transaction").body(Map.of("amount", 100)).retrieve().toBodilessEntity());
	}

	@Test
	void idempotentCallsAreRetriedOn502AndEachAttemptIsSignedAfresh() {
		api.failNext("GET", "wallet/2112/balance", Fault.badGateway(), 2);
		this.runner.run(context -> {
			balance(context.getBean(WalletApi.class));
			List<ReceivedRequest> attempts = to("wallet/2112/balance");
			assertThat(attempts).hasSize(3).extracting(ReceivedRequest::status).containsExactly(502, 502, 200);
			assertThat(attempts).extracting(ReceivedRequest::nonce).doesNotHaveDuplicates().doesNotContainNull();
			assertThat(api).hasOnlyValidSignatures();
			assertThat(attempts).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1221));
		});
	}

	@Test
	void retriesAreBounded() {
		api.failNext("GET", "wallet/2112/balance", Fault.serviceUnavailable(), 10);
		this.runner.run(context -> {
			assertThatExceptionOfType(WalletApiException.Server.class)
				.isThrownBy(() -> balance(context.getBean(WalletApi.class)))
				.satisfies(ex -> assertThat(ex.getStatus()).isEqualTo(503));
			assertThat(to("wallet/2112/balance")).hasSize(3);
		});
		api.reset();
		api.failNext("GET", "wallet/2112/balance", Fault.serviceUnavailable(), 10);
		this.runner.withPropertyValues("paysera.wallet.retry.max-attempts=1").run(context -> {
			assertThatExceptionOfType(WalletApiException.Server.class).isThrownBy(() -> balance(context.getBean(WalletApi.class)));
			assertThat(to("wallet/2112/balance")).hasSize(1);
		});
	}

	@Test
	void aPostIsSentExactlyOnceOn502() {
		api.failNext("POST", "transaction", Fault.badGateway(), 5);
		this.runner.run(context -> {
			assertThatExceptionOfType(WalletApiException.Server.class)
				.isThrownBy(() -> postTransaction(context.getBean("walletRestClient", RestClient.class)));
			assertThat(to("transaction")).hasSize(1);
		});
	}

	@Test
	void aPostIsRetriedOnlyWhenListedExplicitly() {
		api.failNext("POST", "transaction", Fault.badGateway(), 1);
		this.runner.withPropertyValues("paysera.wallet.retry.methods=GET,HEAD,POST").run(context -> {
			postTransaction(context.getBean("walletRestClient", RestClient.class));
			assertThat(to("transaction")).hasSize(2).extracting(ReceivedRequest::nonce).doesNotHaveDuplicates();
			assertThat(api).hasOnlyValidSignatures();
		});
	}

	@Test
	void droppedConnectionsAreRetriedForGetButNeverForPost() {
		api.failNext("GET", "wallet/2112/balance", Fault.dropConnection(), 1);
		api.failNext("POST", "transaction", Fault.dropConnection(), 1);
		this.runner.run(context -> {
			balance(context.getBean(WalletApi.class));
			assertThat(to("wallet/2112/balance")).extracting(ReceivedRequest::status).containsExactly(0, 200);
			assertThatExceptionOfType(WalletTransportException.class)
				.isThrownBy(() -> postTransaction(context.getBean("walletRestClient", RestClient.class)))
				.withMessageContaining("POST /rest/v1/transaction");
			assertThat(to("transaction")).hasSize(1);
		});
	}

	@Test
	void aStalledServerGivesATypedTimeoutWithinTheBound() {
		api.failNext("GET", "wallet/2112/balance", Fault.slow(Duration.ofSeconds(5)), 10);
		this.runner.withPropertyValues("paysera.wallet.read-timeout=300ms", "paysera.wallet.retry.max-attempts=2")
			.run(context -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(WalletTimeoutException.class)
					.isThrownBy(() -> balance(context.getBean(WalletApi.class)))
					.withMessageContaining("timed out")
					.withMessageContaining("after 2 attempts");
				// two attempts of 300 ms each, not the 10 s the server would take
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
			});
		// the mock records both slow answers 5 s later: let that happen here, not in a later test's recordings
		await().atMost(Duration.ofSeconds(30)).until(() -> to("wallet/2112/balance").size() == 2);
	}

	@Test
	void clockSkewIsMeasuredOnceAndTheCallReplayedOnce() {
		api.serverClockOffset(Duration.ofMinutes(10));
		this.runner.run(context -> {
			WalletApi wallet = context.getBean(WalletApi.class);
			balance(wallet);
			postTransaction(context.getBean("walletRestClient", RestClient.class));
			balance(wallet);
			assertThat(to("wallet/2112/balance")).extracting(ReceivedRequest::status).containsExactly(401, 200, 200);
			assertThat(to("server")).hasSize(1);
			assertThat(to("transaction")).extracting(ReceivedRequest::status).containsExactly(200);
			assertThat(context.getBean(ServerTimeOffset.class).seconds()).isBetween(599L, 601L);
		});
	}

	@Test
	void aTimestampRefusedAgainIsNotReplayedTwice() {
		api.failNext("POST", "transaction", Fault.invalidTimestamp(), 5);
		this.runner.run(context -> {
			assertThatExceptionOfType(WalletApiException.InvalidTimestamp.class)
				.isThrownBy(() -> postTransaction(context.getBean("walletRestClient", RestClient.class)));
			assertThat(to("transaction")).hasSize(2);
			assertThat(to("server")).hasSize(1);
		});
	}

	@Test
	void whenTheClockCannotBeReadTheRefusalIsReported() {
		api.failNext("GET", "wallet/2112/balance", Fault.invalidTimestamp(), 1);
		api.failNext("GET", "server", Fault.serviceUnavailable(), 10);
		this.runner.withPropertyValues("paysera.wallet.retry.max-attempts=1").run(context -> {
			assertThatExceptionOfType(WalletApiException.InvalidTimestamp.class)
				.isThrownBy(() -> balance(context.getBean(WalletApi.class)));
			assertThat(to("wallet/2112/balance")).hasSize(1);
			assertThat(to("server")).hasSize(1);
		});
	}

	@Test
	void rateLimitIsATypedExceptionWithRetryAfterAndNoRetry() {
		api.failNext("GET", "wallet/2112/balance", Fault.rateLimited(Duration.ofSeconds(7)), 5);
		this.runner.run(context -> {
			assertThatExceptionOfType(WalletApiException.RateLimit.class)
				.isThrownBy(() -> balance(context.getBean(WalletApi.class)))
				.satisfies(ex -> {
					assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(7));
					assertThat(ex.getErrorCode()).isEqualTo("rate_limit_exceeded");
					assertThat(ex.getCorrelationId()).isPresent();
				});
			assertThat(to("wallet/2112/balance")).hasSize(1);
		});
	}

	@Test
	void expiredTokenIsRefreshedOnceAndTheCallReplayedWithTheNewOne() {
		api.client("fresh-token", "fresh-key");
		api.failNext("GET", "wallet/2112/balance", Fault.invalidGrant(), 1);
		AtomicInteger refreshes = new AtomicInteger();
		this.runner.withBean(WalletTokenRefresher.class, () -> credentials -> {
			refreshes.incrementAndGet();
			return new MacSigner("fresh-token", "fresh-key");
		}).run(context -> {
			balance(context.getBean(WalletApi.class));
			assertThat(refreshes).hasValue(1);
			List<ReceivedRequest> attempts = to("wallet/2112/balance");
			assertThat(attempts).extracting(r -> r.verification().macId()).containsExactly(TestApps.MAC_ID, "fresh-token");
			assertThat(attempts.get(1).status()).isEqualTo(200);
			// later calls keep the new token
			balance(context.getBean(WalletApi.class));
			assertThat(to("wallet/2112/balance").get(2).verification().macId()).isEqualTo("fresh-token");
		});
	}

	@Test
	void expiredTokenWithoutRefresherIsATypedException() {
		api.failNext("GET", "wallet/2112/balance", Fault.invalidGrant(), 3);
		this.runner.run(context -> {
			assertThatExceptionOfType(WalletApiException.Unauthorized.class)
				.isThrownBy(() -> balance(context.getBean(WalletApi.class)))
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo("invalid_grant"));
			assertThat(to("wallet/2112/balance")).hasSize(1);
		});
	}

	@Test
	void unusableResponsesAreClearErrors() {
		this.runner.run(context -> {
			WalletApi wallet = context.getBean(WalletApi.class);
			api.failNext("GET", "wallet/2112/balance", Fault.malformedBody(), 1);
			assertThatExceptionOfType(WalletResponseException.class).isThrownBy(() -> balance(wallet))
				.withMessageContaining("could not be read");
			api.failNext("GET", "wallet/2112/balance", Fault.emptyBody(), 1);
			assertThatExceptionOfType(WalletResponseException.class).isThrownBy(() -> balance(wallet))
				.withMessageContaining("was empty");
			api.failNext("GET", "project/1221", Fault.status(200, "[1,2,3]"), 1);
			assertThatExceptionOfType(WalletResponseException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallet.project(1221)));
			api.failNext("GET", "project/1221", Fault.status(200, "{\"title\":\"no id\"}"), 1);
			assertThatExceptionOfType(WalletResponseException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallet.project(1221)));
		});
	}

	@Test
	void oversizedResponsesAreCutOffAtTheLimit() {
		api.failNext("GET", "wallet/2112/balance", Fault.oversizedBody(3 * 1024 * 1024), 1);
		this.runner.run(context -> assertThatExceptionOfType(WalletResponseException.class)
			.isThrownBy(() -> balance(context.getBean(WalletApi.class)))
			.withMessageContaining("paysera.wallet.max-response-size"));
		assertThat(to("wallet/2112/balance")).hasSize(1);
	}

	@Test
	void errorResponsesKeepEverythingPayseraSaid() {
		api.failNext("GET", "wallet/2112/balance", Fault.status(400,
				"{\"error\":\"invalid_parameters\",\"error_description\":\"Bad currency\","
						+ "\"error_properties\":{\"convert_to\":[\"Unknown currency\"]},\"error_uri\":\"https://x\"}"),
				1);
		this.runner.run(context -> assertThatExceptionOfType(WalletApiException.class)
			.isThrownBy(() -> balance(context.getBean(WalletApi.class)))
			.satisfies(ex -> {
				assertThat(ex.getStatus()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("invalid_parameters");
				assertThat(ex.getErrorDescription()).contains("Bad currency");
				assertThat(ex.getErrorProperties()).containsEntry("convert_to", List.of("Unknown currency"));
				assertThat(ex.getCorrelationId()).hasValueSatisfying(id -> assertThat(id).startsWith("mock-"));
				assertThat(ex.getMessage()).contains("GET /rest/v1/wallet/2112/balance").doesNotContain(TestApps.MAC_KEY);
			}));
	}

	@Test
	void retryMetricsCountEachReason() {
		api.failNext("GET", "wallet/2112/balance", Fault.badGateway(), 1);
		WalletProjects[] holder = new WalletProjects[1];
		this.runner.withBean(io.micrometer.core.instrument.MeterRegistry.class,
				io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
			.withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations
				.of(io.github.walletproject.autoconfigure.WalletMetricsAutoConfiguration.class))
			.run(context -> {
				holder[0] = context.getBean(WalletProjects.class);
				balance(context.getBean(WalletApi.class));
				assertThat(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
					.get("wallet.client.retries")
					.tag("reason", "status_502")
					.counter()
					.count()).isEqualTo(1);
			});
		assertThat(holder[0]).isNotNull();
	}

}
