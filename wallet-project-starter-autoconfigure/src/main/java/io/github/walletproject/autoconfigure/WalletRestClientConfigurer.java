package io.github.walletproject.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.WalletErrorDecoder;
import io.github.walletproject.client.WalletSigning;
import io.github.walletproject.client.WalletSigningInterceptor;
import io.github.walletproject.routing.ProjectRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Applies the Wallet API settings to a {@code RestClient.Builder} the starter owns (a fresh
 * one for its own clients, or the builder of an HTTP service group named in
 * {@code paysera.wallet.routing.http-service-groups}): base URL, HTTP client with the
 * configured timeouts, no redirects and (in certificate mode) the SSL bundles, error
 * decoding, the project-aware observation convention, user {@link WalletRestClientCustomizer}s,
 * and finally the signing interceptor as the innermost interceptor.
 */
public final class WalletRestClientConfigurer {

	private final URI baseUrl;

	private final String observationName;

	private final ClientHttpRequestFactory requestFactory;

	private final Supplier<WalletSigningInterceptor> interceptor;

	private final List<WalletRestClientCustomizer> customizers;

	WalletRestClientConfigurer(URI baseUrl, String observationName, ClientHttpRequestFactory requestFactory,
			Supplier<WalletSigningInterceptor> interceptor, List<WalletRestClientCustomizer> customizers) {
		this.baseUrl = baseUrl;
		this.observationName = observationName;
		this.requestFactory = requestFactory;
		// looked up on first use: the routed interceptor needs the access checks, which need the starter's own client
		this.interceptor = SingletonSupplier.of(interceptor);
		this.customizers = customizers;
	}

	/**
	 * Configure a builder for the routed Wallet API client. Never pass a builder other code
	 * shares: the builder is changed in place.
	 * @param builder a builder of the starter's or of a Wallet HTTP service group
	 * @return the same builder
	 */
	public RestClient.Builder configure(RestClient.Builder builder) {
		return configure(builder, this.interceptor.get());
	}

	RestClient.Builder configure(RestClient.Builder builder, ClientHttpRequestInterceptor signing) {
		builder.baseUrl(this.baseUrl.toString())
			.requestFactory(this.requestFactory)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw WalletErrorDecoder.decode(request, response);
			})
			.observationConvention(WalletSigning.observationConvention(this.observationName));
		for (WalletRestClientCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		builder.requestInterceptors(interceptors -> {
			interceptors.removeIf(WalletSigningInterceptor.class::isInstance);
			interceptors.add(signing);
		});
		return builder;
	}

	/**
	 * An HTTP client per SSL bundle of the configured credentials: one entry in MAC mode (the
	 * key {@code null}), one per distinct bundle in certificate mode, the default one first.
	 * None of them ever resends a request by itself ({@link WalletRequestFactories}).
	 * @param bootFactoryBuilder Boot's request factory builder
	 * @param globalSettings Boot's global HTTP client settings
	 * @param settings the Wallet settings
	 * @param registry the projects and their credentials
	 * @param sslBundles the SSL bundles, or {@code null}
	 * @param classLoader the application's class loader
	 * @return the request factories by bundle name
	 */
	static Map<@Nullable String, ClientHttpRequestFactory> requestFactories(
			ClientHttpRequestFactoryBuilder<?> bootFactoryBuilder, HttpClientSettings globalSettings,
			WalletSettings settings, ProjectRegistry registry, @Nullable SslBundles sslBundles,
			@Nullable ClassLoader classLoader) {
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = WalletRequestFactories.neverResending(bootFactoryBuilder,
				classLoader);
		HttpClientSettings own = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, settings.connectTimeout(),
				settings.readTimeout(), null);
		Map<@Nullable String, ClientHttpRequestFactory> factories = new LinkedHashMap<>();
		for (WalletCredentials credentials : registry.credentials()) {
			String bundle = credentials.sslBundle();
			if (!factories.containsKey(bundle)) {
				HttpClientSettings effective = (bundle != null && sslBundles != null)
						? own.withSslBundle(sslBundles.getBundle(bundle)) : own;
				factories.put(bundle, WalletRequestFactories.deadlineCapped(factoryBuilder.build(effective.orElse(globalSettings)),
						settings.readTimeout()));
			}
		}
		return factories;
	}

}
