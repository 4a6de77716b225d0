package io.github.walletproject.readme;

import java.util.concurrent.ExecutorService;

import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.oauth.WalletUserTokens;

import org.springframework.web.client.RestClient;

/**
 * What a README snippet that is not a whole compilation unit may use without declaring it:
 * the superclass of the class generated around it. A snippet of member declarations (a
 * {@code @Bean} method, an annotated service method) becomes the body of that class; a snippet
 * of statements becomes the body of a method {@code void snippet() throws Exception} in it.
 * Both are compiled only, never run, so the variables below are never assigned.
 * <p>
 * Nothing is imported for a block: it shows its own imports, which open the generated class.
 * In scope besides them: the variables below (fields of this class,
 * so a snippet may declare its own of the same name), the nested {@link Order} type, and every
 * type the README declares in a whole compilation unit (such as {@code OrderPayments}), which
 * is compiled first, in the same unnamed package. A snippet that needs more states it, or is
 * marked {@code <!-- snippet: fragment -->} before its fence.
 */
public abstract class SnippetContext {

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

	/** Calls made for users with their own tokens. */
	protected WalletUserTokens userTokens;

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
