package io.github.walletproject.autoconfigure;

import java.time.Clock;
import java.util.Map;

import io.github.walletproject.WalletException;
import io.github.walletproject.access.CachedProjectLookups;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.SecureNonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.client.MacSigners;
import io.github.walletproject.client.ProjectLookups;
import io.github.walletproject.client.ServerClockSynchronizer;
import io.github.walletproject.client.TransactionObserver;
import io.github.walletproject.client.WalletApi;
import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.client.WalletSigning;
import io.github.walletproject.client.WalletTokenRefresher;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ProjectRouter;
import io.github.walletproject.routing.RequestRoute;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the signed, project-routing Wallet API client: the
 * {@code walletRestClient} {@link RestClient}, the typed {@link WalletApi} and the
 * project-aware {@link WalletProjects}, the starter's own {@link InternalWalletApi}, and the
 * project registry and signing support they run on.
 * <p>
 * Every client is built from a {@code RestClient.Builder} of the starter's own (Boot's
 * {@link RestClientBuilderConfigurer} applied to a new builder, so every
 * {@code RestClientCustomizer} applies), never from an application's builder bean, which
 * other clients may share. The {@code walletRestClient} bean is not a default candidate for
 * injection by type, so an application's own {@code RestClient} is still injected by type;
 * inject ours with {@code @Qualifier("walletRestClient")}.
 */
@AutoConfiguration(after = { RestClientAutoConfiguration.class, SslAutoConfiguration.class,
		ImperativeHttpClientAutoConfiguration.class })
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = "paysera.wallet.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WalletProperties.class)
public final class WalletClientAutoConfiguration {

	private static final Log logger = LogFactory.getLog(WalletClientAutoConfiguration.class);

	/** Bean name of the Wallet API {@link RestClient}. */
	public static final String REST_CLIENT_BEAN_NAME = "walletRestClient";

	@Bean
	static NoProjectAliasesBindHandlerAdvisor walletNoProjectAliasesBindHandlerAdvisor(Environment environment) {
		return new NoProjectAliasesBindHandlerAdvisor(environment);
	}

