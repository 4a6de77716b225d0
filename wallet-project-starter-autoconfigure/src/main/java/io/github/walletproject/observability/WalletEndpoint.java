package io.github.walletproject.observability;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.access.AccessibleProjects;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.access.WalletCaches;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.Project;
import io.github.walletproject.routing.ProjectRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.Assert;

/**
 * The {@code wallet} actuator endpoint: what the starter is configured with and what it has
 * cached. {@code GET /actuator/wallet} lists the configured aliases and ids, the default
 * project, the auth mode, which credentials each project uses (by name only) and the cached
 * accessible projects; {@code DELETE /actuator/wallet} clears the caches. Never a secret:
 * no MAC id (it may be a token), no key, no bundle password.
 */
@Endpoint(id = "wallet")
public final class WalletEndpoint {

	private final ProjectRegistry registry;

	private final String baseUrl;

	private final String authMode;

	private final String accessSource;

	private final @Nullable WalletCaches caches;

	private final ServerTimeOffset offset;

	/**
	 * Create the endpoint.
	 * @param registry the configured projects
	 * @param baseUrl the Wallet API base URL
	 * @param authMode {@code mac} or {@code certificate}
	 * @param accessSource {@code remote}, {@code configured} or {@code none}
	 * @param caches the starter's caches, or {@code null} when there are none
	 * @param offset the clock offset
	 */
	public WalletEndpoint(ProjectRegistry registry, String baseUrl, String authMode, String accessSource,
			@Nullable WalletCaches caches, ServerTimeOffset offset) {
		Assert.notNull(registry, "Registry must not be null");
		Assert.notNull(baseUrl, "Base url must not be null");
		Assert.notNull(authMode, "Auth mode must not be null");
		Assert.notNull(accessSource, "Access source must not be null");
		Assert.notNull(offset, "Offset must not be null");
		this.registry = registry;
		this.baseUrl = baseUrl;
		this.authMode = authMode;
		this.accessSource = accessSource;
		this.caches = caches;
		this.offset = offset;
	}

	/**
	 * Describe the configuration and the caches.
	 * @return the description
	 */
	@ReadOperation
	public WalletDescriptor wallet() {
		Map<String, ProjectDescriptor> projects = new LinkedHashMap<>();
		for (ResolvedProject project : this.registry.projects().values()) {
			projects.put(project.alias(), new ProjectDescriptor(project.id(), project.credentials().name()));
		}
		ResolvedProject defaultProject = this.registry.defaultProject();
		Map<String, CachedProjects> cached = new LinkedHashMap<>();
		if (this.caches != null) {
			for (WalletCredentials credentials : this.registry.credentials()) {
				RefreshingCache.Entry<AccessibleProjects> entry = this.caches.cachedAccessList(credentials);
				if (entry != null && entry.value() != null) {
					cached.put(credentials.name(), new CachedProjects(entry.value().projects().stream()
						.map(project -> new ProjectSummary(project.id(), project.title(), aliasOf(project)))
						.toList(), Instant.ofEpochMilli(entry.loadedAt())));
				}
			}
		}
		long detailsCached = (this.caches != null) ? this.caches.cachedProjectDetails() : 0;
		return new WalletDescriptor(this.baseUrl, this.authMode, (defaultProject != null) ? defaultProject.text() : null,
				projects, this.registry.credentials().stream().map(WalletCredentials::name).toList(),
				new AccessDescriptor(this.accessSource, cached, detailsCached),
				new ClockDescriptor(this.offset.seconds(), this.offset.isSynced()));
	}

	/**
	 * Clear the accessible-projects and project-details caches.
	 */
	@DeleteOperation
	public void clearCaches() {
		if (this.caches != null) {
			this.caches.clear();
		}
	}

	private @Nullable String aliasOf(Project project) {
		return this.registry.byId(project.id()).alias();
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param baseUrl the Wallet API base URL
	 * @param authMode {@code mac} or {@code certificate}
	 * @param defaultProject the default project, or {@code null}
	 * @param projects the configured projects by alias
	 * @param credentials the names of the configured credentials
	 * @param access the access checks
	 * @param clock the clock offset
	 */
	public record WalletDescriptor(String baseUrl, String authMode, @Nullable String defaultProject,
			Map<String, ProjectDescriptor> projects, List<String> credentials, AccessDescriptor access,
			ClockDescriptor clock) {
	}

	/**
	 * A configured project.
	 *
	 * @param id the project id
	 * @param credentials the name of the credentials it signs with
	 */
	public record ProjectDescriptor(long id, String credentials) {
	}

	/**
	 * The access checks.
	 *
	 * @param source where the accessible projects come from
	 * @param accessibleProjects the cached lists, by credentials name
	 * @param cachedProjectDetails how many project details are cached
	 */
	public record AccessDescriptor(String source, Map<String, CachedProjects> accessibleProjects,
			long cachedProjectDetails) {
	}

	/**
	 * One cached list of accessible projects.
	 *
	 * @param projects the projects
	 * @param loadedAt when it was loaded
	 */
	public record CachedProjects(List<ProjectSummary> projects, Instant loadedAt) {
	}

	/**
	 * A project in a cached list.
	 *
	 * @param id its id
	 * @param title its title
	 * @param alias its configured alias, or {@code null}
	 */
	public record ProjectSummary(long id, String title, @Nullable String alias) {
	}

	/**
	 * The clock offset.
	 *
	 * @param offsetSeconds server minus local, in seconds
	 * @param synced whether it was measured against the server
	 */
	public record ClockDescriptor(long offsetSeconds, boolean synced) {
	}

}
