package io.github.walletproject.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.github.walletproject.WalletException;
import io.github.walletproject.WalletProjects;
import io.github.walletproject.access.CachingProjectAccessChecker;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.access.ProjectDetailsCache;
import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.SecureNonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.WalletApi;
import io.github.walletproject.client.ServerClockSynchronizer;
import io.github.walletproject.client.WalletClientInterceptor;
import io.github.walletproject.client.WalletTokenRefresher;
import io.github.walletproject.internal.WalletMetrics;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ProjectRouter;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the signed, project-routing Wallet API client: the
 * {@code walletRestClient} {@link RestClient}, the typed {@link WalletApi} and the
 * project-aware {@link WalletProjects}, with the project registry, signer inputs (nonces,
 * clock offset) and the signing interceptor they run on.
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
	@ConditionalOnMissingBean
	ProjectRegistry walletProjectRegistry(WalletProperties properties, ObjectProvider<SslBundles> sslBundles) {
		WalletSettings.checkTimeouts(properties);
		WalletSettings.baseUrl(properties);
		WalletSettings.retry(properties.getRetry());
		WalletSettings.checkAccess(properties.getAccess());
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
	ServerClockSynchronizer walletServerClockSynchronizer(ObjectProvider<WalletApi> api, ServerTimeOffset offset) {
		return new ServerClockSynchronizer(api::getObject, offset);
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
	WalletClientInterceptor walletClientInterceptor(WalletProperties properties, ProjectRouter router,
			NonceGenerator nonces, ServerTimeOffset offset, ServerClockSynchronizer clock,
			ObjectProvider<ProjectAccessChecker> access, ObjectProvider<WalletTokenRefresher> refresher,
			ObjectProvider<WalletMetrics> metrics, ObjectProvider<ObservationRegistry> observations) {
		return WalletClientInterceptor.builder(router, nonces, offset)
			.access(access.getIfAvailable(() -> ProjectAccessChecker.NONE))
			.retry(WalletSettings.retry(properties.getRetry()))
			.clockSync(properties.getClock().isSyncOnInvalidTimestamp() ? clock : null)
			.tokenRefresher(refresher.getIfAvailable())
			.metrics(metrics.getIfAvailable(() -> WalletMetrics.NONE))
			.maxResponseBytes(properties.getMaxResponseSize().toBytes())
			.selectsCertificate(selectsCertificate(router.registry()))
			.userAgent(StringUtils.hasText(properties.getUserAgent()) ? properties.getUserAgent() : null)
			.observationRegistry(observations.getIfUnique())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	WalletRestClientConfigurer walletRestClientConfigurer(WalletProperties properties, ProjectRegistry registry,
			WalletClientInterceptor interceptor, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WalletRestClientCustomizer> customizers, ResourceLoader resourceLoader) {
		ClientHttpRequestFactoryBuilder<?> builder = factoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
		return new WalletRestClientConfigurer(WalletSettings.baseUrl(properties),
				properties.getObservation().getName(),
				WalletRestClientConfigurer.requestFactory(builder,
						httpClientSettings.getIfAvailable(HttpClientSettings::defaults), properties, registry,
						sslBundles.getIfAvailable(), resourceLoader.getClassLoader()),
				interceptor, customizers.orderedStream().toList());
	}

	@Bean(REST_CLIENT_BEAN_NAME)
	@ConditionalOnMissingBean(name = REST_CLIENT_BEAN_NAME)
	RestClient walletRestClient(WalletRestClientConfigurer configurer, ObjectProvider<RestClient.Builder> builders) {
		return configurer.configure(builders.getIfAvailable(RestClient::builder)).build();
	}

	@Bean
	@ConditionalOnMissingBean
	WalletApi walletApi(@Qualifier(REST_CLIENT_BEAN_NAME) RestClient restClient) {
		return new WalletApi(restClient);
	}

	@Bean
	@ConditionalOnMissingBean
	WalletProjects walletProjects(WalletApi api, ProjectRouter router, WalletProperties properties,
			ObjectProvider<ProjectDetailsCache> details, ObjectProvider<ProjectAccessChecker> access) {
		ProjectDetailsCache detailsCache = details.getIfAvailable();
		ProjectAccessChecker checker = access.getIfAvailable();
		String user = properties.getAccess().getUser();
		return new WalletProjects(api, router,
				(detailsCache != null) ? detailsCache::get : project -> api.project(project.id()),
				(checker instanceof CachingProjectAccessChecker caching)
						? credentials -> caching.accessible(credentials).projects()
						: credentials -> api.userProjects(user, credentials));
	}

	private static boolean selectsCertificate(ProjectRegistry registry) {
		List<WalletCredentials> all = registry.allCredentials();
		return all.stream().map(WalletCredentials::sslBundle).filter(Objects::nonNull).distinct().count() > 1;
	}

}
