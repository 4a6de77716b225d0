package io.github.walletproject.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MockWalletApi} driven over real HTTP by the JDK client: it verifies MACs and refuses
 * bad ones the way Paysera does, refuses reused nonces and skewed timestamps, records the
 * project of every request and serves its fixtures in the documented JSON shapes.
 */
class MockWalletApiTests {

	static final String ID = "shop-client";

	static final String KEY = "shop-secret-key";

	static final Set<String> ERROR_FIELDS = Set.of("error", "error_description", "error_uri", "error_properties",
			"error_data");

	MockWalletApi api;

	SignedClient client;

	@BeforeEach
	void start() {
		this.api = MockWalletApi.start().client(ID, KEY);
		this.client = new SignedClient(this.api, ID, KEY);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	/** Assert a Paysera-shaped error response and return its {@code error_description}. */
	static String assertPayseraError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JSONObject body = StrictJson.object(response.body());
		assertThat(body.keySet()).contains("error").isSubsetOf(ERROR_FIELDS);
		assertThat(body.get("error")).isEqualTo(code);
		assertThat(body.get("error_description")).isInstanceOf(String.class);
		assertThat(response.headers().firstValue("paysera-correlation-id")).isPresent();
		return (String) body.get("error_description");
	}

	@Nested
	class Authentication {

		@Test
		void acceptsAValidSignatureAndRecordsTheRequestAsReceived() throws Exception {
			MockWalletApiTests.this.api.project(1221, "Shop", 2112L);

			HttpResponse<String> response = MockWalletApiTests.this.client.get("project/1221?x=%20y", 1221);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(MockWalletApiTests.this.api.requests()).singleElement().satisfies(request -> {
				assertThat(request.method()).isEqualTo("GET");
				assertThat(request.path()).isEqualTo("project/1221");
				assertThat(request.requestUri()).isEqualTo("/rest/v1/project/1221?x=%20y");
				assertThat(request.signatureValid()).isTrue();
				assertThat(request.verification().macId()).isEqualTo(ID);
				assertThat(request.ext()).containsExactly(Map.entry("project_id", "1221"));
				assertThat(request.projectId()).isEqualTo(1221L);
				assertThat(request.status()).isEqualTo(200);
			});
			assertThat(MockWalletApiTests.this.api.invalidRequests()).isEmpty();
		}

		@Test
		void refusesAWrongKeyWithAPayseraShaped401() throws Exception {
			SignedClient wrongKey = new SignedClient(MockWalletApiTests.this.api, ID, "not-the-key");

			HttpResponse<String> response = wrongKey.get("client");

			String description = assertPayseraError(response, 401, "unauthorized");
			assertThat(description).isEqualTo("Invalid MAC: MAC does not match");
			assertThat(MockWalletApiTests.this.api.invalidRequests()).singleElement().satisfies(request -> {
				assertThat(request.signatureValid()).isFalse();
				assertThat(request.status()).isEqualTo(401);
			});
		}

		@Test
		void refusesAnUnknownMacId() throws Exception {
			HttpResponse<String> response = new SignedClient(MockWalletApiTests.this.api, "stranger", KEY).get("client");

			assertThat(assertPayseraError(response, 401, "unauthorized")).isEqualTo("Invalid MAC: unknown MAC id");
		}

		@Test
		void refusesABodyChangedAfterSigning() throws Exception {
			byte[] signed = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);
			byte[] sent = "{\"amount\":900}".getBytes(StandardCharsets.UTF_8);
			var request = MockWalletApiTests.this.client
				.request("POST", "transaction", signed, "", SignedClient.now(), SignedClient.nonce(), Map.of())
				.method("POST", java.net.http.HttpRequest.BodyPublishers.ofByteArray(sent))
				.build();

			HttpResponse<String> response = SignedClient.send(request);

			assertThat(assertPayseraError(response, 401, "unauthorized"))
				.isEqualTo("Invalid MAC: body_hash does not match the body received");
		}

		@Test
		void refusesARequestWithoutAuthorization() throws Exception {
			HttpResponse<String> response = SignedClient
				.send(MockWalletApiTests.this.client.unsigned("GET", "client", null, Map.of()).build());

			assertThat(assertPayseraError(response, 401, "unauthorized")).isEqualTo("Authorization header is missing");
			assertThat(MockWalletApiTests.this.api.requests()).singleElement()
				.satisfies(request -> assertThat(request.verification()).isNull());
		}

