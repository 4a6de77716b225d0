package io.github.walletproject.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The money endpoints of {@link MockWalletApi}, spoken to over HTTP with signed requests: the
 * transaction lifecycle and its refusals, project scoping, paging, users and locations.
 */
class MockWalletApiMoneyTests {

	static final String ID = MockWalletApiTests.ID;

	MockWalletApi api;

	SignedClient client;

	@BeforeEach
	void start() {
		this.api = MockWalletApi.start()
			.client(ID, MockWalletApiTests.KEY)
			.user(ID, 221, "jane@example.com", 14471, 14472)
			.statements(14471, 45, "EUR");
		this.client = new SignedClient(this.api, ID, MockWalletApiTests.KEY);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	private HttpResponse<String> send(String method, String path, String json, long project) throws Exception {
		byte[] body = (json != null) ? json.getBytes(StandardCharsets.UTF_8) : null;
		return this.client.send(method, path, body, (project > 0) ? "project_id=" + project : "", SignedClient.now(),
				SignedClient.nonce(), (body != null) ? Map.of("Content-Type", "application/json") : Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<Object, Object> map(Object value) {
		return (Map<Object, Object>) value;
	}

	private static JSONObject ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return StrictJson.object(response.body());
	}

	private static void refused(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(StrictJson.object(response.body())).containsEntry("error", code);
	}

	private String createTransaction(long project) throws Exception {
		JSONObject created = ok(send("POST", "transaction",
				"{\"payments\":[{\"description\":\"Tote bag\",\"price\":1299,\"currency\":\"EUR\"},"
						+ "{\"items\":[{\"title\":\"Mug\",\"price\":450,\"currency\":\"EUR\",\"quantity\":2}]}]}",
				project));
		return (String) created.get("transaction_key");
	}

	@Test
	void aCreatedTransactionIsNewWithItsPaymentsInCentsAndDecimal() throws Exception {
		JSONObject created = ok(send("POST", "transaction",
				"{\"payments\":[{\"description\":\"Tote bag\",\"price\":1299,\"currency\":\"EUR\"}],"
						+ "\"redirect_uri\":\"https://shop.example/back\"}",
				1221));

		assertThat(created).containsEntry("status", "new").containsEntry("project_id", 1221)
			.containsEntry("redirect_uri", "https://shop.example/back").containsKey("created_at");
		assertThat((String) created.get("transaction_key")).matches("[A-Za-z0-9]{8}");
		JSONObject payment = (JSONObject) ((JSONArray) created.get("payments")).get(0);
		assertThat(payment).containsEntry("status", "new").containsEntry("price", 1299)
			.containsEntry("price_decimal", "12.99").containsEntry("currency", "EUR")
			.containsEntry("transaction_key", created.get("transaction_key"));
		assertThat(this.api.transactionStatus((String) created.get("transaction_key"))).contains("new");
	}

	@Test
	void moneyEndpointsCheckTheSignatureFirst() throws Exception {
		byte[] body = "{\"payments\":[{\"description\":\"x\",\"price\":100,\"currency\":\"EUR\"}]}"
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> badKey = new SignedClient(this.api, ID, "not-the-key").send("POST", "transaction", body,
				"project_id=1221", SignedClient.now(), SignedClient.nonce(), Map.of("Content-Type", "application/json"));
		HttpResponse<String> unsigned = SignedClient.send(this.client.unsigned("GET", "user/me", null, Map.of()).build());

		refused(badKey, 401, "unauthorized");
		refused(unsigned, 401, "unauthorized");
		assertThat(this.api.createdTransactions()).isEmpty();
	}

	@Test
	void aTransactionIsConfirmedOnlyAfterItsPayerAcceptedIt() throws Exception {
		String key = createTransaction(1221);
		refused(send("PUT", "transaction/" + key + "/confirm", "{}", 1221), 409, "invalid_state");

		this.api.acceptTransaction(key, 14471);
		JSONObject reserved = ok(send("GET", "transaction/" + key, null, 1221));
		assertThat(reserved).containsEntry("status", "reserved").containsEntry("wallet", 14471);

		JSONObject confirmed = ok(send("PUT", "transaction/" + key + "/confirm", "{}", 1221));
		assertThat(confirmed).containsEntry("status", "confirmed").containsKey("confirmed_at");
		assertThat((JSONArray) confirmed.get("payments")).allSatisfy(
				p -> assertThat(map(p)).containsEntry("status", "confirmed"));
		refused(send("DELETE", "transaction/" + key, null, 1221), 409, "invalid_state");
		assertThat(this.api.transactionStatus(key)).contains("confirmed");
	}

	@Test
	void confirmingWithFinalPricesLowersThemButNeverRaisesThem() throws Exception {
		String key = createTransaction(1221);
		this.api.acceptTransaction(key, 14471);
		JSONObject transaction = ok(send("GET", "transaction/" + key, null, 1221));
		Object first = ((JSONObject) ((JSONArray) transaction.get("payments")).get(0)).get("id");

		refused(send("PUT", "transaction/" + key + "/confirm",
				"{\"" + first + "\":{\"price\":1500,\"currency\":\"EUR\"}}", 1221), 400, "invalid_parameters");
		refused(send("PUT", "transaction/" + key + "/confirm", "{\"1\":{\"price\":100,\"currency\":\"EUR\"}}", 1221),
				400, "invalid_parameters");
		JSONObject confirmed = ok(send("PUT", "transaction/" + key + "/confirm",
				"{\"" + first + "\":{\"price\":1000,\"currency\":\"EUR\"}}", 1221));

		JSONObject payment = (JSONObject) ((JSONArray) confirmed.get("payments")).get(0);
		assertThat(payment).containsEntry("price", 1000).containsEntry("price_decimal", "10.00");
		JSONObject other = (JSONObject) ((JSONArray) confirmed.get("payments")).get(1);
		assertThat(other).containsEntry("price", 900);
	}

	@Test
	void aNewOrReservedTransactionCanBeRevokedOnce() throws Exception {
		String key = createTransaction(1221);

		assertThat(ok(send("DELETE", "transaction/" + key, null, 1221))).containsEntry("status", "revoked");
		refused(send("DELETE", "transaction/" + key, null, 1221), 409, "invalid_state");
		assertThatIllegalStateException().isThrownBy(() -> this.api.acceptTransaction(key, 14471))
			.withMessageContaining("revoked");
	}

	@Test
	void anotherProjectCannotSeeATransaction() throws Exception {
		String key = createTransaction(1221);

		refused(send("GET", "transaction/" + key, null, 1222), 404, "not_found");
		refused(send("DELETE", "transaction/" + key, null, 1222), 404, "not_found");
		assertThat(this.api.transactionStatus(key)).contains("new");
	}

	@Test
	void aRefusedTransactionLeavesNothingBehind() throws Exception {
		refused(send("POST", "transaction",
				"{\"payments\":[{\"description\":\"Ok\",\"price\":100,\"currency\":\"EUR\"},{\"description\":\"No price\"}]}",
				1221), 400, "invalid_parameters");
		refused(send("POST", "transaction", "{\"payments\":[{\"description\":\"x\",\"price\":1.5,\"currency\":\"EUR\"}]}",
				1221), 400, "invalid_parameters");
		refused(send("POST", "transaction", "not json", 1221), 400, "invalid_request");

		assertThat(this.api.createdTransactions()).isEmpty();
		assertThat(ok(send("GET", "payments", null, 1221)).get("payments")).asInstanceOf(
				org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
	}

	@Test
	void statementsComeInPagesWithMetadataNewestFirst() throws Exception {
		JSONObject first = ok(send("GET", "wallet/14471/statements?limit=20", null, 1221));
		JSONObject third = ok(send("GET", "wallet/14471/statements?limit=20&offset=40", null, 1221));

		assertThat((JSONObject) first.get("_metadata")).containsEntry("total", 45).containsEntry("offset", 0)
			.containsEntry("limit", 20);
		assertThat((JSONArray) first.get("statements")).hasSize(20);
		assertThat((JSONArray) third.get("statements")).hasSize(5);
		JSONObject newest = (JSONObject) ((JSONArray) first.get("statements")).get(0);
		assertThat(newest).containsEntry("id", 14471045).containsEntry("amount", 1000)
			.containsEntry("currency", "EUR").containsEntry("direction", "in").containsKey("other_party");
		refused(send("GET", "wallet/14471/statements?limit=201", null, 1221), 400, "invalid_parameters");
	}

	@Test
	void meIsTheUserOfTheSigningToken() throws Exception {
		assertThat(ok(send("GET", "user/me", null, 0))).containsEntry("id", 221)
			.containsEntry("email", "jane@example.com");
		JSONArray wallets = StrictJson.array(send("GET", "user/me/wallets", null, 0).body());
		assertThat(wallets).extracting(w -> map(w).get("id")).containsExactly(14471, 14472);
		assertThat(ok(send("GET", "wallet/me", null, 1221))).containsEntry("id", 14471).containsEntry("owner", 221);
		assertThat(ok(send("GET", "wallet/me/statements?limit=1", null, 1221)).get("statements"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
	}

	@Test
	void locationsBelongToTheProjectInTheirPath() throws Exception {
		JSONObject created = ok(send("POST", "project/1221/location",
				"{\"title\":\"Vilnius shop\",\"address\":\"Gedimino pr. 1\",\"lat\":54.687,\"lng\":25.279}", 1221));
		Object id = created.get("id");

		refused(send("POST", "project/1221/location", "{\"title\":\"Wrong\"}", 1222), 403, "forbidden");
		refused(send("POST", "project/1221/location", "{\"address\":\"No title\"}", 1221), 400, "invalid_parameters");
		assertThat(ok(send("PUT", "location/" + id, "{\"title\":\"Vilnius old town\"}", 1221)))
			.containsEntry("title", "Vilnius old town").containsEntry("address", "Gedimino pr. 1");
		refused(send("PUT", "location/" + id, "{\"title\":\"Taken\"}", 1222), 403, "forbidden");
		JSONArray listed = StrictJson.array(send("GET", "project/1221/locations?limit=5", null, 1221).body());
		assertThat(listed).singleElement().satisfies(l -> assertThat(map(l)).containsEntry("id", id));
	}

	@Test
	void resetForgetsWhatWasCreatedButKeepsFixtures() throws Exception {
		String key = createTransaction(1221);

		this.api.reset();

		assertThat(this.api.createdTransactions()).isEmpty();
		refused(send("GET", "transaction/" + key, null, 1221), 404, "not_found");
		assertThat(ok(send("GET", "user/me", null, 0))).containsEntry("id", 221);
		assertThat(List.of(ok(send("GET", "wallet/14471/statements", null, 0)).get("_metadata")))
			.singleElement().satisfies(m -> assertThat(map(m)).containsEntry("total", 45));
	}

}
