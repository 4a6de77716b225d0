package io.github.walletproject.callback;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.autoconfigure.WalletConfigurationException;
import io.github.walletproject.autoconfigure.WalletProperties;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.oauth.WalletUserTokens;
import io.github.walletproject.routing.ProjectRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.util.StringUtils;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of Paysera's callbacks: the payer's confirmation URLs always; with
 * {@code paysera.wallet.callbacks.path}, the key that verifies callbacks, the record of the
 * project each transaction was made in, the handler, the {@code wallet.callbacks} metric, the
 * {@code walletCallbacks} health indicator and, in a Spring MVC application, the endpoint.
 */
@AutoConfiguration(afterName = { "io.github.walletproject.autoconfigure.WalletAccessAutoConfiguration",
		"io.github.walletproject.money.WalletMoneyAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration" },
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnBean(ProjectRegistry.class)
@ConditionalOnBooleanProperty(name = "paysera.wallet.enabled", matchIfMissing = true)
public final class WalletCallbackAutoConfiguration {

	private static final String PATH = "paysera.wallet.callbacks.path";

	private static final String CACHE_NAME = "paysera.wallet.callbacks.cache-name";

	private static final String LEASE = "paysera.wallet.callbacks.in-progress-lease";

	private static final String RECORDS_TTL = "paysera.wallet.callbacks.records.time-to-live";

	/** The callbacks' shared cache when the access cache is shared and no other is named. */
	static final String DEFAULT_CACHE_NAME = "wallet-callbacks";

	@Bean
	@ConditionalOnMissingBean
	WalletConfirmationUrls walletConfirmationUrls(WalletProperties wallet) {
		return new WalletConfirmationUrls(wallet.getCallbacks().getConfirmationBaseUrl());
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnCallbackPath.class)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	static final class Callbacks {

		@Bean
		TransactionProjects walletTransactionProjects(WalletProperties wallet,
				ObjectProvider<CacheManager> cacheManager, ObjectProvider<Clock> clock) {
			Duration timeToLive = wallet.getCallbacks().getRecords().getTimeToLive();
			if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
				throw new WalletConfigurationException(RECORDS_TTL, "must be positive, got " + timeToLive,
						"Set it to the longest time a payer may take to confirm, such as 40d");
			}
			return new TransactionProjects(new CallbackStore("wallet-callbacks:transaction-project:", timeToLive,
					100_000, clock.getIfUnique(Clock::systemUTC), sharedCache(wallet, cacheManager)));
		}

		@Bean
		@ConditionalOnMissingBean
		CallbackPublicKey walletCallbackPublicKey(WalletProperties wallet,
				ObjectProvider<InternalWalletApi> internal, ObjectProvider<Clock> clock) {
			Clock time = clock.getIfUnique(Clock::systemUTC);
			if (wallet.getCallbacks().getPublicKey() != null) {
				return new PinnedPublicKey(wallet.getCallbacks().getPublicKey(), time.instant());
			}
			URI uri = (wallet.getCallbacks().getPublicKeyUri() != null) ? wallet.getCallbacks().getPublicKeyUri()
					: defaultPublicKeyUri(wallet.getBaseUrl());
			return new FetchedPublicKey(uri, address -> internal.getObject().publicDocument(address),
					wallet.getCallbacks().getKeyRefetchInterval(), time);
		}

		@Bean
		CallbackHandler walletCallbackHandler(WalletProperties wallet,
				CallbackPublicKey key, ProjectRegistry registry, ObjectProvider<ProjectAccessChecker> access,
				TransactionProjects projects, ObjectProvider<CacheManager> cacheManager, ObjectProvider<Clock> clock,
				ApplicationEventPublisher publisher, ObjectProvider<CallbackMetrics> metrics,
				ObjectProvider<WalletUserTokens> userTokens) {
			Clock time = clock.getIfUnique(Clock::systemUTC);
			Duration window = wallet.getCallbacks().getDuplicateWindow();
			Duration lease = wallet.getCallbacks().getInProgressLease();
			if (lease == null || lease.isNegative() || lease.isZero() || window == null || lease.compareTo(window) >= 0) {
				throw new WalletConfigurationException(LEASE, "is " + lease + ": it must be positive and shorter "
						+ "than paysera.wallet.callbacks.duplicate-window (" + window + ")",
						"Set it a little above your slowest callback listener's run, such as 5m (the default)");
			}
			CallbackStore store = new CallbackStore("wallet-callbacks:delivered:", window, 100_000, time,
					sharedCache(wallet, cacheManager));
			return new CallbackHandler(new CallbackSignatureVerifier(key), JsonMapper.builder().build(), registry,
					access.getIfAvailable(() -> ProjectAccessChecker.NONE), projects, new DeliveredEvents(store, lease),
					time, publisher, metrics.getIfAvailable(() -> CallbackMetrics.NONE), users(userTokens));
		}

		/** The recorded user ({@code user:<key>}) bound through {@code WalletUserTokens.callAs}, while connected. */
		private static CallbackUsers users(ObjectProvider<WalletUserTokens> userTokens) {
			return (user, work) -> {
				WalletUserTokens tokens = userTokens.getIfAvailable();
				return (tokens != null) ? tokens.callAsUserNamed(user, work) : Optional.empty();
			};
		}

		static URI defaultPublicKeyUri(String baseUrl) {
			URI base = URI.create(baseUrl.trim());
			String port = (base.getPort() != -1) ? ":" + base.getPort() : "";
			return URI.create(base.getScheme() + "://" + base.getHost() + port + "/publickey");
		}

		private static @Nullable Cache sharedCache(WalletProperties wallet,
				ObjectProvider<CacheManager> cacheManagers) {
			String name = sharedCacheName(wallet);
			if (name == null) {
				return null;
			}
			String property = StringUtils.hasText(wallet.getCallbacks().getCacheName()) ? CACHE_NAME
					: "paysera.wallet.access.cache.cache-name";
			CacheManager cacheManager = cacheManagers.getIfUnique();
			if (cacheManager == null) {
				throw new WalletConfigurationException(property, "asks for the shared cache '" + name + "' of the "
						+ "callbacks, but the application has no single CacheManager bean",
						"Enable caching (spring-boot-starter-cache with Redis…) or remove the property");
			}
			Cache cache = cacheManager.getCache(name);
			if (cache == null) {
				throw new WalletConfigurationException(CACHE_NAME, "names cache '" + name + "' (the callbacks' "
						+ "records and duplicate check), which the CacheManager does not provide", "Declare it with a "
						+ "time-to-live of at least " + RECORDS_TTL + " (e.g. spring.cache.cache-names=wallet," + name
						+ "), or name another cache in " + CACHE_NAME);
			}
			return cache;
		}

		/**
		 * The name of the callbacks' shared cache: {@code paysera.wallet.callbacks.cache-name}, else
		 * {@code wallet-callbacks} when the access cache is shared; never the access cache itself,
		 * whose entries live for an access list's lifetime (75 minutes recommended), far shorter
		 * than a transaction's record must.
		 */
		static @Nullable String sharedCacheName(WalletProperties wallet) {
			String own = wallet.getCallbacks().getCacheName();
			String access = wallet.getAccess().getCache().getCacheName();
			if (StringUtils.hasText(own)) {
				if (own.trim().equals((access != null) ? access.trim() : null)) {
					throw new WalletConfigurationException(CACHE_NAME, "is '" + own + "', the access cache's name "
							+ "(paysera.wallet.access.cache.cache-name): its time-to-live, sized for access lists, would "
							+ "drop the records of transactions long before Paysera's last callback about them",
							"Give the callbacks a cache of their own, such as " + DEFAULT_CACHE_NAME
									+ ", or leave the property out");
				}
				return own.trim();
			}
			return StringUtils.hasText(access) ? DEFAULT_CACHE_NAME : null;
		}

		/**
		 * In a Redis {@code CacheManager} that Boot builds, the callbacks' cache keeps each value
		 * exactly as long as the value says (a record for {@code records.time-to-live}, a claim
		 * for {@code duplicate-window}), whatever {@code spring.cache.redis.time-to-live} is.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer",
				"org.springframework.data.redis.cache.RedisCacheManager" })
		static final class RedisExpiry {

			@Bean
			RedisCacheManagerBuilderCustomizer walletCallbacksRedisCache(WalletProperties wallet,
					ObjectProvider<Clock> clock) {
				return builder -> {
					String name = sharedCacheName(wallet);
					if (name != null) {
						RedisCacheConfiguration configuration = builder.getCacheConfigurationFor(name)
							.orElseGet(builder::cacheDefaults);
						builder.withCacheConfiguration(name, configuration.entryTtl(
								new CallbackRedisExpiry(configuration.getTtlFunction(), clock.getIfUnique(Clock::systemUTC))));
					}
				};
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(RouterFunction.class)
		static final class Endpoint {

			@Bean
			RouterFunction<ServerResponse> walletCallbackEndpoint(WalletProperties wallet,
					CallbackHandler handler) {
				String path = wallet.getCallbacks().getPath();
				if (path == null || !path.startsWith("/")) {
					throw new WalletConfigurationException(PATH, "is '" + path + "', not a path",
							"Set it to a path starting with '/', such as /paysera/callbacks");
				}
				return CallbackEndpoint.route(path, handler);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		static final class Metrics {

			@Bean
			@ConditionalOnBean(MeterRegistry.class)
			CallbackMetrics walletCallbackMetrics(MeterRegistry registry) {
				return new MicrometerCallbackMetrics(registry);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HealthIndicator.class)
		static final class Health {

			@Bean
			@ConditionalOnMissingBean(name = "walletCallbacksHealthIndicator")
			CallbackHealthIndicator walletCallbacksHealthIndicator(CallbackPublicKey key, ObjectProvider<Clock> clock) {
				return new CallbackHealthIndicator(key, clock.getIfUnique(Clock::systemUTC));
			}

		}

	}

	/** {@code paysera.wallet.callbacks.path} is set and not empty. */
	static final class OnCallbackPath extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String path = context.getEnvironment().getProperty(PATH);
			return StringUtils.hasText(path) ? ConditionOutcome.match(PATH + " is " + path)
					: ConditionOutcome.noMatch(PATH + " is not set: no callback endpoint");
		}

	}

}
