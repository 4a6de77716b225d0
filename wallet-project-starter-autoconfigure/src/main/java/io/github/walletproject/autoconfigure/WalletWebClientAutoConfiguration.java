package io.github.walletproject.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.WalletExchangeFilter;
import io.github.walletproject.client.WalletSigning;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ProjectRouter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeFunctions;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration of the reactive Wallet API client, {@code walletWebClient}: a
 * {@link WebClient} with the same signing, routing, access check, attempt policy and error
 * types as {@code walletRestClient} (one {@link WalletSigning}, the
 * {@link WalletExchangeFilter} as its innermost filter). Active when Spring WebFlux and
 * Reactor Netty are on the classpath, in reactive and servlet applications alike.
 * <p>
 * It is built from a new {@code WebClient.Builder} (every {@code WebClientCustomizer}
 * applied, as Boot does), never from an application's builder bean, which other clients may
 * share. Its Reactor Netty client never resends a request by itself, follows no redirect and
 * has the configured timeouts. Like {@code walletRestClient}, it is not a default candidate
 * for injection by type: inject it with {@code @Qualifier("walletWebClient")}.
 */
@AutoConfiguration(after = { WalletClientAutoConfiguration.class, WalletAccessAutoConfiguration.class,
		WalletRoutingAutoConfiguration.class, SslAutoConfiguration.class }, afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.web.reactive.function.client.WebClient",
		"reactor.netty.http.client.HttpClient" })
@ConditionalOnBooleanProperty(name = "paysera.wallet.enabled", matchIfMissing = true)
@ConditionalOnBean(WalletSigning.class)
public final class WalletWebClientAutoConfiguration {

	/** Bean name of the reactive Wallet API {@link WebClient}. */
	public static final String WEB_CLIENT_BEAN_NAME = "walletWebClient";

	private static final boolean BOOT_WEBCLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.webclient.WebClientCustomizer", WalletWebClientAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	WalletWebClientConfigurer walletWebClientConfigurer(WalletSettings settings, WalletSigning signing,
			ProjectRouter router, ObjectProvider<ProjectAccessChecker> access, ProjectRegistry registry,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<HttpClientSettings> httpClientSettings) {
		Map<@Nullable String, ClientHttpConnector> connectors = connectors(settings, registry,
				sslBundles.getIfAvailable(), httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
		int maxInMemory = (int) Math.min(Integer.MAX_VALUE, settings.maxResponseBytes());
		Map<String, ExchangeFunction> byCertificate = null;
		if (connectors.size() > 1) {
			ExchangeStrategies strategies = ExchangeStrategies.builder()
				.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxInMemory))
				.build();
			byCertificate = new LinkedHashMap<>();
			for (Map.Entry<@Nullable String, ClientHttpConnector> each : connectors.entrySet()) {
				byCertificate.put(String.valueOf(each.getKey()), ExchangeFunctions.create(each.getValue(), strategies));
			}
		}
		WalletExchangeFilter filter = WalletExchangeFilter.of(signing, router,
				() -> ProjectAccessChecker.routeCheck(access.getIfAvailable(() -> ProjectAccessChecker.NONE)), byCertificate);
		return new WalletWebClientConfigurer(settings.baseUrl(), connectors.values().iterator().next(), maxInMemory,
				filter, settings.observationName());
	}

	@Bean(name = WEB_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = WEB_CLIENT_BEAN_NAME)
	WebClient walletWebClient(WalletWebClientConfigurer configurer, BeanFactory beanFactory) {
		WebClient.Builder builder = WebClient.builder();
		if (BOOT_WEBCLIENT_PRESENT) {
			BootCustomizers.apply(beanFactory, builder);
		}
		return configurer.configure(builder).build();
	}

	/**
	 * The Wallet client settings for the {@code WebClient} HTTP service groups named in
	 * {@code paysera.wallet.routing.http-service-groups} ({@code @WalletProject} on their
	 * interfaces is the routing package's own configuration).
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "walletWebClientHttpServiceGroupConfigurer")
	@ConditionalOnBean(ProjectRegistry.class)
	WebClientHttpServiceGroupConfigurer walletWebClientHttpServiceGroupConfigurer(WalletSettings settings,
			ObjectProvider<WalletWebClientConfigurer> configurer) {
		List<String> walletGroups = settings.httpServiceGroups();
		return groups -> groups.forEachGroup((group, clientBuilder, factoryBuilder) -> {
			if (walletGroups.contains(group.name())) {
				configurer.getObject().configure(clientBuilder);
			}
		});
	}

	/**
	 * A Reactor Netty connector per SSL bundle of the configured credentials (one, keyed
	 * {@code null}, in MAC mode), the default credentials' first: its own retry off, no
	 * redirects, the Wallet timeouts.
	 */
	private static Map<@Nullable String, ClientHttpConnector> connectors(WalletSettings settings,
			ProjectRegistry registry, @Nullable SslBundles sslBundles, HttpClientSettings globalSettings) {
		ClientHttpConnectorBuilder<?> builder = ClientHttpConnectorBuilder.reactor()
			.withHttpClientCustomizer(client -> client.disableRetry(true));
		HttpClientSettings own = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, settings.connectTimeout(),
				settings.readTimeout(), null);
		Map<@Nullable String, ClientHttpConnector> connectors = new LinkedHashMap<>();
		for (WalletCredentials credentials : registry.credentials()) {
			String bundle = credentials.sslBundle();
			if (!connectors.containsKey(bundle)) {
				HttpClientSettings effective = (bundle != null && sslBundles != null)
						? own.withSslBundle(sslBundles.getBundle(bundle)) : own;
				connectors.put(bundle, builder.build(effective.orElse(globalSettings)));
			}
		}
		return connectors;
	}

	/**
	 * Boot's {@code WebClientCustomizer}s, when {@code spring-boot-webclient} is present.
	 */
	private static final class BootCustomizers {

		static void apply(BeanFactory beanFactory, WebClient.Builder builder) {
			beanFactory.getBeanProvider(org.springframework.boot.webclient.WebClientCustomizer.class)
				.orderedStream()
				.forEach(customizer -> customizer.customize(builder));
		}

	}

}
