package io.github.walletproject.autoconfigure;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletException;
import io.github.walletproject.access.CachedProjectLookups;
import io.github.walletproject.access.AccessibleProjectsSource;
import io.github.walletproject.access.CachingProjectAccessChecker;
import io.github.walletproject.access.ConfiguredAccessibleProjectsSource;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.access.RemoteAccessibleProjectsSource;
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
			ObjectProvider<InternalWalletApi> internal) {
		if (properties.getAccess().getSource() == AccessSource.CONFIGURED) {
			return new ConfiguredAccessibleProjectsSource(registry);
		}
		return new RemoteAccessibleProjectsSource(internal::getObject, properties.getAccess().getUser());
	}

	@Bean
	@ConditionalOnMissingBean
	CachedProjectLookups walletCachedProjectLookups(WalletProperties properties, AccessibleProjectsSource source,
			InternalWalletApi internal, ObjectProvider<Clock> clock, ObjectProvider<CacheManager> cacheManager,
			ObjectProvider<WalletMetrics> metrics) {
		Cache shared = sharedCache(properties, cacheManager);
		Clock time = clock.getIfUnique(Clock::systemUTC);
		WalletMetrics walletMetrics = metrics.getIfAvailable(() -> WalletMetrics.NONE);
		return new CachedProjectLookups(WalletSettings.baseUrl(properties).toString(), source, internal,
				new CachedProjectLookups.CacheFactory() {
					@Override
					public <K, V extends Serializable> RefreshingCache<K, V> create(String name, Function<K, V> loader,
							int maximumSize) {
						// one access list per set of configured credentials: no size bound needed
						int bound = (maximumSize < 0) ? properties.getAccess().getCache().getMaximumSize() : maximumSize;
						return new RefreshingCache<>(name, loader, settings(properties, bound), time, shared, walletMetrics);
					}
				});
	}

	@Bean
	@ConditionalOnMissingBean
	ProjectAccessChecker walletProjectAccessChecker(WalletProperties properties, ProjectRegistry registry,
			CachedProjectLookups lookups, ObjectProvider<WalletMetrics> metrics) {
		if (properties.getAccess().getSource() == AccessSource.NONE) {
			return ProjectAccessChecker.NONE;
		}
		return new CachingProjectAccessChecker(lookups, registry, metrics.getIfAvailable(() -> WalletMetrics.NONE));
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
		// a lookup may take every attempt of a request, a clock re-read and a replay
		int attempts = properties.getRetry().getMaxAttempts() + 2;
		Duration loadTimeout = properties.getConnectTimeout().plus(properties.getReadTimeout()).multipliedBy(attempts)
			.plus(properties.getRetry().getMaxBackoff().multipliedBy(attempts));
		return new RefreshingCache.Settings(cache.getTtl(), cache.getRefreshAhead(), cache.getMaxStale(),
				cache.getFailureBackoff(), maximumSize, loadTimeout);
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
