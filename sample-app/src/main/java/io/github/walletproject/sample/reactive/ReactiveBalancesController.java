package io.github.walletproject.sample.reactive;

import java.util.List;
import java.util.Map;

import io.github.walletproject.ProjectRef;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.routing.ProjectRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive Wallet client: the balances of several projects, fetched concurrently on
 * Reactor Netty's event loops, each chain bound to its own project in the Reactor Context
 * ({@code WalletReactive.withProject}). Nothing here blocks a thread.
 */
@RestController
@RequestMapping("/api/reactive")
class ReactiveBalancesController {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final WebClient wallet;

	private final ProjectRegistry registry;

	ReactiveBalancesController(@Qualifier("walletWebClient") WebClient wallet, ProjectRegistry registry) {
		this.wallet = wallet;
		this.registry = registry;
	}

	@GetMapping("/balances")
	Mono<List<Map<String, Object>>> balances(@RequestParam(defaultValue = "shop,marketplace") List<String> projects) {
		return Flux.fromIterable(projects)
			.flatMap(project -> WalletReactive.withProject(project, balance(project)))
			.collectList();
	}

	/** The project's details name its default wallet; then that wallet's balance. */
	private Mono<Map<String, Object>> balance(String project) {
		String id = this.registry.resolve(ProjectRef.parse(project, "request parameter projects"), "projects").idText();
		return this.wallet.get()
			.uri("project/{id}", id)
			.retrieve()
			.bodyToMono(JSON)
			.flatMap(details -> this.wallet.get()
				.uri("wallet/{id}/balance", details.get("wallet_id"))
				.retrieve()
				.bodyToMono(JSON)
				.map(balance -> Map.<String, Object>of("project", project, "projectId", details.get("id"),
						"walletId", details.get("wallet_id"), "balance", balance)));
	}

}
