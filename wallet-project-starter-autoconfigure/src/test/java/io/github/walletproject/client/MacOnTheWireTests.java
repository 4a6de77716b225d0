package io.github.walletproject.client;

import java.util.List;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real calls to the test kit's {@code MockWalletApi}, whose verifier recomputes each request's
 * MAC from the request-uri exactly as received, the host, the port and the body: every signed
 * call verifies, {@code GET server} goes out without credentials, and a wrong key fails the
 * call without echoing the key. (Moved here from a MockServer test: the same verifier, with the
 * raw request-uri rather than MockServer's re-encoded one.)
 */
class MacOnTheWireTests {

	static MockWalletApi api;

	@BeforeAll
	static void start() {
		api = TestApps.fixtures(MockWalletApi.start());
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@BeforeEach
	void reset() {
		api.reset();
		TestApps.fixtures(api);
	}

	@Test
	void everySignedCallVerifiesAndServerTimeGoesOutUnsigned() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThat(ProjectContext.callWith("shop", wallet::balance).currency("EUR")).isPresent();
			ProjectContext.runWith("shop", () -> context.getBean("walletRestClient", RestClient.class)
				.get()
				.uri("wallet/2112/balance?x=a%20b&y=tea%20%26%20cake")
				.retrieve()
				.toBodilessEntity());
			wallet.client();
			wallet.serverTime();
			List<ReceivedRequest> requests = api.requests();
			List<ReceivedRequest> server = requests.stream().filter(r -> r.path().equals("server")).toList();
			assertThat(server).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
			List<ReceivedRequest> signed = requests.stream().filter(r -> !r.path().equals("server")).toList();
			assertThat(signed).hasSizeGreaterThanOrEqualTo(3).allMatch(ReceivedRequest::signatureValid);
			assertThat(signed).filteredOn(r -> r.requestUri().contains("y=tea"))
				.singleElement()
				.satisfies(r -> assertThat(r.ext()).containsEntry("project_id", "1221"));
			assertThat(api.invalidRequests()).isEmpty();
		});
	}

	@Test
	void aWrongKeyFailsTheCallWithoutEchoingTheKey() {
		TestApps.runner(api).withPropertyValues("paysera.wallet.credentials.mac-key=not-the-key").run(context -> {
			assertThatExceptionOfType(WalletApiException.Unauthorized.class)
				.isThrownBy(() -> context.getBean(WalletProjects.class).client())
				.withMessageContaining("MAC does not match")
				.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("not-the-key"));
			assertThat(api.invalidRequests()).isNotEmpty();
		});
	}

}
