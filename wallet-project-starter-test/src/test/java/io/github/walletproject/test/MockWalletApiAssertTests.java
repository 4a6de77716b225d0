package io.github.walletproject.test;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockWalletApiAssert} passes when the mock received what is asserted and fails with a
 * message that says what was expected and what arrived.
 */
class MockWalletApiAssertTests {

	MockWalletApi api;

	SignedClient client;

	@BeforeEach
	void start() {
		this.api = MockWalletApi.start()
			.client(MockWalletApiTests.ID, MockWalletApiTests.KEY)
			.alias("shop", 1221)
			.alias("marketplace", 1222)
			.balance(2112, "EUR", "1.00", "0.00");
		this.client = new SignedClient(this.api, MockWalletApiTests.ID, MockWalletApiTests.KEY);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void countsRequestsForAProjectByAliasAndById() throws Exception {
		this.client.get("wallet/2112/balance", 1221);
		this.client.get("wallet/2112/balance", 1221);
		this.client.get("wallet/2112/balance", 1222);
		this.client.get("server");

		assertThatNoException().isThrownBy(() -> assertThat(this.api).received(2)
			.requestsForProject("shop")
			.received(1)
			.requestsForProject("marketplace")
			.received(1)
			.requestsForProject(1222)
			.received(2)
			.requestsForProject("1221")
			.received(1)
			.requestsWithoutProject()
			.received(4)
			.requests()
			.received(3)
			.requestsTo("get", "wallet/2112/balance")
			.received(1)
			.requestsTo("GET", "server"));

		assertThatThrownBy(() -> assertThat(this.api).received(1).requestsForProject("shop"))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Expected 1 requests for project shop but received 2. All requests: [")
			.hasMessageContaining("GET /rest/v1/wallet/2112/balance project=1221 status=200")
			.hasMessageContaining("GET /rest/v1/server project=null status=200");
		assertThatThrownBy(() -> assertThat(this.api).received(3).requestsForProject(1222))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Expected 3 requests for project 1222 but received 1.");
		assertThatThrownBy(() -> assertThat(this.api).received(0).requestsWithoutProject())
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Expected 0 requests without a project but received 1.");
		assertThatThrownBy(() -> assertThat(this.api).received(5).requests())
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Expected 5 requests but received 4.");
		assertThatThrownBy(() -> assertThat(this.api).received(1).requestsTo("POST", "transaction"))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Expected 1 requests to POST transaction but received 0.");
		assertThatThrownBy(() -> assertThat(this.api).receivedNothing()).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Expected 0 requests but received 4.");
	}

	@Test
	void receivedNothingPassesOnAFreshMock() {
		assertThatNoException().isThrownBy(() -> assertThat(this.api).receivedNothing()
			.received(0)
			.requestsForProject("shop")
			.hasOnlyValidSignatures()
			.hasNoMisroutedRequests());
	}

	@Test
	void unknownAliasIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> assertThat(this.api).received(0).requestsForProject("nope"))
			.withMessageContaining("Unknown project alias 'nope'")
			.withMessageContaining("shop")
			.withMessageContaining("marketplace");
	}

	@Test
	void hasOnlyValidSignatures() throws Exception {
		this.client.get("wallet/2112/balance", 1221);
		SignedClient.send(this.client.unsigned("GET", "server", null, Map.of()).build());

		assertThatNoException().isThrownBy(() -> assertThat(this.api).hasOnlyValidSignatures());

		new SignedClient(this.api, MockWalletApiTests.ID, "wrong key").get("wallet/2112/balance", 1222);

		assertThatThrownBy(() -> assertThat(this.api).hasOnlyValidSignatures()).isInstanceOf(AssertionError.class)
			.hasMessage("Expected only valid MAC signatures, but 1 request(s) had invalid ones: "
					+ "[GET /rest/v1/wallet/2112/balance project=1222 status=401 INVALID(MAC does not match)]");
	}

	@Test
	void hasNoMisroutedRequests() throws Exception {
		String header = MockWalletApi.EXPECTED_PROJECT_HEADER;
		this.client.send("GET", "wallet/2112/balance", null, "project_id=1221", SignedClient.now(), SignedClient.nonce(),
				Map.of(header, "1221"));
		this.client.get("wallet/2112/balance", 1222);

		assertThatNoException().isThrownBy(() -> assertThat(this.api).hasNoMisroutedRequests());

		this.client.send("GET", "wallet/2112/balance", null, "project_id=1222", SignedClient.now(), SignedClient.nonce(),
				Map.of(header, "1221"));
		this.client.send("GET", "client", null, "", SignedClient.now(), SignedClient.nonce(), Map.of(header, "1221"));

		assertThatThrownBy(() -> assertThat(this.api).hasNoMisroutedRequests()).isInstanceOf(AssertionError.class)
			.hasMessage("Expected every request to carry the project it was meant for, but 2 did not: "
					+ "[GET /rest/v1/wallet/2112/balance project=1222 status=200, "
					+ "GET /rest/v1/client project=null status=200]");
	}

	@Test
	void nullMockFails() {
		assertThatThrownBy(() -> assertThat((MockWalletApi) null).received(1).requests())
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expecting actual not to be null");
	}

}
