package io.github.walletproject.sample;

import java.util.List;

import io.github.walletproject.sample.mode.DemoWalletApi;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's reactive endpoint: the balances of two projects fetched concurrently with
 * {@code walletWebClient}, each chain routed to its own project.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = SampleTestProperties.DEMO)
class ReactiveBalancesTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoWalletApi demo;

	MockWalletApi api;

	@BeforeEach
	void reset() {
		this.api = this.demo.api().reset();
	}

	@Test
	void twoProjectsAreReadConcurrentlyEachInItsOwnProject() {
		ApiClient.Response balances = new ApiClient(this.port).get("/api/reactive/balances?projects=shop,marketplace");

		assertThat(balances.status()).isEqualTo(200);
		assertThat(balances.<List<String>>json("$[*].project")).containsExactlyInAnyOrder("shop", "marketplace");
		assertThat(balances.<List<Integer>>json("$[*].projectId")).containsExactlyInAnyOrder(1221, 1222);
		List<ReceivedRequest> reads = this.api.requests().stream().filter(r -> r.path().endsWith("/balance")).toList();
		assertThat(reads).extracting(ReceivedRequest::projectId).containsExactlyInAnyOrder(1221L, 1222L);
		assertThat(this.api).hasOnlyValidSignatures().hasNoMisroutedRequests();
	}

}
