package io.github.walletproject;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.Balance;
import io.github.walletproject.client.ClientInfo;
import io.github.walletproject.client.Project;
import io.github.walletproject.client.WalletApi;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ProjectRouter;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.ResolvedProject;

import org.springframework.web.client.RestClient;

/**
 * The project-aware Wallet API client: inject it and call it from code routed by
 * {@link WalletProject} or {@link ProjectContext}.
 *
 * <pre class="code">
 * &#64;Service
 * &#64;WalletProject("shop")
 * class OrderPayments {
 *     private final WalletProjects wallet;
 *     Balance balance() { return wallet.balance(); } // ext="project_id=1221"
 * }
 * </pre>
 */
public final class WalletProjects {

	private static final Map<String, Object> NO_ATTRIBUTES = Collections.emptyMap();

	private final WalletApi api;

	private final ProjectRouter router;

	private final Function<ResolvedProject, Project> details;

	private final Function<WalletCredentials, List<Project>> accessible;

	/**
	 * Create the client.
	 * @param api the typed Wallet API calls
	 * @param router the project router
	 * @param details looks up (and may cache) a project's details
	 * @param accessible lists the projects a set of credentials may use
	 */
	public WalletProjects(WalletApi api, ProjectRouter router, Function<ResolvedProject, Project> details,
			Function<WalletCredentials, List<Project>> accessible) {
		this.api = api;
		this.router = router;
		this.details = details;
		this.accessible = accessible;
	}

	/**
	 * The project a call made here and now goes to: the bound one, else the default.
	 * @return the project
	 * @throws NoProjectBoundException when nothing is bound and there is no default
	 */
	public ResolvedProject current() {
		RequestRoute route = this.router.route(NO_ATTRIBUTES, () -> "WalletProjects.current()");
		return route.project();
	}

	/**
	 * The project of calls made with nothing bound ({@code paysera.wallet.default-project}).
	 * @return the default project, if one is configured
	 */
	public Optional<ResolvedProject> defaultProject() {
		return Optional.ofNullable(registry().defaultProject());
	}

	/**
	 * Resolve an alias or id against the configuration.
	 * @param project an alias or a project id
	 * @return the project
	 */
	public ResolvedProject resolve(String project) {
		return registry().resolve(project, "WalletProjects.resolve(...)");
	}

	/**
	 * Details of the current project ({@code GET project/{id}}, cached).
	 * @return the project
	 */
	public Project project() {
		return this.details.apply(current());
	}

	/**
	 * Details of a project ({@code GET project/{id}}, cached).
	 * @param project an alias or a project id
	 * @return the project
	 */
	public Project project(String project) {
		return this.details.apply(resolve(project));
	}

	/**
	 * The balance of the current project's default wallet.
	 * @return the balance per currency
	 */
	public Balance balance() {
		return balanceOf(current());
	}

	/**
	 * The balance of a project's default wallet, routed to that project.
	 * @param project an alias or a project id
	 * @return the balance per currency
	 */
	public Balance balance(String project) {
		ResolvedProject resolved = resolve(project);
		try (ProjectContext.Scope scope = ProjectContext.open(resolved.idText())) {
			return balanceOf(resolved);
		}
	}

	private Balance balanceOf(ResolvedProject project) {
		Project details = this.details.apply(project);
		if (details.walletId() == null) {
			throw new WalletResponseException("Project " + project + " has no wallet_id: it has no default wallet");
		}
		return this.api.balance(details.walletId());
	}

	/**
	 * The projects the default credentials may use (cached).
	 * @return the accessible projects
	 */
	public List<Project> accessibleProjects() {
		return this.accessible.apply(registry().defaultCredentials());
	}

	/**
	 * The projects that a project's credentials may use (cached): differs from
	 * {@link #accessibleProjects()} for projects with credentials of their own.
	 * @param project an alias or a project id
	 * @return the accessible projects
	 */
	public List<Project> accessibleProjects(String project) {
		return this.accessible.apply(resolve(project).credentials());
	}

	/**
	 * The client the default credentials belong to ({@code GET client}).
	 * @return the client
	 */
	public ClientInfo client() {
		return this.api.client();
	}

	/**
	 * The Wallet API server's clock ({@code GET server}).
	 * @return the server time
	 */
	public Instant serverTime() {
		return this.api.serverTime();
	}

	/**
	 * The configured projects by alias.
	 * @return the projects
	 */
	public Map<String, ResolvedProject> configuredProjects() {
		return registry().projects();
	}

	/**
	 * The typed calls.
	 * @return the typed Wallet API
	 */
	public WalletApi api() {
		return this.api;
	}

	/**
	 * The signed, routed {@code RestClient}, for endpoints without a typed call.
	 * @return the client
	 */
	public RestClient restClient() {
		return this.api.restClient();
	}

	private ProjectRegistry registry() {
		return this.router.registry();
	}

}
