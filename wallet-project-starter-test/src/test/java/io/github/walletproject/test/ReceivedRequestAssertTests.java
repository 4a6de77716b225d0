package io.github.walletproject.test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The body, query and project of a received request can be read ({@link ReceivedRequest}) and
 * asserted ({@link ReceivedRequestAssert}); failures say what was expected and what arrived.
 */
class ReceivedRequestAssertTests {

	static final String BODY = "{\"payments\":[{\"description\":\"Tote bag\",\"price\":1299,\"currency\":\"EUR\","
			+ "\"parameters\":{\"order\":\"A-1\"}}],\"auto_confirm\":false,\"callback_uri\":null,"
			+ "\"final\":{\"2987\":{\"price\":1000}}}";

	MockWalletApi api;

	SignedClient client;

	@BeforeEach
	void start() throws Exception {
		this.api = MockWalletApi.start().client(MockWalletApiTests.ID, MockWalletApiTests.KEY);
		this.client = new SignedClient(this.api, MockWalletApiTests.ID, MockWalletApiTests.KEY);
		this.client.send("POST", "transaction?lang=lt&x=a%20b", BODY.getBytes(StandardCharsets.UTF_8),
				"project_id=1221", SignedClient.now(), SignedClient.nonce(), Map.of("Content-Type", "application/json"));
		this.client.get("server");
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	private ReceivedRequest posted() {
		return this.api.requests().get(0);
	}

	@Test
	void theBodyIsParsedIntoMapsListsAndDecimals() {
		Object json = posted().bodyJson();

		assertThat(json).isInstanceOf(Map.class);
		assertThat(posted().bodyField("payments[0].price")).contains(new BigDecimal("1299"));
		assertThat(posted().bodyField("payments[0].parameters.order")).contains("A-1");
		assertThat(posted().bodyField("['final']['2987'].price")).contains(new BigDecimal("1000"));
		assertThat(posted().bodyField("auto_confirm")).contains(false);
		assertThat(posted().bodyField("payments[1]")).isEmpty();
		// a JSON null is present but has no value
		assertThat(posted().hasBodyField("callback_uri")).isTrue();
		assertThat(posted().bodyField("callback_uri")).isEmpty();
		assertThat(posted().hasBodyField("redirect_uri")).isFalse();
	}

	@Test
	void theQueryIsDecoded() {
		assertThat(posted().queryParameters()).containsEntry("lang", List.of("lt")).containsEntry("x", List.of("a b"));
		assertThat(posted().queryParameter("x")).contains("a b");
		assertThat(this.api.requests().get(1).queryParameters()).isEmpty();
	}

	@Test
	void aRequestWithoutABodyHasNoFields() {
		ReceivedRequest get = this.api.requests().get(1);

		assertThat(get.hasBodyField("anything")).isFalse();
		assertThatIllegalStateException().isThrownBy(get::bodyJson).withMessageContaining("GET server had no body");
	}

	@Test
	void assertionsPassOnWhatArrived() {
		assertThatNoException().isThrownBy(() -> assertThat(this.api).lastRequestTo("post", "transaction")
			.isForProject(1221)
			.hasValidSignature()
			.hasStatus(200)
			.hasQueryParameter("x", "a b")
			.doesNotHaveQueryParameter("y")
			.hasBodyField("payments[0].price", 1299)
			.hasBodyField("payments[0].price", 1299.0)
			.hasBodyField("payments[0].currency", "EUR")
			.hasBodyField("callback_uri", null)
			.doesNotHaveBodyField("project_id")
			.hasBodyFieldNames("payments[0]", "description", "price", "currency", "parameters"));
		assertThatNoException().isThrownBy(() -> assertThat(this.api).lastRequestTo("GET", "server").isWithoutProject());
	}

	@Test
	void assertionsFailWithWhatWasExpectedAndWhatArrived() {
		assertThatThrownBy(() -> assertThat(this.api).lastRequestTo("POST", "transaction").hasBodyField("payments[0].price", 1300))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected body field 'payments[0].price' to be <1300> but was <1299>");
		assertThatThrownBy(() -> assertThat(this.api).lastRequestTo("POST", "transaction").hasBodyField("payments[0].cents"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected body field 'payments[0].cents'");
		assertThatThrownBy(() -> assertThat(this.api).lastRequestTo("POST", "transaction").doesNotHaveBodyField("auto_confirm"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected no body field 'auto_confirm'");
		assertThatThrownBy(() -> assertThat(this.api).lastRequestTo("POST", "transaction").isForProject(1222))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("to be for project 1222 but it carried project 1221");
		assertThatThrownBy(() -> assertThat(this.api).lastRequestTo("POST", "transaction")
			.hasBodyFieldNames("payments[0]", "description", "price"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("to have the fields [description, price]");
		assertThatThrownBy(() -> assertThat(this.api).lastRequestTo("DELETE", "transaction/x"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected a request to DELETE transaction/x but received none");
	}

}
