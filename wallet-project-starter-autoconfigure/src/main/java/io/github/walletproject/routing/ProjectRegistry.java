package io.github.walletproject.routing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.routing.RequestRoute.AccountRoute;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The configured projects: aliases, ids, their credentials and the default project. Resolves
 * any {@link ProjectRef} to a {@link ResolvedProject}; a numeric id of a configured project
 * resolves to that project, alias and credentials included, and an unconfigured id to a
 * project without alias that signs with the default credentials. Immutable once built.
 */
public final class ProjectRegistry {

	private static final int MAX_ADHOC = 4096;

	private final WalletCredentials defaultCredentials;

	private final Map<String, ResolvedProject> byAlias;

	private final Map<Long, ResolvedProject> byId;

	private final @Nullable ResolvedProject defaultProject;

	private final List<WalletCredentials> credentials;

	private final AccountRoute defaultAccountRoute;

	private final Map<Long, ResolvedProject> adhoc = new ConcurrentHashMap<>();

	private ProjectRegistry(Builder builder) {
		this.defaultCredentials = builder.defaultCredentials;
		this.byAlias = Collections.unmodifiableMap(new LinkedHashMap<>(builder.byAlias));
		Map<Long, ResolvedProject> byId = new LinkedHashMap<>();
		this.byAlias.values().forEach(project -> byId.putIfAbsent(project.id(), project));
		this.byId = Collections.unmodifiableMap(byId);
		Set<WalletCredentials> all = new LinkedHashSet<>();
		all.add(this.defaultCredentials);
		this.byAlias.values().forEach(project -> all.add(project.credentials()));
		this.credentials = List.copyOf(all);
		this.defaultAccountRoute = new AccountRoute(this.defaultCredentials);
		this.defaultProject = (builder.defaultProject != null)
				? resolve(builder.defaultProject, "paysera.wallet.default-project") : null;
	}

	/**
	 * Start building a registry.
	 * @param defaultCredentials the credentials of projects without their own
	 * @return a builder
	 */
	public static Builder builder(WalletCredentials defaultCredentials) {
		return new Builder(defaultCredentials);
	}

	/**
	 * Resolve a reference against the configuration.
	 * @param reference an alias, an id, or a resolved project (looked up again by alias or id)
	 * @param source where the reference came from, for messages
	 * @return the project
	 * @throws InvalidProjectException when the alias is not configured
	 */
	public ResolvedProject resolve(ProjectRef reference, String source) {
		if (reference instanceof ProjectRef.Id id) {
			return byId(id.id());
		}
		if (reference instanceof ProjectRef.Alias alias) {
			return byAlias(alias.name(), source);
		}
		if (reference instanceof ResolvedProject resolved) {
			String alias = resolved.alias();
			ResolvedProject own = (alias != null) ? this.byAlias.get(alias) : byId(resolved.id());
			if (own == resolved) {
				return own;
			}
			// made elsewhere (another application context, or by hand): trust only its name
			return (alias != null) ? byAlias(alias, source) : own;
		}
		throw new InvalidProjectException("Empty project from " + source
				+ ": name a configured alias or a positive project id");
	}

	private ResolvedProject byAlias(String alias, String source) {
		ResolvedProject project = this.byAlias.get(alias);
		if (project != null) {
			return project;
		}
		throw new InvalidProjectException("Unknown project alias " + Texts.quote(alias) + " from " + source
				+ ". Configured aliases: " + Texts.list(this.byAlias.keySet())
				+ ". Use one of them, a numeric project id, or add paysera.wallet.projects." + alias + ".id");
	}

