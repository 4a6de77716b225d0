package io.github.walletproject.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.CertificateRoutingRequestFactory;
import io.github.walletproject.client.WalletClientInterceptor;
import io.github.walletproject.client.WalletClientObservationConvention;
import io.github.walletproject.client.WalletErrorDecoder;
import io.github.walletproject.routing.ProjectRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Applies the Wallet API settings to a {@code RestClient.Builder}: base URL, HTTP client with
 * the configured timeouts, no redirects and (in certificate mode) the SSL bundles, error
 * decoding, the project-aware observation convention, user {@link WalletRestClientCustomizer}s,
 * and finally the signing interceptor as the innermost interceptor (which also sets the
 * User-Agent of requests that have none).
 */
public final class WalletRestClientConfigurer {

	private final URI baseUrl;

	private final String observationName;

	private final ClientHttpRequestFactory requestFactory;

	private final WalletClientInterceptor interceptor;

	private final List<WalletRestClientCustomizer> customizers;

	WalletRestClientConfigurer(URI baseUrl, String observationName,
			ClientHttpRequestFactory requestFactory, WalletClientInterceptor interceptor,
			List<WalletRestClientCustomizer> customizers) {
		this.baseUrl = baseUrl;
		this.observationName = observationName;
		this.requestFactory = requestFactory;
		this.interceptor = interceptor;
		this.customizers = customizers;
	}

	/**
	 * Configure a builder for the Wallet API.
	 * @param builder the builder, typically Boot's auto-configured one
	 * @return the same builder
	 */
	public RestClient.Builder configure(RestClient.Builder builder) {
		builder.baseUrl(this.baseUrl.toString())
			.requestFactory(this.requestFactory)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw WalletErrorDecoder.decode(request, response);
			})
			.observationConvention(new WalletClientObservationConvention(this.observationName));
		for (WalletRestClientCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		builder.requestInterceptors(this::addLast);
		return builder;
	}

	private void addLast(List<ClientHttpRequestInterceptor> interceptors) {
		interceptors.removeIf(existing -> existing instanceof WalletClientInterceptor);
		interceptors.add(this.interceptor);
	}

	/**
	 * Whether the request factory picks a certificate per request.
	 * @return {@code true} with per-project SSL bundles
	 */
	boolean selectsCertificate() {
		return this.requestFactory instanceof CertificateRoutingRequestFactory;
	}

	/**
	 * Build the request factory: one HTTP client, or one per SSL bundle when projects have
	 * bundles of their own. The client never resends a request by itself
	 * ({@link WalletRequestFactories}).
	 * @param bootFactoryBuilder Boot's request factory builder
	 * @param globalSettings Boot's global HTTP client settings
	 * @param properties the Wallet settings
	 * @param registry the projects and their credentials
	 * @param sslBundles the SSL bundles, or {@code null}
	 * @param classLoader the application's class loader
	 * @return the request factory
	 */
	static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> bootFactoryBuilder,
			HttpClientSettings globalSettings, WalletProperties properties, ProjectRegistry registry,
			@Nullable SslBundles sslBundles, @Nullable ClassLoader classLoader) {
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = WalletRequestFactories.neverResending(bootFactoryBuilder,
				classLoader);
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, properties.getConnectTimeout(),
				properties.getReadTimeout(), null);
		WalletCredentials defaults = registry.defaultCredentials();
		if (!defaults.isCertificate() || sslBundles == null) {
			return factoryBuilder.build(settings.orElse(globalSettings));
		}
		Map<String, ClientHttpRequestFactory> factories = new LinkedHashMap<>();
		for (WalletCredentials credentials : registry.allCredentials()) {
			String bundle = credentials.sslBundle();
			factories.computeIfAbsent(bundle, name -> factoryBuilder
				.build(settings.withSslBundle(sslBundles.getBundle(name)).orElse(globalSettings)));
		}
		if (factories.size() == 1) {
			return factories.values().iterator().next();
		}
		return new CertificateRoutingRequestFactory(defaults.sslBundle(), factories);
	}

}
