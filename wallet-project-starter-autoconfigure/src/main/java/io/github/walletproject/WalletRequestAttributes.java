package io.github.walletproject;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Request attributes that steer one Wallet API request built by hand with the
 * auto-configured {@code RestClient}, in the style of Spring Security's
 * {@code clientRegistrationId(…)}:
 *
 * <pre class="code">
 * walletRestClient.get().uri("wallet/{id}/balance", 2112)
 *     .attributes(WalletRequestAttributes.project("marketplace"))
 *     .retrieve().body(String.class);
 * </pre>
 *
 * A request attribute wins over everything else: a project named here wins over
 * {@link ProjectContext} and {@link WalletProject}, and {@link #accountLevel()} sends the
 * request without a project even inside a binding.
 */
public final class WalletRequestAttributes {

	/** Attribute naming the project of one request: a {@link ProjectRef}. */
	public static final String PROJECT = WalletRequestAttributes.class.getName() + ".project";

	/** Attribute marking an account-level call that carries no project. */
	public static final String ACCOUNT_LEVEL = WalletRequestAttributes.class.getName() + ".accountLevel";

	/**
	 * Attribute with further routing parameters ({@code location_id}…) as
	 * {@link RoutingParameters}, sent after {@code project_id}.
	 */
	public static final String ROUTING_PARAMETERS = WalletRequestAttributes.class.getName() + ".routingParameters";

	private WalletRequestAttributes() {
	}

	/**
	 * Route this request to a project.
	 * @param project a configured alias or a positive project id
	 * @return a consumer for {@code RestClient.RequestHeadersSpec#attributes}
	 */
	public static Consumer<Map<String, Object>> project(String project) {
		return project(ProjectRef.parse(project, "WalletRequestAttributes.project(...)"));
	}

	/**
	 * Route this request to a project by id.
	 * @param projectId a positive project id
	 * @return a consumer for {@code RestClient.RequestHeadersSpec#attributes}
	 */
	public static Consumer<Map<String, Object>> project(long projectId) {
		return project(ProjectRef.of(projectId));
	}

	/**
	 * Route this request to a project.
	 * @param project the project
	 * @return a consumer for {@code RestClient.RequestHeadersSpec#attributes}
	 */
	public static Consumer<Map<String, Object>> project(ProjectRef project) {
		if (project == null) {
			throw new InvalidProjectException("Empty project from WalletRequestAttributes.project(...)");
		}
		return attributes -> attributes.put(PROJECT, project);
	}

	/**
	 * Send this request without a project, even inside a binding: for account-level calls
	 * such as {@code GET client}. It is signed with the credentials of the bound project (or
	 * the default credentials when nothing is bound) and never access-checked.
	 * @return a consumer for {@code RestClient.RequestHeadersSpec#attributes}
	 */
	public static Consumer<Map<String, Object>> accountLevel() {
		return attributes -> attributes.put(ACCOUNT_LEVEL, Boolean.TRUE);
	}

	/**
	 * Add a routing parameter sent after {@code project_id}: in {@code ext} in MAC mode, as a
	 * {@code Wallet-Api-*} header in certificate mode. The name and value are checked and
	 * encoded here, once; keep the returned consumer to reuse it.
	 * @param name lower-case parameter name such as {@code location_id}
	 * @param value its value
	 * @return a consumer for {@code RestClient.RequestHeadersSpec#attributes}
	 */
	public static Consumer<Map<String, Object>> routingParameter(String name, String value) {
		RoutingParameters parameter = RoutingParameters.of(name, value);
		return attributes -> attributes.merge(ROUTING_PARAMETERS, parameter,
				(existing, added) -> ((RoutingParameters) existing).and((RoutingParameters) added));
	}

}
