package io.github.walletproject.callback;

import java.net.URI;
import java.time.Clock;

import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.autoconfigure.WalletConfigurationException;
import io.github.walletproject.autoconfigure.WalletProperties;
import io.github.walletproject.client.InternalWalletApi;
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
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
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
			return new TransactionProjects(new CallbackStore("wallet-callbacks:transaction-project:",
					wallet.getCallbacks().getTransactionProjectTtl(), 100_000, clock.getIfUnique(Clock::systemUTC),
					sharedCache(wallet, cacheManager)));
		}

		@Bean
		static RestClientHttpServiceGroupConfigurer walletTransactionProjectRecorder(
				ObjectProvider<TransactionProjects> projects) {
			return groups -> groups.forEachProxyFactory((group, factory) -> {
				TransactionProjectRecorder recorder = new TransactionProjectRecorder(projects.getObject());
				factory.httpRequestValuesProcessor(recorder).exchangeAdapterDecorator(recorder::decorate);
			});
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
				ApplicationEventPublisher publisher, ObjectProvider<CallbackMetrics> metrics) {
			CallbackStore delivered = new CallbackStore("wallet-callbacks:delivered:", wallet.getCallbacks().getDuplicateWindow(),
					100_000, clock.getIfUnique(Clock::systemUTC), sharedCache(wallet, cacheManager));
			return new CallbackHandler(new CallbackSignatureVerifier(key), JsonMapper.builder().build(), registry,
					access.getIfAvailable(() -> ProjectAccessChecker.NONE), projects, delivered, publisher,
					metrics.getIfAvailable(() -> CallbackMetrics.NONE));
		}

		static URI defaultPublicKeyUri(String baseUrl) {
			URI base = URI.create(baseUrl.trim());
			String port = (base.getPort() != -1) ? ":" + base.getPort() : "";
			return URI.create(base.getScheme() + "://" + base.getHost() + port + "/publickey");
		}

		private static @Nullable Cache sharedCache(WalletProperties wallet,
				ObjectProvider<CacheManager> cacheManagers) {
			String own = wallet.getCallbacks().getCacheName();
			String name = StringUtils.hasText(own) ? own : wallet.getAccess().getCache().getCacheName();
			String property = StringUtils.hasText(own) ? "paysera.wallet.callbacks.cache-name"
					: "paysera.wallet.access.cache.cache-name";
			if (!StringUtils.hasText(name)) {
				return null;
			}
			CacheManager cacheManager = cacheManagers.getIfUnique();
			if (cacheManager == null) {
				throw new WalletConfigurationException(property, "is '" + name + "', but the application has no single "
						+ "CacheManager bean", "Enable caching (spring-boot-starter-cache with Redis…) or remove the property");
			}
			Cache cache = cacheManager.getCache(name);
			if (cache == null) {
				throw new WalletConfigurationException(property, "names cache '" + name + "', which the CacheManager does "
						+ "not provide", "Declare it (e.g. spring.cache.cache-names=" + name + ") or correct the name");
			}
			return cache;
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
