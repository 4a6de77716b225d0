package io.github.walletproject.autoconfigure;

import java.time.Duration;
import java.util.Set;

import io.github.walletproject.client.CallDeadline;
import io.github.walletproject.client.SelfResendingRequestFactory;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.Timeout;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * Chooses and configures the HTTP client of the Wallet API {@code RestClient} so that it never
 * sends a signed request a second time by itself. Each attempt carries a single-use nonce: an
 * HTTP client that transparently resends it (after the server closed a kept-alive connection,
 * say) sends that nonce again, the Wallet API refuses it, and the starter's own retry, which
 * signs afresh, never runs.
 * <ul>
 * <li>Apache HttpClient 5 ({@code http-components}): automatic retries disabled.
 * <li>Reactor Netty ({@code reactor}): its retry after a connection reset disabled.
 * <li>Jetty ({@code jetty}): used as it is; its client does not resend.
 * <li>JDK {@code HttpClient} ({@code jdk}) and {@code HttpURLConnection} ({@code simple}): both
 * resend a request whose connection closes without an answer (the JDK a {@code GET} or
 * {@code HEAD}, {@code HttpURLConnection} as Spring drives it a {@code GET}, {@code HEAD},
 * {@code OPTIONS} or {@code TRACE}), on fresh and pooled connections alike, and no setting of
 * one client turns that off. The Wallet client uses the first of Apache HttpClient 5, Jetty
 * and Reactor Netty on the classpath instead (Boot's order of detection), with the same
 * settings; the application's other clients keep Boot's choice. Without any of them it keeps
 * Boot's choice, logs a warning, and marks the failures of the requests it resends
 * ({@link SelfResendingRequestFactory}) so that they never pass for "not sent".
 * <li>Any other {@link ClientHttpRequestFactoryBuilder}: used as it is, with a warning.
 * </ul>
 * The facts are measured on the wire by {@code NoncesOnTheWireTests}.
 */
final class WalletRequestFactories {

	private static final Log logger = LogFactory.getLog(WalletRequestFactories.class);

	private static final boolean APACHE = ClassUtils.isPresent("org.apache.hc.client5.http.classic.HttpClient",
			WalletRequestFactories.class.getClassLoader());

	static final String FACTORY_PROPERTY = "spring.http.clients.imperative.factory";

	/** JVM-wide: with 1, the JDK {@code HttpClient} fails instead of resending (measured on JDK 17 and 25). */
	static final String JDK_RETRY_LIMIT_PROPERTY = "jdk.httpclient.redirects.retrylimit";

	private WalletRequestFactories() {
	}

	/**
	 * A builder of HTTP clients that never resend a request by themselves.
	 * @param builder the builder Boot provides (its {@code ClientHttpRequestFactoryBuilder} bean
	 * or, without one, classpath detection)
	 * @param classLoader the application's class loader, for the HTTP clients present
	 * @return the builder to build the Wallet client's request factories with
	 */
	static ClientHttpRequestFactoryBuilder<?> neverResending(ClientHttpRequestFactoryBuilder<?> builder,
			@Nullable ClassLoader classLoader) {
		if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
			return Apache.neverResending(httpComponents);
		}
		if (builder instanceof ReactorClientHttpRequestFactoryBuilder reactor) {
			return Reactor.neverResending(reactor);
		}
		if (builder instanceof JettyClientHttpRequestFactoryBuilder) {
			return builder;
		}
		boolean jdk = builder instanceof JdkClientHttpRequestFactoryBuilder;
		if (jdk || builder instanceof SimpleClientHttpRequestFactoryBuilder) {
			return instead(builder, jdk, classLoader);
		}
		logger.warn("The Wallet API client uses " + builder.getClass().getName() + ", a ClientHttpRequestFactoryBuilder "
				+ "the starter cannot configure: make sure that its HTTP client never resends a request by itself. "
				+ "A resent request carries the same single-use nonce, which the Wallet API refuses. The starter "
				+ "configures Boot's own builders for Apache HttpClient 5, Jetty and Reactor Netty ("
				+ FACTORY_PROPERTY + "=http-components, jetty or reactor).");
		return builder;
	}

	/**
	 * A request factory whose wait for an answer is capped by the current thread's
	 * {@link CallDeadline} (a fan-out task's deadline), so that a socket read blocked past it
	 * ends there, on a platform thread too. Done for Apache HttpClient 5 (per request, through
	 * its request configuration); another client waits up to {@code read-timeout}.
	 * @param factory the factory built
	 * @param readTimeout the Wallet client's read timeout
	 * @return the factory
	 */
	static ClientHttpRequestFactory deadlineCapped(ClientHttpRequestFactory factory, Duration readTimeout) {
		if (APACHE && Apache.isApache(factory)) {
			Apache.deadlineCapped(factory, readTimeout);
		}
		return factory;
	}

	private static ClientHttpRequestFactoryBuilder<?> instead(ClientHttpRequestFactoryBuilder<?> builder, boolean jdk,
			@Nullable ClassLoader classLoader) {
		String client = jdk ? "the JDK HttpClient" : "HttpURLConnection (SimpleClientHttpRequestFactory)";
		String resends = jdk
				? "it resends a GET or HEAD whose connection closes without an answer, with the same single-use nonce"
				: "it resends a GET, HEAD, OPTIONS or TRACE whose connection closes without an answer, with the same "
						+ "single-use nonce";
		ClientHttpRequestFactoryBuilder<?> detected = ClientHttpRequestFactoryBuilder.detect(classLoader);
		if (!(detected instanceof JdkClientHttpRequestFactoryBuilder)) {
			logger.info("The Wallet API client uses " + name(detected) + " instead of " + client + ", which "
					+ FACTORY_PROPERTY + " or a ClientHttpRequestFactoryBuilder bean chose: " + resends
					+ ", which the Wallet API refuses. The application's other HTTP clients keep that choice; "
					+ "a WalletRestClientCustomizer can set the Wallet client's request factory.");
			return neverResending(detected, classLoader);
		}
		if (jdk && "1".equals(System.getProperty(JDK_RETRY_LIMIT_PROPERTY))) {
			return builder;
		}
		Set<HttpMethod> resent = !jdk ? Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE)
				: jdkRetriesAllMethods() ? Set.of(HttpMethod.values()) : Set.of(HttpMethod.GET, HttpMethod.HEAD);
		logger.warn("The Wallet API client uses " + client + ", the only HTTP client on the classpath (or the one "
				+ FACTORY_PROPERTY + " or a ClientHttpRequestFactoryBuilder bean chose): " + resends
				+ ". The Wallet API refuses the copy, so such a call fails with WalletApiException.Unauthorized instead "
				+ "of being retried with a new nonce. Add org.apache.httpcomponents.client5:httpclient5 (which "
				+ "wallet-project-starter brings), Jetty's or Reactor Netty's HTTP client"
				+ (jdk ? ", or run the JVM with -D" + JDK_RETRY_LIMIT_PROPERTY + "=1 (which also stops every JDK "
						+ "HttpClient of the JVM from following redirects)" : "")
				+ ".");
		return (settings) -> new SelfResendingRequestFactory(builder.build(settings), resent);
	}

	/** Whether {@code -Djdk.httpclient.enableAllMethodRetry} extends the JDK's resend to every method. */
	private static boolean jdkRetriesAllMethods() {
		String value = System.getProperty("jdk.httpclient.enableAllMethodRetry");
		return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
	}

	private static String name(ClientHttpRequestFactoryBuilder<?> builder) {
		if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder) {
			return "Apache HttpClient 5";
		}
		if (builder instanceof JettyClientHttpRequestFactoryBuilder) {
			return "Jetty's HttpClient";
		}
		if (builder instanceof ReactorClientHttpRequestFactoryBuilder) {
			return "Reactor Netty's HttpClient";
		}
		return builder.getClass().getSimpleName();
	}

	/**
	 * Apache HttpClient 5: its default retry strategy resends idempotent requests after an
	 * I/O error such as {@code NoHttpResponseException}. Also:
	 * <ul>
	 * <li>Connection state tracking off. By default Apache marks a connection made with a client
	 * certificate with the certificate's subject (its "user token") and lends it only to a
	 * request whose context carries that same token; Spring's request factory gives every
	 * request a fresh context without one, so in certificate mode no connection was ever reused.
	 * Each Wallet HTTP client is built for one SSL bundle and has a pool of its own, and the
	 * pool's TLS setup is that bundle's, so every connection in a pool was made with the same
	 * certificate and any of them may carry any request of that certificate.
	 * <li>The TLS of the SSL bundle through {@link CertificateTlsStrategy}, so that a refused
	 * certificate is seen as such under TLS 1.3 too.
	 * </ul>
	 * Only loaded when Apache is present.
	 */
	private static final class Apache {

		static boolean isApache(ClientHttpRequestFactory factory) {
			return factory instanceof HttpComponentsClientHttpRequestFactory;
		}

		/**
		 * A request made with a {@link CallDeadline} bound gets a request configuration of its
		 * own, the client's defaults with the response timeout capped; one made without keeps
		 * the client's defaults, as Spring sets them.
		 */
		static void deadlineCapped(ClientHttpRequestFactory factory, Duration readTimeout) {
			HttpComponentsClientHttpRequestFactory apache = (HttpComponentsClientHttpRequestFactory) factory;
			RequestConfig defaults = (apache.getHttpClient() instanceof Configurable configurable
					&& configurable.getConfig() != null) ? configurable.getConfig() : RequestConfig.DEFAULT;
			apache.setHttpContextFactory((method, uri) -> {
				if (CallDeadline.remaining() == null) {
					return null;
				}
				HttpClientContext context = HttpClientContext.create();
				context.setRequestConfig(RequestConfig.copy(defaults)
					.setResponseTimeout(Timeout.of(CallDeadline.cap(readTimeout)))
					.build());
				return context;
			});
		}

		static ClientHttpRequestFactoryBuilder<?> neverResending(HttpComponentsClientHttpRequestFactoryBuilder builder) {
			return builder
				.withHttpClientCustomizer((client) -> client.disableAutomaticRetries().disableConnectionState())
				.withTlsSocketStrategyFactory(CertificateTlsStrategy::of);
		}

	}

	/**
	 * Reactor Netty: it has a retry of its own after a connection reset, on by default (none
	 * was measured after the request had been written). Only loaded when Reactor Netty is
	 * present.
	 */
	private static final class Reactor {

		static ClientHttpRequestFactoryBuilder<?> neverResending(ReactorClientHttpRequestFactoryBuilder builder) {
			return builder.withHttpClientCustomizer(client -> client.disableRetry(true));
		}

	}

}
