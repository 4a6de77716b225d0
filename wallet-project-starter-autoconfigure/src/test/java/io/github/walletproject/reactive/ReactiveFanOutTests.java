package io.github.walletproject.reactive;

import java.time.Duration;
import java.util.List;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.autoconfigure.WalletFanOutAutoConfiguration;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.fanout.FanOutTimeoutException;
import io.github.walletproject.fanout.ProjectResult;
import io.github.walletproject.fanout.ProjectResult.Outcome;
import io.github.walletproject.fanout.ProjectSelection;
import io.github.walletproject.fanout.ReactiveWalletFanOut;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out for reactive code (issue 28, its reactive bullet): a {@code Flux} of one result
 * per project, in the selection's order, each task's calls on the reactive client routed to its
 * project; a refused project sends nothing, a failing one fails alone, one past the deadline is
 * cancelled and reported as timed out.
 */
@ExtendWith(MockWalletApiExtension.class)
class ReactiveFanOutTests {

	private static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = ReactiveTestApps.fixtures(mock);
	}

	@Test
	void aFluxOfOneResultPerProjectEachInItsOwnProject() {
		ReactiveTestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(WalletFanOutAutoConfiguration.class))
			.withPropertyValues("paysera.wallet.projects.other.id=1223", "paysera.wallet.fan-out.deadline=5s",
					"paysera.wallet.fan-out.concurrency=2")
			.run((context) -> {
				api.reset();
				api.failNext("GET", "wallet/2113/balance", Fault.error(500, "internal_server_error", "boom"), 1);
				api.failNext("GET", "wallet/2125/balance", Fault.slow(Duration.ofSeconds(20)), 1);
				WebClient client = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);
				ReactiveWalletFanOut fanOut = context.getBean(ReactiveWalletFanOut.class);
				// warm: the access list is loaded once, so the deadline measures the tasks alone
				context.getBean(WalletProjects.class).accessibleProjects();

				List<ProjectResult<String>> results = fanOut
					.forEachProject(ProjectSelection.of("shop", "marketplace", "outlet", "other"),
							(project) -> client.get()
								.uri("wallet/{id}/balance", ReactiveTestApps.walletOf(project.idText()))
								.retrieve()
								.bodyToMono(String.class))
					.collectList()
					.block(Duration.ofSeconds(30));

				assertThat(results).extracting((result) -> result.project().id()).containsExactly(1221L, 1222L, 1225L,
						1223L);
				assertThat(results).extracting(ProjectResult::outcome)
					.as("outcomes of %s", results)
					.containsExactly(Outcome.VALUE, Outcome.FAILED, Outcome.TIMED_OUT, Outcome.REFUSED);
				assertThat(results.get(0).value()).contains("22.99");
				assertThat(results.get(1).error()).get().isInstanceOf(WalletApiException.Server.class);
				assertThat(results.get(2).error()).get().isInstanceOf(FanOutTimeoutException.class);
				assertThat(results.get(3).error()).get().isInstanceOf(ProjectAccessDeniedException.class);
				// every request carried its own project, and nothing went out for the refused one
				assertThat(api.requests()).filteredOn((r) -> r.path().startsWith("wallet/"))
					.allSatisfy((r) -> assertThat(r.projectId())
						.isEqualTo(Long.valueOf(projectOf(r))));
				assertThat(api.requests()).noneMatch((r) -> Long.valueOf(1223).equals(r.projectId()));
				assertThat(api).hasOnlyValidSignatures();
			});
	}

	private static String projectOf(ReceivedRequest request) {
		return switch (request.path()) {
			case "wallet/2112/balance" -> "1221";
			case "wallet/2113/balance" -> "1222";
			case "wallet/2125/balance" -> "1225";
			default -> throw new IllegalArgumentException(request.path());
		};
	}

}
