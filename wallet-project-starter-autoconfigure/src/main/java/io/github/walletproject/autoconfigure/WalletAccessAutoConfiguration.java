package io.github.walletproject.autoconfigure;

import java.io.Serializable;
import java.time.Clock;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletException;
import io.github.walletproject.access.CachedProjectLookups;
import io.github.walletproject.access.AccessibleProjectsSource;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.autoconfigure.WalletProperties.AccessSource;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.routing.ProjectRegistry;

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
	AccessibleProjectsSource walletAccessibleProjectsSource(WalletSettings settings, ProjectRegistry registry,
			ObjectProvider<InternalWalletApi> internal) {
		if (settings.accessSource() == AccessSource.CONFIGURED) {
			return AccessibleProjectsSource.configured(registry);
		}
		return AccessibleProjectsSource.remote(internal::getObject, settings.accessUser());
	}

	@Bean
	@ConditionalOnMissingBean
	CachedProjectLookups walletCachedProjectLookups(WalletSettings settings, AccessibleProjectsSource source,
			InternalWalletApi internal, ObjectProvider<Clock> clock, ObjectProvider<CacheManager> cacheManager,
			ObjectProvider<WalletMetrics> metrics) {
		Cache shared = sharedCache(settings.sharedCacheName(), cacheManager);
		Clock time = clock.getIfUnique(Clock::systemUTC);
		WalletMetrics walletMetrics = metrics.getIfAvailable(() -> WalletMetrics.NONE);
		return new CachedProjectLookups(settings.baseUrl().toString(), source, internal,
				new CachedProjectLookups.CacheFactory() {
					@Override
					public <K, V extends Serializable> RefreshingCache<K, V> create(String name, Function<K, V> loader,
							int maximumSize) {
						// one access list per set of credentials, users' tokens included: bounded
						RefreshingCache.Settings timing = (maximumSize < 0) ? settings.detailsCache() : settings.accessCache();
						return new RefreshingCache<>(name, loader, timing, time, shared, walletMetrics);
					}
				});
	}

	@Bean
	@ConditionalOnMissingBean
	ProjectAccessChecker walletProjectAccessChecker(WalletSettings settings, ProjectRegistry registry,
			CachedProjectLookups lookups, ObjectProvider<WalletMetrics> metrics) {
		if (settings.accessSource() == AccessSource.NONE) {
			return ProjectAccessChecker.NONE;
		}
		return ProjectAccessChecker.caching(lookups, registry, metrics.getIfAvailable(() -> WalletMetrics.NONE));
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

	private static @Nullable Cache sharedCache(@Nullable String name, ObjectProvider<CacheManager> cacheManagers) {
		if (name == null) {
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
