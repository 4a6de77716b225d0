package io.github.walletproject.test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import net.minidev.json.JSONObject;
import net.minidev.json.parser.ParseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.walletproject.test.MockWalletApiTests.assertPayseraError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@link Fault} the {@link MockWalletApi} injects, seen from a real HTTP client: each
 * answers the next matching request(s) only, and is recorded with the status it produced.
 */
class MockWalletApiFaultTests {

	MockWalletApi api;

	SignedClient client;

	@BeforeEach
	void start() {
		this.api = MockWalletApi.start()
			.client(MockWalletApiTests.ID, MockWalletApiTests.KEY)
			.balance(2112, "EUR", "22.99", "0.00");
		this.client = new SignedClient(this.api, MockWalletApiTests.ID, MockWalletApiTests.KEY);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	private HttpResponse<String> balance() throws Exception {
		return this.client.get("wallet/2112/balance", 1221);
	}

	@Test
	void countsTheRequestsInFlightAndTheMostAtOnce() throws Exception {
		this.api.failNext(request -> request.projectId() != null && request.projectId() == 1222,
				Fault.slow(Duration.ofMillis(1500)), 3);
		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			java.util.List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 3; i++) {
				calls.add(callers.submit(() -> this.client.get("wallet/2112/balance", 1222)));
			}
			for (java.util.concurrent.Future<HttpResponse<String>> call : calls) {
				assertThat(call.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
		}
		finally {
			callers.shutdownNow();
		}
		balance(); // one more, alone: the most at once stays 3

		assertThat(this.api.maxRequestsInFlight()).isEqualTo(3);
		// the handler leaves just after the client has its answer
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.api.requestsInFlight() > 0 && System.nanoTime() < until) {
			Thread.sleep(10);
		}
		assertThat(this.api.requestsInFlight()).isZero();
		this.api.reset();
		assertThat(this.api.maxRequestsInFlight()).isZero();
	}

	@Test
	void badGatewayOnceThenNormal() throws Exception {
		this.api.failNext(Fault.badGateway(), 1);

		HttpResponse<String> failed = balance();
		HttpResponse<String> next = balance();

		assertThat(failed.statusCode()).isEqualTo(502);
		assertThat(failed.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(failed.body()).contains("502 Bad Gateway");
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(this.api.requests()).extracting(ReceivedRequest::status).containsExactly(502, 200);
		// a faulted request is still verified and recorded with its project
		assertThat(this.api.requests().get(0).signatureValid()).isTrue();
		assertThat(this.api.requests().get(0).projectId()).isEqualTo(1221L);
	}

	@Test
	void serviceUnavailable() throws Exception {
		this.api.failNext(Fault.serviceUnavailable(), 2);

		assertPayseraError(balance(), 503, "internal_server_error");
		assertPayseraError(balance(), 503, "internal_server_error");
		assertThat(balance().statusCode()).isEqualTo(200);
	}

	@Test
	void invalidTimestamp() throws Exception {
		this.api.failNext(Fault.invalidTimestamp(), 1);

		assertThat(assertPayseraError(balance(), 401, "invalid_timestamp")).isEqualTo("Timestamp lifetime exceeded");
		assertThat(balance().statusCode()).isEqualTo(200);
	}

	@Test
	void invalidGrant() throws Exception {
		this.api.failNext(Fault.invalidGrant(), 1);

		assertPayseraError(balance(), 401, "invalid_grant");
	}

	@Test
	void rateLimitedWithRetryAfter() throws Exception {
		this.api.failNext(Fault.rateLimited(Duration.ofSeconds(7)), 1).failNext(Fault.rateLimited(null), 1);

		HttpResponse<String> withRetryAfter = balance();
		HttpResponse<String> without = balance();

		assertPayseraError(withRetryAfter, 429, "rate_limit_exceeded");
		assertThat(withRetryAfter.headers().firstValue("Retry-After")).hasValue("7");
		assertPayseraError(without, 429, "rate_limit_exceeded");
		assertThat(without.headers().firstValue("Retry-After")).isEmpty();
		assertThat(balance().statusCode()).isEqualTo(200);
	}

	@Test
	void slowResponseAnswersNormallyAfterTheDelay() throws Exception {
		this.api.failNext(Fault.slow(Duration.ofMillis(400)), 1);

		long start = System.nanoTime();
		HttpResponse<String> slow = balance();
		long slowMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(slowMillis).isGreaterThanOrEqualTo(400);
		assertThat(slow.statusCode()).isEqualTo(200);
		assertThat(StrictJson.object(slow.body())).containsKey("EUR");
		start = System.nanoTime();
		balance();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(400);
	}

	@Test
	void slowResponseTimesOutAClientWithAShorterTimeout() throws Exception {
		this.api.failNext(Fault.slow(Duration.ofSeconds(2)), 1);
		HttpRequest request = this.client
			.request("GET", "wallet/2112/balance", null, "", SignedClient.now(), SignedClient.nonce(), Map.of())
			.timeout(Duration.ofMillis(200))
			.build();

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> SignedClient.send(request));
	}