	@Bean
	WalletSettings walletSettings(WalletProperties properties, Environment environment) {
		return WalletSettings.of(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	ProjectRegistry walletProjectRegistry(WalletSettings settings, WalletProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return WalletSettings.registry(properties, sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ProjectRouter walletProjectRouter(ProjectRegistry registry) {
		return new ProjectRouter(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	NonceGenerator walletNonceGenerator() {
		return new SecureNonceGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	ServerTimeOffset walletServerTimeOffset(ObjectProvider<Clock> clock) {
		return new ServerTimeOffset(clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	MacSigners walletMacSigners(ObjectProvider<WalletTokenRefresher> refresher, WalletSettings settings,
			WalletProperties properties) {
		WalletProperties.UserCache users = WalletOAuthAutoConfiguration.userCache(properties);
		return new MacSigners(refresher.getIfAvailable(), settings.maxWait(), users.getMaximumSize(),
				users.getExpireAfterAccess());
	}

	@Bean
	@ConditionalOnMissingBean
	ServerClockSynchronizer walletServerClockSynchronizer(ObjectProvider<InternalWalletApi> internal,
			ServerTimeOffset offset, WalletSettings settings) {
		return new ServerClockSynchronizer(() -> internal.getObject().serverTime(), offset, settings.maxWait());
	}

	@Bean
	@ConditionalOnBooleanProperty("paysera.wallet.clock.sync-on-startup")
	SmartInitializingSingleton walletClockSyncOnStartup(ServerClockSynchronizer synchronizer) {
		return () -> {
			try {
				synchronizer.synchronize();
			}
			catch (WalletException ex) {
				logger.warn("Could not read the Wallet API clock at startup (paysera.wallet.clock.sync-on-startup); "
						+ "timestamps use the local clock until a request is refused with invalid_timestamp: "
						+ ex.getMessage());
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	WalletSigning walletSigning(WalletSettings settings, NonceGenerator nonces, ServerTimeOffset offset,
			MacSigners signers, ServerClockSynchronizer clock, ObjectProvider<WalletMetrics> metrics,
			ObjectProvider<ObservationRegistry> observations, WalletHttpClients factories,
			ObjectProvider<TransactionObserver> transactions, Environment environment) {
		ObservationRegistry registry = observations.getIfUnique();
		// the callbacks' record of transaction → project (looked up on the first call about a transaction)
		boolean callbacks = StringUtils.hasText(environment.getProperty("paysera.wallet.callbacks.path"));
		WalletSettings.Retry retry = settings.retry();
		return WalletSigning.builder(nonces, offset, signers)
			.transactions(callbacks ? transactions::getIfUnique : () -> TransactionObserver.NONE)
			.retry(retry.maxAttempts(), retry.methods(), retry.statuses(), retry.initialBackoff(), retry.maxBackoff())
			.clockSync(settings.syncOnInvalidTimestamp() ? clock : null)
			.metrics(metrics.getIfAvailable(() -> WalletMetrics.NONE))
			.maxResponseBytes(settings.maxResponseBytes())
			.certificates(factories.perCertificate())
			.userAgent(settings.userAgent())
			.observed(registry != null && !registry.isNoop())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	WalletHttpClients walletHttpClients(WalletSettings settings, ProjectRegistry registry,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ResourceLoader resourceLoader) {
		ClientHttpRequestFactoryBuilder<?> builder = factoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
		return new WalletHttpClients(WalletRestClientConfigurer.requestFactories(builder,
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), settings, registry,
				sslBundles.getIfAvailable(), resourceLoader.getClassLoader()));
	}

	@Bean
	@ConditionalOnMissingBean
	WalletRestClientConfigurer walletRestClientConfigurer(WalletSettings settings, WalletSigning signing,
			ProjectRouter router, ObjectProvider<ProjectAccessChecker> access, WalletHttpClients factories,
			ObjectProvider<WalletRestClientCustomizer> customizers) {
		return new WalletRestClientConfigurer(settings.baseUrl(), settings.observationName(),
				factories.defaultFactory(),
				() -> signing.interceptor(router,
						ProjectAccessChecker.routeCheck(access.getIfAvailable(() -> ProjectAccessChecker.NONE))),
				customizers.orderedStream().toList());
	}

	@Bean(name = REST_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = REST_CLIENT_BEAN_NAME)
	RestClient walletRestClient(WalletRestClientConfigurer configurer,
			ObjectProvider<RestClientBuilderConfigurer> builderConfigurer) {
		return configurer.configure(newBuilder(builderConfigurer)).build();
	}

	@Bean
	@ConditionalOnMissingBean
	InternalWalletApi walletInternalApi(WalletRestClientConfigurer configurer, WalletSigning signing,
			ProjectRegistry registry, ObjectProvider<RestClientBuilderConfigurer> builderConfigurer) {
		RestClient signed = configurer.configure(newBuilder(builderConfigurer),
				signing.interceptor(InternalWalletApi.routes())).build();
		RestClient unauthenticated = configurer.configure(newBuilder(builderConfigurer),
				signing.unauthenticatedInterceptor(new RequestRoute.AccountRoute(registry.defaultCredentials()))).build();
		return new InternalWalletApi(signed, unauthenticated);
	}

	@Bean
	@ConditionalOnMissingBean
	WalletApi walletApi(@Qualifier(REST_CLIENT_BEAN_NAME) RestClient restClient, InternalWalletApi internal) {
		return new WalletApi(restClient, internal);
	}

	@Bean
	@ConditionalOnMissingBean
	WalletProjects walletProjects(WalletApi api, ProjectRouter router, ObjectProvider<ProjectLookups> lookups,
			ObjectProvider<CachedProjectLookups> cached, ObjectProvider<ProjectAccessChecker> access,
			InternalWalletApi internal, WalletSettings settings) {
		ProjectLookups chosen = lookups.getIfAvailable(() -> {
			CachedProjectLookups caches = cached.getIfAvailable();
			ProjectAccessChecker checker = access.getIfAvailable(() -> ProjectAccessChecker.NONE);
			return (caches != null) ? caches.checkedBy(checker)
					: new UncachedLookups(internal, checker, settings.accessUser());
		});
		return new WalletProjects(api, router, chosen);
	}

	private static RestClient.Builder newBuilder(ObjectProvider<RestClientBuilderConfigurer> configurer) {
		RestClientBuilderConfigurer boot = configurer.getIfAvailable();
		return (boot != null) ? boot.configure(RestClient.builder()) : RestClient.builder();
	}

	/**
	 * The Wallet HTTP clients, one per SSL bundle of the configured credentials.
	 *
	 * @param factories by bundle name ({@code null} in MAC mode), the default credentials' first
	 */
	record WalletHttpClients(Map<@Nullable String, ClientHttpRequestFactory> factories) {

		ClientHttpRequestFactory defaultFactory() {
			return this.factories.values().iterator().next();
		}

		@Nullable Map<String, ClientHttpRequestFactory> perCertificate() {
			if (this.factories.size() < 2) {
				return null;
			}
			Map<String, ClientHttpRequestFactory> byBundle = new java.util.LinkedHashMap<>();
			this.factories.forEach((bundle, factory) -> byBundle.put(String.valueOf(bundle), factory));
			return byBundle;
		}

	}

}
