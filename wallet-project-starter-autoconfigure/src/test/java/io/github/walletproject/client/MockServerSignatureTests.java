package io.github.walletproject.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MacVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockserver.model.HttpRequest.request;

/**
 * MockServer on a free port receives real calls; its expectation recomputes each request's
 * MAC from the method, path and query as received, the host, the port and the body bytes,
 * with the configured key, and answers only when it matches.
 */
class MockServerSignatureTests {

	static ClientAndServer mockServer;

	static final List<String> verdicts = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() {
		mockServer = ClientAndServer.startClientAndServer(0);
		MacVerifier verifier = MacVerifier.of(TestApps.MAC_ID, TestApps.MAC_KEY);
		mockServer.when(request()).respond(received -> {
			if (received.getPath().getValue().endsWith("/server")) {
				// GET server needs no authentication and is sent without credentials
				verdicts.add((received.getFirstHeader("Authorization").isEmpty()) ? "unsigned server" : "signed server");
				return HttpResponse.response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody("{\"time\":1700000000}");
			}
			MacVerifier.Verification verification = verifier.verify(received.getMethod().getValue(),
					requestUri(received), "127.0.0.1", mockServer.getPort(), body(received),
					received.getFirstHeader("Authorization"));
			verdicts.add(verification.valid() ? "valid " + verification.ext() : "invalid: " + verification.error());
			if (!verification.valid()) {
				return HttpResponse.response()
					.withStatusCode(401)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"unauthorized\",\"error_description\":\"" + verification.error() + "\"}");
			}
			String path = received.getPath().getValue();
			String json = path.endsWith("/balance")
					? "{\"EUR\":{\"at_disposal\":2299,\"at_disposal_decimal\":\"22.99\",\"reserved\":0,\"reserved_decimal\":\"0.00\"}}"
					: path.endsWith("/user/me/projects") ? "[{\"id\":1221,\"title\":\"Shop\"}]"
							: path.endsWith("/project/1221") ? "{\"id\":1221,\"title\":\"Shop\",\"wallet_id\":2112}"
									: "{\"time\":1700000000,\"id\":1}";
			return HttpResponse.response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(json);
		});
	}

	@AfterAll
	static void stop() {
		mockServer.stop();
	}

	@BeforeEach
	void reset() {
		verdicts.clear();
	}

	private static String requestUri(HttpRequest received) {
		StringBuilder uri = new StringBuilder(received.getPath().getValue());
		String query = received.getQueryStringParameters() != null ? received.getQueryStringParameters().getRawParameterString() : null;
		if (query != null && !query.isEmpty()) {
			uri.append('?').append(query);
		}
		return uri.toString();
	}

	private static byte[] body(HttpRequest received) {
		byte[] raw = received.getBodyAsRawBytes();
		return (raw != null) ? raw : new byte[0];
	}

	private ApplicationContextRunner runner(String key) {
		return TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=http://127.0.0.1:" + mockServer.getPort() + "/rest/v1/",
					"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID, "paysera.wallet.credentials.mac-key=" + key,
					"paysera.wallet.projects.shop.id=1221", "paysera.wallet.access.source=configured");
	}

	@Test
	void everyCallIsAcceptedByAnIndependentVerifier() {
		runner(TestApps.MAC_KEY).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThat(ProjectContext.callWith("shop", wallet::balance).currency("EUR")).isPresent();
			ProjectContext.runWith("shop", () -> context.getBean("walletRestClient", RestClient.class)
				.post()
				.uri("transaction?convert_to=EUR&x=a%20b")
				.body(Map.of("amount", 100, "note", "tea & cake"))
				.retrieve()
				.toBodilessEntity());
			wallet.client();
			wallet.serverTime();
			assertThat(verdicts).hasSize(5).endsWith("unsigned server");
			assertThat(verdicts.subList(0, 4)).allMatch(verdict -> verdict.startsWith("valid"));
			assertThat(verdicts.get(0)).contains("project_id=1221");
			assertThat(verdicts.get(2)).contains("body_hash=").contains("project_id=1221");
		});
	}

	@Test
	void aWrongKeyFailsTheCall() {
		runner("not-the-key").run(context -> {
			assertThatExceptionOfType(WalletApiException.Unauthorized.class)
				.isThrownBy(() -> context.getBean(WalletProjects.class).client())
				.withMessageContaining("MAC does not match")
				.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("not-the-key"));
			assertThat(verdicts).singleElement().asString().startsWith("invalid");
		});
	}

}
