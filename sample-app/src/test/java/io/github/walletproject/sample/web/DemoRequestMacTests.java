package io.github.walletproject.sample.web;

import java.util.List;
import java.util.Map;

import io.github.walletproject.test.MacVerifier;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the demo request log reads a request's MAC check: only {@code GET server} is unsigned
 * by design.
 */
class DemoRequestMacTests {

	@Test
	void getServerWithoutMacIsUnsignedByDesign() {
		assertThat(StarterInsightController.mac(request("GET", "server", null, null))).isEqualTo("unsigned-by-design");
	}

	@Test
	void getPublicKeyWithoutMacIsUnsignedByDesign() {
		// the key that verifies Paysera's callbacks, fetched unauthenticated from the API host's root
		assertThat(StarterInsightController.mac(request("GET", "/publickey", null, null))).isEqualTo("unsigned-by-design");
		assertThat(StarterInsightController.mac(request("POST", "/publickey", null, null))).isEqualTo("unsigned");
	}

	@Test
	void anyOtherCallWithoutMacIsUnsigned() {
		assertThat(StarterInsightController.mac(request("GET", "client", null, null))).isEqualTo("unsigned");
		assertThat(StarterInsightController.mac(request("POST", "server", null, null))).isEqualTo("unsigned");
	}

	@Test
	void signedCallsAreValidOrInvalid() {
		assertThat(StarterInsightController.mac(request("GET", "client", verification(true), null))).isEqualTo("valid");
		assertThat(StarterInsightController.mac(request("GET", "server", verification(false), null)))
			.isEqualTo("invalid");
	}

	@Test
	void aClientCertificateTakesTheMacsPlace() {
		assertThat(StarterInsightController.mac(request("GET", "client", null, "CN=demo"))).isEqualTo("certificate");
	}

	private static MacVerifier.Verification verification(boolean valid) {
		return new MacVerifier.Verification(valid, valid ? null : "bad signature", "demo-dashboard", 1L, "nonce",
				Map.of());
	}

	private static ReceivedRequest request(String method, String path, MacVerifier.Verification verification,
			String certificate) {
		return new ReceivedRequest(method, path, "/rest/v1/" + path, Map.of("accept", List.of("application/json")),
				new byte[0], verification, null, 200, certificate);
	}

}
