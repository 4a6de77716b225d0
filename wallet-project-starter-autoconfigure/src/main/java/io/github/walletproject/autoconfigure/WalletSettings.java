package io.github.walletproject.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.autoconfigure.WalletProperties.AccessSource;
import io.github.walletproject.autoconfigure.WalletProperties.AuthMode;
import io.github.walletproject.autoconfigure.WalletProperties.MacCredentials;
import io.github.walletproject.autoconfigure.WalletProperties.ProjectProperties;
import io.github.walletproject.internal.PropertyKeys;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.routing.ProjectRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;

/**
 * The {@code paysera.wallet.*} settings, checked once at startup and kept immutable: every
 * other bean of the starter reads these, never the mutable {@link WalletProperties}. Each
 * problem stops the application with a {@link WalletConfigurationException} naming the
 * property and the fix, never a secret. This is the one home of those checks: {@link #of}
 * checks the property names and the settings; {@link #registry} checks the projects and
 * credentials when the starter builds the registry (an application may declare its own).
 *
 * @param baseUrl the Wallet API base URL, ending with a slash
 * @param connectTimeout time allowed to connect
 * @param readTimeout time allowed for an answer
 * @param maxResponseBytes the largest response body read
 * @param userAgent the User-Agent sent, or {@code null}
 * @param retry when attempts are repeated
 * @param syncOnInvalidTimestamp whether a refused timestamp re-reads the server clock
 * @param observationName the name of the client observation
 * @param accessSource where access lists come from
 * @param accessUser the user whose projects the remote source lists
 * @param accessCache the timing of the access-list cache
 * @param detailsCache the timing and bound of the project-details cache
 * @param sharedCacheName the cache of the Spring CacheManager shared across instances, or
 * {@code null}
 * @param httpServiceGroups the HTTP service groups that talk to the Wallet API
 * @param authMode how requests are authenticated
 */
