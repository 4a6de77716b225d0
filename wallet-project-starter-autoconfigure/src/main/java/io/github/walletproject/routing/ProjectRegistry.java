package io.github.walletproject.routing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.Texts;
import org.jspecify.annotations.Nullable;

/**
 * The configured projects: aliases, ids, their credentials and the default project. Turns
 * any project value into a {@link ResolvedProject}; a numeric id of a configured project
 * resolves to that project, alias and credentials included.
 */
public final class ProjectRegistry {

	private static final int MAX_ADHOC = 4096;

	private final WalletCredentials defaultCredentials;

	private final Map<String, ResolvedProject> byAlias;

	private final Map<Long, ResolvedProject> byId;

	private final @Nullable ResolvedProject defaultProject;

	private final RequestRoute accountRoute;

	private final Map<Long, ResolvedProject> adhoc = new ConcurrentHashMap<>();

	private final Object token;

	private ProjectRegistry(Object token, WalletCredentials defaultCredentials, Map<String, ResolvedProject> byAlias,
			@Nullable ResolvedProject defaultProject) {
		this.token = token;
		this.defaultCredentials = defaultCredentials;
		this.byAlias = Collections.unmodifiableMap(byAlias);
		Map<Long, ResolvedProject> byId = new LinkedHashMap<>();
		byAlias.values().forEach(project -> byId.putIfAbsent(project.id(), project));
		this.byId = Collections.unmodifiableMap(byId);
		this.defaultProject = defaultProject;
		this.accountRoute = new RequestRoute(null, defaultCredentials);
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
	 * Resolve a project value: an alias, an id (text or number) or an already resolved
	 * project.
	 * @param value the value
	 * @param source where the value came from, for messages
	 * @return the project
	 * @throws InvalidProjectException when the value is malformed or an unknown alias
	 */
	public ResolvedProject resolve(@Nullable Object value, String source) {
		if (value instanceof ResolvedProject project) {
			// a project resolved by another application context's registry is looked up again here
			return project.belongsTo(this.token) ? project
					: resolve((project.alias() != null) ? project.alias() : project.idText(), source);
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			long id = ((Number) value).longValue();
			if (id <= 0) {
				throw new InvalidProjectException("Invalid project " + id + " from " + source
						+ ": a project id is positive. Use a configured alias or a positive project id.");
			}
			return byId(id);
		}
		if (!(value instanceof String text)) {
			throw new InvalidProjectException("Invalid project from " + source + ": expected an alias or a project id, got "
					+ ((value != null) ? value.getClass().getSimpleName() : "null"));
		}
		if (text.isEmpty()) {
			throw new InvalidProjectException("Empty project from " + source
					+ ": name a configured alias or a positive project id");
		}
		if (ProjectValues.looksNumeric(text)) {
			return byId(ProjectValues.parseId(text, source));
		}
		ResolvedProject project = this.byAlias.get(text);
		if (project != null) {
			return project;
		}
		ProjectValues.checkAlias(text, source);
		throw new InvalidProjectException("Unknown project alias " + Texts.quote(text) + " from " + source
				+ ". Configured aliases: " + Texts.list(this.byAlias.keySet())
				+ ". Use one of them, a numeric project id, or add paysera.wallet.projects." + text + ".id");
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
		ResolvedProject created = new ResolvedProject(this.token, id, null, this.defaultCredentials);
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
	 * Every distinct set of credentials: the default ones first, then each project's own.
	 * @return the credentials
	 */
	public List<WalletCredentials> allCredentials() {
		Map<String, WalletCredentials> all = new LinkedHashMap<>();
		all.put(this.defaultCredentials.name(), this.defaultCredentials);
		this.byAlias.values().forEach(project -> all.putIfAbsent(project.credentials().name(), project.credentials()));
		return List.copyOf(all.values());
	}

	/**
	 * The configured projects that sign with the given credentials.
	 * @param credentials the credentials
	 * @return the projects, in configuration order
	 */
	public List<ResolvedProject> projectsOf(WalletCredentials credentials) {
		return this.byAlias.values().stream().filter(project -> project.credentials() == credentials).toList();
	}

	RequestRoute accountRoute() {
		return this.accountRoute;
	}

	RequestRoute accountRoute(WalletCredentials credentials) {
		return (credentials == this.defaultCredentials) ? this.accountRoute : new RequestRoute(null, credentials);
	}

	@Override
	public String toString() {
		return "ProjectRegistry" + this.byAlias.values() + ((this.defaultProject != null)
				? " default=" + this.defaultProject.name() : "");
	}

	/**
	 * Builds a {@link ProjectRegistry}.
	 */
	public static final class Builder {

		private final WalletCredentials defaultCredentials;

		private final Map<String, ResolvedProject> byAlias = new LinkedHashMap<>();

		private @Nullable String defaultAlias;

		private final Object token = new Object();

		private Builder(WalletCredentials defaultCredentials) {
			this.defaultCredentials = defaultCredentials;
		}

		/**
		 * Add a project that uses the default credentials.
		 * @param alias the alias
		 * @param id the id
		 * @return this builder
		 */
		public Builder project(String alias, long id) {
			return project(alias, id, null);
		}

		/**
		 * Add a project.
		 * @param alias the alias
		 * @param id the id
		 * @param credentials its own credentials, or {@code null} for the default ones
		 * @return this builder
		 */
		public Builder project(String alias, long id, @Nullable WalletCredentials credentials) {
			ProjectValues.checkAlias(alias, "paysera.wallet.projects." + alias);
			if (id <= 0) {
				throw new InvalidProjectException("paysera.wallet.projects." + alias + ".id must be a positive project id");
			}
			this.byAlias.put(alias,
					new ResolvedProject(this.token, id, alias, (credentials != null) ? credentials : this.defaultCredentials));
			return this;
		}

		/**
		 * Set the project of unbound calls.
		 * @param alias an alias or an id, or {@code null} for none
		 * @return this builder
		 */
		public Builder defaultProject(@Nullable String alias) {
			this.defaultAlias = alias;
			return this;
		}

		/**
		 * Build the registry.
		 * @return the registry
		 */
		public ProjectRegistry build() {
			ProjectRegistry registry = new ProjectRegistry(this.token, this.defaultCredentials, new LinkedHashMap<>(this.byAlias), null);
			if (this.defaultAlias == null || this.defaultAlias.isEmpty()) {
				return registry;
			}
			ResolvedProject defaultProject = registry.resolve(this.defaultAlias, "paysera.wallet.default-project");
			return new ProjectRegistry(this.token, this.defaultCredentials, new LinkedHashMap<>(this.byAlias), defaultProject);
		}

	}

}
