package io.github.walletproject.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletProject;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ProjectRouter;

import org.springframework.util.Assert;
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
 *     WalletBalance balance() { return wallet.balance(); } // ext="project_id=1221"
 * }
 * </pre>
 */
public final class WalletProjects {

	private final WalletApi api;

	private final ProjectRouter router;

	private final ProjectLookups lookups;

	/**
	 * Create the client.
	 * @param api the typed Wallet API calls
	 * @param router the project router
	 * @param lookups the cached project details and access lists
	 */
	public WalletProjects(WalletApi api, ProjectRouter router, ProjectLookups lookups) {
		Assert.notNull(api, "Api must not be null");
		Assert.notNull(router, "Router must not be null");
		Assert.notNull(lookups, "Lookups must not be null");
		this.api = api;
		this.router = router;
		this.lookups = lookups;
	}

	/**
	 * The project a call made here and now goes to: the bound one, else the default.
	 * @return the project
	 * @throws NoProjectBoundException when nothing is bound and there is no default
	 */
	public ResolvedProject current() {
		ResolvedProject project = this.router.current();
		if (project == null) {
			throw new NoProjectBoundException("No Wallet API project is bound for WalletProjects.current(). Annotate "
					+ "the calling method or class with @WalletProject, wrap the call in ProjectContext.runWith(...), "
					+ "or set paysera.wallet.default-project. Configured aliases: " + Texts.list(registry().aliases()));
		}
		return project;
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
		String source = "WalletProjects.resolve(...)";
		return registry().resolve(ProjectRef.parse(project, source), source);
	}

	/**
	 * Details of the current project ({@code GET project/{id}}, cached).
	 * @return the project
	 */
	public Project project() {
		return this.lookups.details(current());
	}

	/**
	 * Details of a project ({@code GET project/{id}}, cached).
	 * @param project an alias or a project id
	 * @return the project
	 */
	public Project project(String project) {
		return this.lookups.details(resolve(project));
	}

	/**
	 * The balance of the current project's default wallet: one request when the wallet is
	 * configured ({@code paysera.wallet.projects.<alias>.wallet-id}) or its project details
	 * are cached, otherwise {@code GET project/{id}} first.
	 * @return the balance per currency
	 */
	public WalletBalance balance() {
		return balanceOf(current());
	}

	/**
	 * The balance of a project's default wallet, routed to that project.
	 * @param project an alias or a project id
	 * @return the balance per currency
	 */
	public WalletBalance balance(String project) {
		return balanceOf(resolve(project));
	}

	private WalletBalance balanceOf(ResolvedProject project) {
		Long walletId = project.walletId();
		if (walletId == null) {
			// the balance call below is access-checked itself: cached details need no second check
			walletId = this.lookups.walletId(project);
			if (walletId == null) {
				throw new WalletResponseException("Project " + project + " has no wallet_id: it has no default wallet");
			}
		}
		long id = walletId;
		return ProjectContext.callWith(project, () -> this.api.balance(id));
	}

	/**
	 * The projects the default credentials may use (cached).
	 * @return the accessible projects
	 */
	public List<Project> accessibleProjects() {
		return this.lookups.accessibleProjects(registry().defaultCredentials());
	}

	/**
	 * The projects that a project's credentials may use (cached): differs from
	 * {@link #accessibleProjects()} for projects with credentials of their own.
	 * @param project an alias or a project id
	 * @return the accessible projects
	 */
	public List<Project> accessibleProjects(String project) {
		return this.lookups.accessibleProjects(resolve(project).credentials());
	}

	/**
	 * The client the credentials of the bound project (else the default ones) belong to
	 * ({@code GET client}).
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