	/**
	 * The project with an id: the configured one when there is one, otherwise a project
	 * without alias that uses the default credentials.
	 * @param id a positive id
	 * @return the project
	 */
	public ResolvedProject byId(long id) {
		ResolvedProject configured = this.byId.get(id);
		if (configured != null) {
			return configured;
		}
		ResolvedProject known = this.adhoc.get(id);
		if (known != null) {
			return known;
		}
		ResolvedProject created = new ResolvedProject(id, null, this.defaultCredentials, null);
		if (this.adhoc.size() < MAX_ADHOC) {
			ResolvedProject raced = this.adhoc.putIfAbsent(id, created);
			return (raced != null) ? raced : created;
		}
		return created;
	}

	/**
	 * The configured projects by alias, in configuration order.
	 * @return an unmodifiable map
	 */
	public Map<String, ResolvedProject> projects() {
		return this.byAlias;
	}

	/**
	 * The configured aliases.
	 * @return the aliases, in configuration order
	 */
	public Collection<String> aliases() {
		return this.byAlias.keySet();
	}

	/**
	 * The project of calls made with nothing bound.
	 * @return the default project, or {@code null} when unbound calls are errors
	 */
	public @Nullable ResolvedProject defaultProject() {
		return this.defaultProject;
	}

	/**
	 * The credentials of projects without their own.
	 * @return the default credentials
	 */
	public WalletCredentials defaultCredentials() {
		return this.defaultCredentials;
	}

	/**
	 * Every distinct set of credentials (by identity): the default ones first, then each
	 * project's own.
	 * @return the credentials
	 */
	public List<WalletCredentials> credentials() {
		return this.credentials;
	}

	/**
	 * The configured projects that sign with the given credentials.
	 * @param credentials the credentials
	 * @return the projects, in configuration order
	 */
	public List<ResolvedProject> projectsOf(WalletCredentials credentials) {
		return this.byAlias.values().stream().filter(project -> project.credentials().equals(credentials)).toList();
	}

	/**
	 * The route of an account-level request signed with given credentials.
	 * @param credentials the credentials
	 * @return the route
	 */
	public AccountRoute accountRoute(WalletCredentials credentials) {
		return credentials.equals(this.defaultCredentials) ? this.defaultAccountRoute : new AccountRoute(credentials);
	}

	@Override
	public String toString() {
		return "ProjectRegistry" + this.byAlias.values()
				+ ((this.defaultProject != null) ? " default=" + this.defaultProject.text() : "");
	}

	/**
	 * Builds a {@link ProjectRegistry}.
	 */
	public static final class Builder {

		private final WalletCredentials defaultCredentials;

		private final Map<String, ResolvedProject> byAlias = new LinkedHashMap<>();

		private @Nullable ProjectRef defaultProject;

		private Builder(WalletCredentials defaultCredentials) {
			Assert.notNull(defaultCredentials, "Default credentials must not be null");
			this.defaultCredentials = defaultCredentials;
		}

		/**
		 * Add a project that uses the default credentials.
		 * @param alias the alias
		 * @param id the id
		 * @return this builder
		 */
		public Builder project(String alias, long id) {
			return project(alias, id, null, null);
		}

		/**
		 * Add a project.
		 * @param alias the alias
		 * @param id the id
		 * @param credentials its own credentials, or {@code null} for the default ones
		 * @param walletId its default wallet when known, or {@code null}
		 * @return this builder
		 */
		public Builder project(String alias, long id, @Nullable WalletCredentials credentials, @Nullable Long walletId) {
			ProjectRef.Alias checked = new ProjectRef.Alias(alias);
			this.byAlias.put(checked.name(), new ResolvedProject(id, alias,
					(credentials != null) ? credentials : this.defaultCredentials, walletId));
			return this;
		}

		/**
		 * Set the project of unbound calls.
		 * @param project an alias or an id, or {@code null} for none
		 * @return this builder
		 */
		public Builder defaultProject(@Nullable ProjectRef project) {
			this.defaultProject = project;
			return this;
		}

		/**
		 * Build the registry.
		 * @return the registry
		 * @throws InvalidProjectException when the default project is not configured
		 */
		public ProjectRegistry build() {
			return new ProjectRegistry(this);
		}

	}

}
