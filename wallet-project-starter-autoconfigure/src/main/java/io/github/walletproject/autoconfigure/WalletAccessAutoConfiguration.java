package io.github.walletproject.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.WalletException;
import io.github.walletproject.access.AccessibleProjects;
import io.github.walletproject.access.AccessibleProjectsSource;
import io.github.walletproject.access.CachingProjectAccessChecker;
import io.github.walletproject.access.ConfiguredAccessibleProjectsSource;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.access.ProjectDetailsCache;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.access.RemoteAccessibleProjectsSource;
import io.github.walletproject.autoconfigure.WalletProperties.AccessSource;
import io.github.walletproject.client.Project;
import io.github.walletproject.client.WalletApi;
import io.github.walletproject.internal.WalletMetrics;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ResolvedProject;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of project access checks: where the accessible projects come from
 * ({@code paysera.wallet.access.source}), their coalescing, refreshing cache (optionally on a
 * Spring {@link CacheManager}), the checker the client consults before every routed call,
 * the project-details cache, and the optional startup validation.
 */
@AutoConfiguration(after = WalletClientAutoConfiguration.class)
@ConditionalOnBean(ProjectRegistry.class)
public final class WalletAccessAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AccessibleProjectsSource walletAccessibleProjectsSource(WalletProperties properties, ProjectRegistry registry,
			ObjectProvider<WalletApi> api) {
		if (properties.getAccess().getSource() == AccessSource.REMOTE) {
			return new RemoteAccessibleProjectsSource(api::getObject, properties.getAccess().getUser());
		}
		return new ConfiguredAccessibleProjectsSource(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	ProjectAccessChecker walletProjectAccessChecker(WalletProperties properties, ProjectRegistry registry,
			AccessibleProjectsSource source, ObjectProvider<Clock> clock, ObjectProvider<CacheManager> cacheManager,
			ObjectProvider<WalletMetrics> metrics) {
		if (properties.getAccess().getSource() == AccessSource.NONE) {
			return ProjectAccessChecker.NONE;
		}
		WalletMetrics walletMetrics = metrics.getIfAvailable(() -> WalletMetrics.NONE);
		// one entry per set of configured credentials: no size bound needed
		RefreshingCache<AccessibleProjects> cache = new RefreshingCache<>("access",
				CachingProjectAccessChecker.loader(source, registry), settings(properties, 0),
				clock.getIfUnique(Clock::systemUTC),
				sharedCache(properties, cacheManager), walletMetrics);
		return new CachingProjectAccessChecker(cache, registry, walletMetrics);
	}

	@Bean
	@ConditionalOnMissingBean
	ProjectDetailsCache walletProjectDetailsCache(WalletProperties properties, ObjectProvider<WalletApi> api,
			ObjectProvider<Clock> clock, ObjectProvider<CacheManager> cacheManager, ObjectProvider<WalletMetrics> metrics) {
		RefreshingCache<Project> cache = new RefreshingCache<>("project",
				ProjectDetailsCache.loader(id -> api.getObject().project(id)),
				settings(properties, properties.getAccess().getCache().getMaximumSize()),
				clock.getIfUnique(Clock::systemUTC), sharedCache(properties, cacheManager),
				metrics.getIfAvailable(() -> WalletMetrics.NONE));
		return new ProjectDetailsCache(cache);
	}

	@Bean
	@ConditionalOnBooleanProperty("paysera.wallet.access.validate-on-startup")
	SmartInitializingSingleton walletStartupAccessValidation(ProjectRegistry registry, ProjectAccessChecker checker) {
		return () -> validate(registry, checker);
	}

	static void validate(ProjectRegistry registry, ProjectAccessChecker checker) {
		List<String> refused = new ArrayList<>();
		List<String> available = new ArrayList<>();
		for (ResolvedProject project : registry.projects().values()) {
			try {
				checker.check(project);
			}
			catch (ProjectAccessDeniedException ex) {
				refused.add(project.alias() + " (" + project.idText() + ", credentials '"
						+ project.credentials().name() + "')");
				available.add(project.credentials().name() + ": " + ex.getAvailableProjects());
			}
			catch (WalletException ex) {
				throw new WalletConfigurationException("paysera.wallet.access.validate-on-startup",
						"could not check project " + project.alias() + ": " + ex.getMessage(),
						"Make sure the Wallet API is reachable and the credentials may list their projects "
								+ "(projects scope), or set paysera.wallet.access.source=configured");
			}
		}
		if (!refused.isEmpty()) {
			throw new WalletConfigurationException("paysera.wallet.projects",
					"lists projects the credentials cannot access: " + String.join(", ", refused)
							+ " (accessible: " + String.join("; ", available.stream().distinct().toList()) + ")",
					"Correct the project ids, give those projects the right credentials, or remove them");
		}
	}

	private static RefreshingCache.Settings settings(WalletProperties properties, int maximumSize) {
		WalletProperties.Cache cache = properties.getAccess().getCache();
		return new RefreshingCache.Settings(cache.getTtl(), cache.getRefreshAhead(), cache.getMaxStale(),
				cache.getFailureBackoff(), maximumSize);
	}

	private static @Nullable Cache sharedCache(WalletProperties properties, ObjectProvider<CacheManager> cacheManagers) {
		String name = properties.getAccess().getCache().getCacheName();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		CacheManager cacheManager = cacheManagers.getIfUnique();
		if (cacheManager == null) {
			throw new WalletConfigurationException("paysera.wallet.access.cache.cache-name",
					"is '" + name + "', but the application has no single CacheManager bean",
					"Enable caching (spring-boot-starter-cache with Redis, Hazelcast…) or remove the property");
		}
		Cache cache = cacheManager.getCache(name);
		if (cache == null) {
			throw new WalletConfigurationException("paysera.wallet.access.cache.cache-name",
					"names cache '" + name + "', which the CacheManager does not provide",
					"Declare the cache (e.g. spring.cache.cache-names=" + name + ") or correct the name");
		}
		return cache;
	}

}