		@Test
		void servesServerTimeWithoutAuthorization() throws Exception {
			HttpResponse<String> response = SignedClient
				.send(MockWalletApiTests.this.client.unsigned("GET", "server", null, Map.of()).build());

			assertThat(response.statusCode()).isEqualTo(200);
		}

		@Test
		void refusesAReusedNonce() throws Exception {
			SignedClient client = MockWalletApiTests.this.client;
			String nonce = SignedClient.nonce();

			HttpResponse<String> first = client.send("GET", "client", null, "", SignedClient.now(), nonce, Map.of());
			HttpResponse<String> again = client.send("GET", "wallet/1/balance", null, "project_id=1",
					SignedClient.now() - 1, nonce, Map.of());
			HttpResponse<String> fresh = client.send("GET", "client", null, "", SignedClient.now(), SignedClient.nonce(),
					Map.of());

			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(assertPayseraError(again, 401, "unauthorized")).isEqualTo("Nonce was already used");
			assertThat(fresh.statusCode()).isEqualTo(200);
			// the refused request was validly signed: it is not counted as a bad signature
			assertThat(MockWalletApiTests.this.api.invalidRequests()).isEmpty();
		}

		@Test
		void answersInvalidTimestampOutsideTheDefaultFiveMinuteWindow() throws Exception {
			long now = 1_700_000_000L;
			MockWalletApiTests.this.api.clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));

			assertThat(status(now + 300)).isEqualTo(200);
			assertThat(status(now - 300)).isEqualTo(200);
			assertThat(assertPayseraError(signedAt(now + 301), 401, "invalid_timestamp"))
				.isEqualTo("Timestamp is in future");
			assertThat(assertPayseraError(signedAt(now - 301), 401, "invalid_timestamp"))
				.isEqualTo("Timestamp lifetime exceeded");
		}

		@Test
		void allowedSkewAndServerClockOffsetMoveTheWindow() throws Exception {
			long now = 1_700_000_000L;
			MockWalletApi api = MockWalletApiTests.this.api;
			api.clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).allowedSkew(Duration.ofSeconds(10));

			assertThat(status(now + 10)).isEqualTo(200);
			assertPayseraError(signedAt(now + 11), 401, "invalid_timestamp");
			assertPayseraError(signedAt(now - 11), 401, "invalid_timestamp");

			api.serverClockOffset(Duration.ofHours(1));
			assertPayseraError(signedAt(now), 401, "invalid_timestamp");
			assertThat(status(now + 3600)).isEqualTo(200);
			HttpResponse<String> server = SignedClient
				.send(MockWalletApiTests.this.client.unsigned("GET", "server", null, Map.of()).build());
			assertThat(StrictJson.object(server.body())).containsEntry("time", (int) (now + 3600));
		}

		private HttpResponse<String> signedAt(long ts) throws Exception {
			return MockWalletApiTests.this.client.send("GET", "client", null, "", ts, SignedClient.nonce(), Map.of());
		}

		private int status(long ts) throws Exception {
			HttpResponse<String> response = signedAt(ts);
			return response.statusCode();
		}

	}

	@Nested
	class Projects {

		@Test
		void recordsTheProjectIdOfEachRequest() throws Exception {
			SignedClient client = MockWalletApiTests.this.client;
			MockWalletApi api = MockWalletApiTests.this.api;

			client.get("wallet/2112/balance", 1221);
			client.send("GET", "wallet/2113/balance", null, "project_id=1222&location_id=77", SignedClient.now(),
					SignedClient.nonce(), Map.of());
			client.get("wallet/2112/balance", 1221);
			client.get("client");

			assertThat(api.requests()).extracting(ReceivedRequest::projectId).containsExactly(1221L, 1222L, 1221L, null);
			assertThat(api.requestsForProject(1221)).hasSize(2);
			assertThat(api.requestsForProject(1222)).singleElement()
				.satisfies(r -> assertThat(r.ext()).containsExactly(Map.entry("project_id", "1222"),
						Map.entry("location_id", "77")));
			assertThat(api.requestsForProject(9999)).isEmpty();
		}

		@Test
		void recordsTheProjectHeaderOfUnsignedCertificateModeRequests() throws Exception {
			MockWalletApi api = MockWalletApiTests.this.api.balance(2112, "EUR", "1.00", "0.00");
			var request = MockWalletApiTests.this.client
				.unsigned("GET", "wallet/2112/balance", null, Map.of("Wallet-Api-Project-Id", "1221"))
				.build();

			assertThat(SignedClient.send(request).statusCode()).isEqualTo(401);
			api.acceptUnsignedRequests(true);
			assertThat(SignedClient.send(request).statusCode()).isEqualTo(200);

			assertThat(api.requests()).extracting(ReceivedRequest::projectId).containsExactly(1221L, 1221L);
			assertThat(api.requests()).extracting(ReceivedRequest::status).containsExactly(401, 200);
		}

		@Test
		void refusesProjectsOutsideTheClientsProjects() throws Exception {
			MockWalletApi api = MockWalletApiTests.this.api.userProjects(ID, 1221).project(1222, "Other", null);

			assertPayseraError(MockWalletApiTests.this.client.get("project/1222", 1222), 403, "forbidden");
			api.enforceProjectAccess(false);
			assertThat(MockWalletApiTests.this.client.get("project/1222", 1222).statusCode()).isEqualTo(200);
		}

		@Test
		void createsTransactionsAndRecordsTheBody() throws Exception {
			byte[] body = "{\"payments\":[]}".getBytes(StandardCharsets.UTF_8);

			HttpResponse<String> first = MockWalletApiTests.this.client.send("POST", "transaction", body,
					"project_id=1221", SignedClient.now(), SignedClient.nonce(), Map.of("Content-Type", "application/json"));
			HttpResponse<String> second = MockWalletApiTests.this.client.send("POST", "transaction", body,
					"project_id=1221", SignedClient.now(), SignedClient.nonce(), Map.of("Content-Type", "application/json"));

			assertThat(first.statusCode()).isEqualTo(200);
			JSONObject created = StrictJson.object(first.body());
			assertThat(created).containsEntry("status", "new").containsEntry("project_id", 1221).containsKey("transaction_key");
			assertThat(StrictJson.object(second.body()).get("transaction_key")).isNotEqualTo(created.get("transaction_key"));
			assertThat(MockWalletApiTests.this.api.requests()).allSatisfy(r -> {
				assertThat(r.bodyText()).isEqualTo("{\"payments\":[]}");
				assertThat(r.ext()).containsKeys("body_hash", "project_id");
			});
		}

		@Test
		void respondsWithACustomRouteAfterCheckingTheSignature() throws Exception {
			MockWalletApiTests.this.api.respond("get", "payment/[0-9]+", 200, "{\"id\":5}");

			assertThat(MockWalletApiTests.this.client.get("payment/5").body()).isEqualTo("{\"id\":5}");
			assertThat(new SignedClient(MockWalletApiTests.this.api, ID, "bad").get("payment/5").statusCode())
				.isEqualTo(401);
			assertPayseraError(MockWalletApiTests.this.client.get("payouts"), 404, "not_found");
		}

	}

	@Nested
	class Fixtures {

		@Test
		void serverTime() throws Exception {
			long before = Instant.now().getEpochSecond();
			HttpResponse<String> response = MockWalletApiTests.this.client.get("server");
			long after = Instant.now().getEpochSecond();

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
			JSONObject json = StrictJson.object(response.body());
			assertThat(json).containsOnlyKeys("time");
			assertThat(json.get("time")).isInstanceOfAny(Integer.class, Long.class);
			assertThat(((Number) json.get("time")).longValue()).isBetween(before, after);
		}

		@Test
		void project() throws Exception {
			MockWalletApiTests.this.api.project(1221, "Shop \"A\"", 2112L, "The e-shop").project(1222, "Bare", null);

			JSONObject full = StrictJson.object(MockWalletApiTests.this.client.get("project/1221").body());
			JSONObject bare = StrictJson.object(MockWalletApiTests.this.client.get("project/1222").body());

			assertThat(full).containsOnlyKeys("id", "title", "description", "wallet_id", "owner_display_name")
				.containsEntry("id", 1221)
				.containsEntry("title", "Shop \"A\"")
				.containsEntry("description", "The e-shop")
				.containsEntry("wallet_id", 2112);
			assertThat(full.get("owner_display_name")).isInstanceOf(String.class);
			assertThat(bare).containsKeys("id", "title")
				.doesNotContainKeys("wallet_id", "description")
				.containsEntry("id", 1222)
				.containsEntry("title", "Bare");
			assertThat(bare.values()).doesNotContainNull();
			assertPayseraError(MockWalletApiTests.this.client.get("project/1223"), 404, "not_found");
		}

		@Test
		void userProjects() throws Exception {
			MockWalletApiTests.this.api.project(1221, "Shop", 2112L)
				.project(1222, "Marketplace", 2113L)
				.project(1230, "Not mine", null)
				.userProjects(ID, 1222, 1221, 1240);

			HttpResponse<String> response = MockWalletApiTests.this.client.get("user/me/projects");

			assertThat(response.statusCode()).isEqualTo(200);
			JSONArray projects = StrictJson.array(response.body());
			assertThat(projects).hasSize(3).allSatisfy(project -> {
				assertThat(project).isInstanceOf(JSONObject.class);
				assertThat((JSONObject) project).containsKeys("id", "title");
				assertThat(((JSONObject) project).values()).doesNotContainNull();
			});
			assertThat(projects).extracting(p -> ((JSONObject) p).get("id")).containsExactly(1222, 1221, 1240);
			assertThat(projects).extracting(p -> ((JSONObject) p).get("title"))
				.containsExactly("Marketplace", "Shop", "Project 1240");
		}

		@Test
		void userProjectsWithoutAListAreAllProjects() throws Exception {
			MockWalletApiTests.this.api.project(1222, "Marketplace", 2113L).project(1221, "Shop", 2112L);

			JSONArray projects = StrictJson.array(MockWalletApiTests.this.client.get("user/me/projects").body());

			assertThat(projects).extracting(p -> ((JSONObject) p).get("id")).containsExactly(1221, 1222);
		}

		@Test
		void client() throws Exception {
			JSONObject fallback = StrictJson.object(MockWalletApiTests.this.client.get("client").body());
			MockWalletApiTests.this.api.clientInfo(ID, "My shop", "private_client", List.of("projects", "balance"));
			JSONObject configured = StrictJson.object(MockWalletApiTests.this.client.get("client").body());

			for (JSONObject client : List.of(fallback, configured)) {
				assertThat(client.keySet()).contains("title", "type", "permissions")
					.isSubsetOf("id", "title", "type", "permissions", "project", "hosts");
				assertThat(client.get("title")).isInstanceOf(String.class);
				assertThat(client.get("type")).isIn("private_client", "application", "app_client");
				assertThat(client.get("permissions")).isInstanceOf(JSONArray.class);
				assertThat((JSONArray) client.get("permissions")).allSatisfy(p -> assertThat(p).isInstanceOf(String.class));
			}
			assertThat(configured).containsEntry("title", "My shop").containsEntry("type", "private_client");
			assertThat(configured.get("id")).isInstanceOfAny(Integer.class, Long.class);
			assertThat((JSONArray) configured.get("permissions")).containsExactly("projects", "balance");
		}

		@Test
		void walletBalance() throws Exception {
			MockWalletApiTests.this.api.balance(2112, "EUR", "22.99", "0.00").balance(2112, "USD", "5.00", "1.25");

			HttpResponse<String> response = MockWalletApiTests.this.client.get("wallet/2112/balance", 1221);

			assertThat(response.statusCode()).isEqualTo(200);
			JSONObject balance = StrictJson.object(response.body());
			assertThat(balance).containsOnlyKeys("EUR", "USD");
			assertThat((JSONObject) balance.get("EUR")).containsOnly(Map.entry("at_disposal", 2299),
					Map.entry("at_disposal_decimal", "22.99"), Map.entry("reserved", 0),
					Map.entry("reserved_decimal", "0.00"));
			assertThat((JSONObject) balance.get("USD")).containsOnly(Map.entry("at_disposal", 500),
					Map.entry("at_disposal_decimal", "5.00"), Map.entry("reserved", 125),
					Map.entry("reserved_decimal", "1.25"));
			assertPayseraError(MockWalletApiTests.this.client.get("wallet/9999/balance"), 404, "not_found");
		}

		@Test
		void wallet() throws Exception {
			JSONObject wallet = StrictJson.object(MockWalletApiTests.this.client.get("wallet/14471").body());

			assertThat(wallet).containsEntry("id", 14471).containsKeys("owner", "account");
			assertThat((JSONObject) wallet.get("account")).containsKey("number");
		}

	}

}