	@Test
	void malformedBody() throws Exception {
		this.api.failNext(Fault.malformedBody(), 1);

		HttpResponse<String> response = balance();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isNotEmpty();
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> StrictJson.parse(response.body()));
	}

	@Test
	void emptyBody() throws Exception {
		this.api.failNext(Fault.emptyBody(), 1);

		HttpResponse<String> response = balance();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void oversizedBody() throws Exception {
		this.api.failNext(Fault.oversizedBody(3_000_000), 1);

		HttpResponse<String> response = balance();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().length()).isGreaterThanOrEqualTo(3_000_000);
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length());
		assertThat(StrictJson.object(response.body())).containsOnlyKeys("padding");
	}

	@Test
	void droppedConnectionIsAnIOExceptionForTheClient() throws Exception {
		// a POST: the JDK client silently resends an idempotent GET once when the connection drops
		this.api.failNext(Fault.dropConnection(), 1);
		byte[] body = "{\"payments\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpRequest request = this.client
			.request("POST", "transaction", body, "project_id=1221", SignedClient.now(), SignedClient.nonce(), Map.of())
			.build();

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(this.api.requests()).singleElement().satisfies(r -> {
			assertThat(r.status()).isZero();
			assertThat(r.method()).isEqualTo("POST");
			assertThat(r.projectId()).isEqualTo(1221L);
		});
		assertThat(balance().statusCode()).isEqualTo(200);
	}

	@Test
	void anyStatusAndBody() throws Exception {
		this.api.failNext(Fault.status(418, "{\"error\":\"teapot\"}"), 1);

		HttpResponse<String> response = balance();

		assertThat(response.statusCode()).isEqualTo(418);
		assertThat(response.body()).isEqualTo("{\"error\":\"teapot\"}");
	}

	@Test
	void faultForOnePathLeavesOtherPathsAlone() throws Exception {
		this.api.failNext("get", "wallet/[0-9]+/balance", Fault.badGateway(), 1);

		HttpResponse<String> other = this.client.get("client");
		HttpResponse<String> matching = balance();
		HttpResponse<String> after = balance();

		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(matching.statusCode()).isEqualTo(502);
		assertThat(after.statusCode()).isEqualTo(200);
	}

	@Test
	void faultForMatchingRequests() throws Exception {
		this.api.failNext(r -> Long.valueOf(1222).equals(r.projectId()), Fault.serviceUnavailable(), 1);

		assertThat(balance().statusCode()).isEqualTo(200);
		assertThat(this.client.get("wallet/2112/balance", 1222).statusCode()).isEqualTo(503);
		assertThat(this.client.get("wallet/2112/balance", 1222).statusCode()).isEqualTo(200);
	}

	@Test
	void faultsAreAnsweredBeforeTheSignatureIsChecked() throws Exception {
		this.api.failNext(Fault.badGateway(), 1);

		HttpResponse<String> unsigned = SignedClient
			.send(this.client.unsigned("GET", "wallet/2112/balance", null, Map.of()).build());

		assertThat(unsigned.statusCode()).isEqualTo(502);
	}

	@Test
	void resetDropsPendingFaults() throws Exception {
		this.api.failNext(Fault.badGateway(), 5);

		this.api.reset();

		assertThat(balance().statusCode()).isEqualTo(200);
		JSONObject json = StrictJson.object(balance().body());
		assertThat(json).containsKey("EUR");
	}

}