record WalletSettings(URI baseUrl, Duration connectTimeout, Duration readTimeout, long maxResponseBytes,
		@Nullable String userAgent, Retry retry, boolean syncOnInvalidTimestamp, String observationName,
		AccessSource accessSource, String accessUser, RefreshingCache.Settings accessCache,
		RefreshingCache.Settings detailsCache, @Nullable String sharedCacheName, List<String> httpServiceGroups,
		WalletProperties.AuthMode authMode) {

	private static final Log logger = LogFactory.getLog(WalletSettings.class);

	/**
	 * Check the properties and keep what the starter runs on.
	 * @param properties the bound properties
	 * @param environment the environment, to find misspelled keys, or {@code null}
	 * @return the settings
	 */
	static WalletSettings of(WalletProperties properties, @Nullable Environment environment) {
		if (environment != null) {
			checkNames(environment);
		}
		checkTimeouts(properties);
		URI baseUrl = baseUrl(properties);
		if ("http".equalsIgnoreCase(baseUrl.getScheme()) && !isLoopback(baseUrl.getHost())) {
			logger.warn(PropertyKeys.PREFIX + "base-url is " + baseUrl + ": plain http to a host that is not loopback. Anyone on "
					+ "the way can read every request body and the credentials' MAC id or token; use https");
		}
		WalletProperties.Retry retry = properties.getRetry();
		Retry policy = retry(retry);
		WalletProperties.Access access = properties.getAccess();
		checkAccess(access);
		// a lookup may take every attempt of a request, a clock re-read and a replay
		int attempts = retry.getMaxAttempts() + 2;
		Duration loadTimeout = properties.getConnectTimeout().plus(properties.getReadTimeout()).multipliedBy(attempts)
			.plus(retry.getMaxBackoff().multipliedBy(attempts));
		WalletProperties.Cache cache = access.getCache();
		String sharedCacheName = StringUtils.hasText(cache.getCacheName()) ? cache.getCacheName() : null;
		return new WalletSettings(baseUrl, properties.getConnectTimeout(), properties.getReadTimeout(),
				properties.getMaxResponseSize().toBytes(),
				StringUtils.hasText(properties.getUserAgent()) ? properties.getUserAgent() : null, policy,
				properties.getClock().isSyncOnInvalidTimestamp(), properties.getObservation().getName(),
				access.getSource(), access.getUser(), cacheSettings(cache, cache.getMaximumSize(), loadTimeout),
				cacheSettings(cache, cache.getMaximumSize(), loadTimeout), sharedCacheName,
				List.copyOf(properties.getRouting().getHttpServiceGroups()), properties.getAuth().getMode());
	}

	/**
	 * The longest one request waits for a clock measurement or token refresh another request
	 * started: one connection and one answer.
	 * @return the wait
	 */
	Duration maxWait() {
		return this.connectTimeout.plus(this.readTimeout);
	}

	private static RefreshingCache.Settings cacheSettings(WalletProperties.Cache cache, int maximumSize,
			Duration loadTimeout) {
		return new RefreshingCache.Settings(cache.getTimeToLive(), cache.getRefreshAhead(), cache.getMaxStale(),
				cache.getFailureBackoff(), maximumSize, loadTimeout);
	}

	private static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") || bare.equals("::1")
				|| bare.equals("0:0:0:0:0:0:0:1");
	}

	private static URI baseUrl(WalletProperties properties) {
		String value = properties.getBaseUrl();
		String property = PropertyKeys.PREFIX + "base-url";
		if (!StringUtils.hasText(value)) {
			throw new WalletConfigurationException(property, "is empty",
					"Set it to the Wallet API REST base, e.g. https://wallet.paysera.com/rest/v1/");
		}
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new WalletConfigurationException(property, "is not a valid URL (" + Texts.quote(value) + ": "
					+ ex.getReason() + ")", "Set it to an absolute http(s) URL such as https://wallet.paysera.com/rest/v1/");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
				|| uri.getHost() == null) {
			throw new WalletConfigurationException(property, "must be an absolute http or https URL with a host, got "
					+ Texts.quote(value), "Set it to an absolute URL such as https://wallet.paysera.com/rest/v1/");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			// the value is not echoed: user info may hold a password
			throw new WalletConfigurationException(property, "must not carry a query, fragment or user info",
					"Remove them; the base URL is only scheme, host, port and path");
		}
		String text = uri.toString();
		return text.endsWith("/") ? uri : URI.create(text + "/");
	}

	private static Retry retry(WalletProperties.Retry retry) {
		String base = PropertyKeys.PREFIX + "retry.";
		if (retry.getMaxAttempts() < 1 || retry.getMaxAttempts() > 10) {
			throw new WalletConfigurationException(base + "max-attempts", "must be between 1 and 10, got "
					+ retry.getMaxAttempts(), "Use 1 to turn retries off, or a small number such as 3");
		}
		Set<HttpMethod> methods = new java.util.LinkedHashSet<>();
		for (String method : retry.getMethods()) {
			String name = method.trim().toUpperCase(Locale.ROOT);
			if (!Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH").contains(name)) {
				throw new WalletConfigurationException(base + "methods", "has an unknown HTTP method "
						+ Texts.quote(method), "List HTTP methods such as GET, HEAD");
			}
			methods.add(HttpMethod.valueOf(name));
		}
		for (Integer status : retry.getStatuses()) {
			if (status == null || status < 400 || status > 599) {
				throw new WalletConfigurationException(base + "statuses", "has " + status
						+ ", which is not an HTTP error status", "List statuses between 400 and 599, such as 502, 503");
			}
		}
		positive(base + "initial-backoff", retry.getInitialBackoff(), true);
		positive(base + "max-backoff", retry.getMaxBackoff(), true);
		return new Retry(retry.getMaxAttempts(), Set.copyOf(methods), Set.copyOf(retry.getStatuses()),
				retry.getInitialBackoff(), retry.getMaxBackoff());
	}

	/**
	 * The projects of {@code paysera.wallet.credentials}, {@code paysera.wallet.auth} and
	 * {@code paysera.wallet.projects}, checked: every alias, id, set of credentials and SSL
	 * bundle. Called only when the starter builds the {@link ProjectRegistry}: an application
	 * that declares its own registry bean needs none of these properties.
	 * @param properties the bound properties
	 * @param sslBundles the SSL bundles, or {@code null}
	 * @return the registry
	 */
	static ProjectRegistry registry(WalletProperties properties, @Nullable SslBundles sslBundles) {
		boolean certificate = properties.getAuth().getMode() == AuthMode.CERTIFICATE;
		WalletCredentials defaults = certificate
				? certificate(WalletCredentials.DEFAULT, properties.getAuth().getSslBundle(), PropertyKeys.PREFIX + "auth.ssl-bundle",
						sslBundles)
				: mac(WalletCredentials.DEFAULT, properties.getCredentials(), PropertyKeys.PREFIX + "credentials");
		ProjectRegistry.Builder builder = ProjectRegistry.builder(defaults);
		Map<String, String> aliasByProject = new HashMap<>();
		Map<Long, String> aliasById = new HashMap<>();
		Map<Long, WalletCredentials> credentialsById = new HashMap<>();
		properties.getProjects().forEach((alias, project) -> {
			String base = PropertyKeys.PREFIX + "projects." + alias;
			try {
				new ProjectRef.Alias(alias);
			}
			catch (InvalidProjectException ex) {
				throw new WalletConfigurationException(base, "has an invalid alias " + Texts.quote(alias),
						"Use an alias that starts with a letter and has only letters, digits, '_' and '-'");
			}
			long id = projectId(base + ".id", project.getId(), alias);
			WalletCredentials own = ownCredentials(alias, project, certificate, sslBundles);
			WalletCredentials effective = (own != null) ? own : defaults;
			String other = aliasById.putIfAbsent(id, alias);
			if (other != null) {
				boolean sameCredentials = credentialsById.get(id).equals(effective);
				throw new WalletConfigurationException(base + ".id", "is " + id + ", like paysera.wallet.projects."
						+ other + ".id" + (sameCredentials ? ", with the same credentials" : ", but the two use different "
								+ "credentials"), sameCredentials
										? "Give each project one alias: remove paysera.wallet.projects." + alias
												+ " or paysera.wallet.projects." + other
										: "A project id must map to one set of credentials; remove one alias or give both "
												+ "the same credentials");
			}
			credentialsById.put(id, effective);
			Long walletId = project.getWalletId();
			if (walletId != null && walletId <= 0) {
				throw new WalletConfigurationException(base + ".wallet-id", "must be a positive wallet id, got " + walletId,
						"Set it to the id of the project's default wallet, or remove it to read it from the API");
			}
			builder.project(alias, id, own, walletId);
		});
		String defaultProject = properties.getDefaultProject();
		try {
			builder.defaultProject(StringUtils.hasText(defaultProject)
					? ProjectRef.parse(defaultProject, PropertyKeys.PREFIX + "default-project") : null);
			return builder.build();
		}
		catch (InvalidProjectException ex) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "default-project", "is " + Texts.quote(defaultProject)
					+ ", which is neither a configured alias nor a positive project id",
					"Use one of the configured aliases (" + Texts.list(properties.getProjects().keySet())
							+ ") or a numeric project id");
		}
	}

	private static long projectId(String property, @Nullable String value, String alias) {
		if (!StringUtils.hasText(value)) {
			throw new WalletConfigurationException(property, "is missing",
					"Set it to the numeric Wallet API project id of '" + alias + "'");
		}
		try {
			ProjectRef reference = ProjectRef.parse(value.trim(), property);
			if (reference instanceof ProjectRef.Id id) {
				return id.id();
			}
		}
		catch (InvalidProjectException ex) {
			// reported below, with the value
		}
		throw new WalletConfigurationException(property, "must be a positive project id without sign or leading zeros, "
				+ "got " + Texts.quote(value), "Set it to the numeric Wallet API project id of '" + alias
						+ "' (up to 18 digits)");
	}

	private static @Nullable WalletCredentials ownCredentials(String alias, ProjectProperties project, boolean certificate,
			@Nullable SslBundles sslBundles) {
		String base = PropertyKeys.PREFIX + "projects." + alias;
		if (certificate) {
			if (project.getCredentials() != null) {
				throw new WalletConfigurationException(base + ".credentials", "is set, but paysera.wallet.auth.mode is "
						+ "certificate", "Give the project an SSL bundle with " + base + ".ssl-bundle instead");
			}
			return StringUtils.hasText(project.getSslBundle())
					? certificate(alias, project.getSslBundle(), base + ".ssl-bundle", sslBundles) : null;
		}
		if (StringUtils.hasText(project.getSslBundle())) {
			throw new WalletConfigurationException(base + ".ssl-bundle", "is set, but paysera.wallet.auth.mode is mac",
					"Set paysera.wallet.auth.mode=certificate, or give the project MAC credentials with "
							+ base + ".credentials.mac-id and .mac-key");
		}
		MacCredentials credentials = project.getCredentials();
		if (credentials == null || (credentials.getMacId() == null && credentials.getMacKey() == null)) {
			return null;
		}
		return mac(alias, credentials, base + ".credentials");
	}

	private static void resolved(String property, @Nullable String value) {
		if (value != null && value.contains("${")) {
			int start = value.indexOf("${") + 2;
			int end = value.indexOf('}', start);
			String variable = (end > start) ? value.substring(start, end) : value.substring(start);
			int colon = variable.indexOf(':');
			String name = (colon >= 0) ? variable.substring(0, colon) : variable;
			// only the placeholder is shown: the rest of the value could be a secret
			throw new WalletConfigurationException(property, "holds the placeholder ${" + name + "}, which was not "
					+ "resolved", "Set the environment variable or property " + name
							+ " (or give the placeholder a default), or set " + property + " directly");
		}
	}

	private static WalletCredentials mac(String name, MacCredentials credentials, String property) {
		resolved(property + ".mac-id", credentials.getMacId());
		resolved(property + ".mac-key", credentials.getMacKey());
		if (!StringUtils.hasText(credentials.getMacId())) {
			throw new WalletConfigurationException(property + ".mac-id", "is missing",
					"Set it to your Wallet API client id or access token (e.g. from an environment variable: "
							+ property + ".mac-id=${WALLET_MAC_ID}), or use paysera.wallet.auth.mode=certificate");
		}
		if (!StringUtils.hasText(credentials.getMacKey())) {
			throw new WalletConfigurationException(property + ".mac-key", "is missing",
					"Set it to the MAC key Paysera issued with the id (e.g. " + property
							+ ".mac-key=${WALLET_MAC_KEY}); keep it out of source control");
		}
		try {
			return WalletCredentials.mac(name, new MacSigner(credentials.getMacId().trim(), credentials.getMacKey()));
		}
		catch (IllegalArgumentException ex) {
			throw new WalletConfigurationException(property + ".mac-id", "contains a character that cannot be sent "
					+ "in a MAC header", "Use the id exactly as Paysera issued it (printable ASCII without quotes or '\\')");
		}
	}

	private static WalletCredentials certificate(String name, @Nullable String bundle, String property,
			@Nullable SslBundles sslBundles) {
		resolved(property, bundle);
		if (!StringUtils.hasText(bundle)) {
			throw new WalletConfigurationException(property, "is missing while paysera.wallet.auth.mode is certificate",
					"Define an SSL bundle with the client certificate under spring.ssl.bundle.(jks|pem).<name> and set "
							+ property + "=<name>, or use paysera.wallet.auth.mode=mac");
		}
		List<String> known = (sslBundles != null) ? sslBundles.getBundleNames() : List.of();
		if (!known.contains(bundle)) {
			Set<String> sorted = new TreeSet<>(known);
			throw new WalletConfigurationException(property, "names SSL bundle " + Texts.quote(bundle)
					+ ", which is not defined (defined bundles: " + Texts.list(sorted) + ")",
					"Define it under spring.ssl.bundle.jks." + bundle + " or spring.ssl.bundle.pem." + bundle
							+ ", or correct the name");
		}
		return WalletCredentials.certificate(name, bundle, clientCertificate(sslBundles.getBundle(bundle), property));
	}

	private static byte[] clientCertificate(SslBundle bundle, String property) {
		try {
			KeyStore keys = bundle.getStores().getKeyStore();
			if (keys != null) {
				String alias = bundle.getKey().getAlias();
				for (String each : (alias != null) ? List.of(alias) : Collections.list(keys.aliases())) {
					Certificate certificate = keys.isKeyEntry(each) ? keys.getCertificate(each) : null;
					if (certificate != null) {
						return certificate.getEncoded();
					}
				}
			}
		}
		catch (KeyStoreException | CertificateEncodingException ex) {
			throw new WalletConfigurationException(property, "names an SSL bundle whose client certificate cannot be "
					+ "read (" + ex.getClass().getSimpleName() + ")", "Check the bundle's key store and its password");
		}
		throw new WalletConfigurationException(property, "names an SSL bundle without a client certificate (no key "
				+ "entry in its key store)", "Give the bundle a key store with the client certificate and its private key");
	}

	/**
	 * When attempts are repeated, checked.
	 * @param maxAttempts attempts in all, including the first
	 * @param methods methods that may be resent
	 * @param statuses HTTP statuses that are resent
	 * @param initialBackoff the wait before the second attempt
	 * @param maxBackoff the longest wait between any two attempts
	 */
	record Retry(int maxAttempts, Set<HttpMethod> methods, Set<Integer> statuses, Duration initialBackoff,
			Duration maxBackoff) {
	}

	private static void checkNames(Environment environment) {
		WalletPropertyNames.Misnamed misnamed = WalletPropertyNames.firstMisnamed(environment);
		if (misnamed == null) {
			return;
		}
		if (misnamed.renamedTo() != null) {
			throw new WalletConfigurationException(misnamed.name(), "was renamed", "Use " + misnamed.renamedTo()
					+ " instead (same meaning, same format)");
		}
		throw new WalletConfigurationException(misnamed.name(), "is not a property of the starter",
				"Use " + misnamed.closest() + " if that is what you meant, or remove it "
						+ "(every property is listed in the README's configuration reference)");
	}

	private static void checkTimeouts(WalletProperties properties) {
		positive(PropertyKeys.PREFIX + "connect-timeout", properties.getConnectTimeout(), false);
		positive(PropertyKeys.PREFIX + "read-timeout", properties.getReadTimeout(), false);
		if (properties.getMaxResponseSize() == null || properties.getMaxResponseSize().toBytes() < 1024) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "max-response-size", "must be at least 1KB",
					"Use a size such as 1MB");
		}
		if (properties.getUserAgent() != null
				&& !properties.getUserAgent().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "user-agent", "must be printable ASCII text",
					"Use a value such as my-shop/1.2");
		}
	}

	private static void checkAccess(WalletProperties.Access access) {
		String user = access.getUser();
		if (!"me".equals(user)) {
			try {
				if (!(ProjectRef.parse(user, PropertyKeys.PREFIX + "access.user") instanceof ProjectRef.Id)) {
					throw new InvalidProjectException("not an id");
				}
			}
			catch (InvalidProjectException ex) {
				throw new WalletConfigurationException(PropertyKeys.PREFIX + "access.user", "is " + Texts.quote(user)
						+ ", which is neither 'me' nor a numeric user id", "Use 'me' (user access tokens) or a user id");
			}
		}
		WalletProperties.Cache cache = access.getCache();
		positive(PropertyKeys.PREFIX + "access.cache.time-to-live", cache.getTimeToLive(), false);
		positive(PropertyKeys.PREFIX + "access.cache.max-stale", cache.getMaxStale(), true);
		positive(PropertyKeys.PREFIX + "access.cache.failure-backoff", cache.getFailureBackoff(), true);
		if (cache.getRefreshAhead().isNegative() || cache.getRefreshAhead().compareTo(cache.getTimeToLive()) >= 0) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "access.cache.refresh-ahead", "must be shorter than "
					+ "paysera.wallet.access.cache.time-to-live (" + cache.getTimeToLive() + ")",
					"Use a fraction of the time to live, such as 5m for 1h");
		}
		if (cache.getMaximumSize() < 1) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "access.cache.maximum-size", "must be positive",
					"Use a number such as 10000");
		}
	}

	private static void positive(String property, @Nullable Duration value, boolean zeroAllowed) {
		if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
			throw new WalletConfigurationException(property, "must be " + (zeroAllowed ? "zero or positive" : "positive")
					+ ", got " + value, "Use a duration such as 2s or 500ms");
		}
	}

}
