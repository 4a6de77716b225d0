package io.github.walletproject.readme;

import java.util.List;
import java.util.concurrent.ExecutorService;

import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.WalletTransactions;

import org.springframework.web.client.RestClient;

/**
 * What a README snippet that is not a whole compilation unit may use without declaring it:
 * the superclass of the class generated around it. A snippet of member declarations (a
 * {@code @Bean} method, an annotated service method) becomes the body of that class; a snippet
 * of statements becomes the body of a method {@code void snippet() throws Exception} in it.
 * Both are compiled only, never run, so the variables below are never assigned.
 * <p>
 * In scope, besides the {@link #IMPORTS imports}: the variables below (fields of this class,
 * so a snippet may declare its own of the same name), the nested {@link Order} type, and every
 * type the README declares in a whole compilation unit (such as {@code OrderPayments}), which
 * is compiled first, in the same unnamed package. A snippet that needs more states it, or is
 * marked {@code <!-- snippet: fragment -->} before its fence.
 */
public abstract class SnippetContext {

	/**
	 * The imports of every generated class: the starter's API packages, the test kit, and the
	 * Spring and JDK types the README's snippets use. On-demand imports for the starter's
	 * packages (their simple names are distinct), single types for everything else, so no
	 * simple name is ambiguous.
	 */
	static final List<String> IMPORTS = List.of("io.github.walletproject.*", "io.github.walletproject.access.*",
			"io.github.walletproject.auth.*", "io.github.walletproject.autoconfigure.*",
			"io.github.walletproject.client.*", "io.github.walletproject.money.*", "io.github.walletproject.routing.*",
			"io.github.walletproject.test.*", "java.math.BigDecimal", "java.time.Duration", "java.util.List",
			"java.util.Map", "java.util.Optional", "java.util.concurrent.CompletableFuture",
			"java.util.concurrent.ExecutorService", "java.util.concurrent.Executors",
			"io.micrometer.context.ContextExecutorService", "io.micrometer.context.ContextSnapshot",
			"io.micrometer.context.ContextSnapshotFactory", "org.springframework.beans.factory.annotation.Autowired",
			"org.springframework.beans.factory.annotation.Qualifier", "org.springframework.context.annotation.Bean",
			"org.springframework.context.annotation.Configuration",
			"org.springframework.core.task.support.ContextPropagatingTaskDecorator",
			"org.springframework.scheduling.annotation.Async",
			"org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor",
			"org.springframework.stereotype.Component", "org.springframework.stereotype.Service",
			"org.springframework.web.client.RestClient");

	/** The starter's project-aware client ({@code WalletProjects}), as a service injects it. */
	protected WalletProjects wallet;

	/** The signed, routed {@code RestClient}, injected with {@code @Qualifier("walletRestClient")}. */
	protected RestClient walletRestClient;

	/** An application's executor, to be wrapped for context propagation. */
	protected ExecutorService pool;

	/** A request body an application sends. */
	protected Object payment;

	/** An application's order. */
	protected Order order;

	/** The typed client of {@code POST transaction} and its friends. */
	protected WalletTransactions transactions;

	/**
	 * An application's order, as the README's money and SpEL examples use it.
	 *
	 * @param id the order number
	 * @param projectId the project the order is paid in
	 */
	public record Order(long id, long projectId) {

	}

}
