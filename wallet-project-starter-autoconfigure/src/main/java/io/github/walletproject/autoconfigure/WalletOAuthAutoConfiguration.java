package io.github.walletproject.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.walletproject.access.CachedProjectLookups;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.client.MacSigners;
import io.github.walletproject.client.WalletTokenRefresher;
import io.github.walletproject.internal.PropertyKeys;
import io.github.walletproject.oauth.InMemoryWalletTokenStore;
import io.github.walletproject.oauth.JdbcWalletTokenStore;
import io.github.walletproject.oauth.RedisWalletTokenStore;
import io.github.walletproject.oauth.StoredTokenRefresher;
import io.github.walletproject.oauth.WalletConnectEndpoints;
import io.github.walletproject.oauth.WalletOAuthClient;
import io.github.walletproject.oauth.WalletTokenStore;
import io.github.walletproject.oauth.WalletUserKeyResolver;
import io.github.walletproject.oauth.WalletUserTokens;
import io.github.walletproject.routing.ProjectRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of Paysera OAuth user tokens: the typed token client (when client
 * credentials are known: {@code paysera.wallet.oauth.client}, or the default credentials), the
 * token store ({@code paysera.wallet.oauth.token-store}: memory, redis or jdbc), calls made for users
 * with their own tokens ({@code paysera.wallet.oauth.user-tokens}) and, when a
 * {@code refresh-token} is configured for any credentials or user tokens are on, the built-in
 * refresher.
 */
@AutoConfiguration(after = WalletClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnBean(InternalWalletApi.class)
public final class WalletOAuthAutoConfiguration {

	/** Pause of refresh-ahead after a failed refresh. */
	private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnMissingBean
	WalletTokenStore walletTokenStore(WalletProperties properties) {
		if (properties.getOauth().getTokenStore() == WalletProperties.TokenStore.REDIS) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.token-store", "is redis, but there is no Redis",
					"Add spring-boot-starter-data-redis and configure spring.data.redis.*, so that a "
							+ "StringRedisTemplate bean exists, or set paysera.wallet.oauth.token-store=memory");
		}
		if (properties.getOauth().getTokenStore() == WalletProperties.TokenStore.JDBC) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.token-store", "is jdbc, but there is no DataSource",
					"Add spring-boot-starter-jdbc and a JDBC driver and configure spring.datasource.*, so that one "
							+ "DataSource bean exists (a single or @Primary one), or set paysera.wallet.oauth.token-store=memory");
		}
		return new InMemoryWalletTokenStore();
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(ClientCredentialsKnown.class)
	WalletOAuthClient walletOAuthClient(WalletProperties properties, WalletSettings settings,
			ObjectProvider<InternalWalletApi> internal, ObjectProvider<Clock> clock) {
		WalletProperties.OAuth oauth = properties.getOauth();
		URI tokenUri = (oauth.getTokenUri() != null) ? oauth.getTokenUri() : tokenUri(settings.baseUrl());
		return new WalletOAuthClient(internal.getObject(), clientCredentials(properties), tokenUri,
				oauth.getAuthorizationUri(), clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean(WalletTokenRefresher.class)
	@Conditional(RefreshTokenConfigured.class)
	StoredTokenRefresher walletStoredTokenRefresher(WalletProperties properties, WalletSettings settings,
			ObjectProvider<WalletOAuthClient> oauth, WalletTokenStore store, ObjectProvider<Clock> clock,
			ProjectRegistry registry) {
		if (!StringUtils.hasText(properties.getOauth().getClient().getMacId())
				&& StringUtils.hasText(properties.getCredentials().getRefreshToken())) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.client.mac-id", "is missing",
					"paysera.wallet.credentials.refresh-token is set, so the default credentials are a user token; "
							+ "token calls are signed with the client's own credentials: set "
							+ "paysera.wallet.oauth.client.mac-id and .mac-key");
		}
		WalletProperties.UserCache users = userCache(properties);
		return new StoredTokenRefresher(oauth::getObject, store, settings.baseUrl(), tokenOwner(properties, registry),
				refreshTokens(properties),
				properties.getOauth().getRefreshAhead(), settings.maxWait(), FAILURE_BACKOFF,
				clock.getIfUnique(Clock::systemUTC), users.getMaximumSize(), users.getExpireAfterAccess());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("paysera.wallet.oauth.user-tokens")
	WalletUserTokens walletUserTokens(WalletTokenStore store, ObjectProvider<WalletOAuthClient> oauth,
			MacSigners signers, ObjectProvider<CachedProjectLookups> lookups, WalletProperties properties,
			WalletSettings settings, ProjectRegistry registry) {
		WalletProperties.UserCache users = userCache(properties);
		CachedProjectLookups accessLists = lookups.getIfAvailable();
		Consumer<WalletCredentials> forget = (accessLists != null) ? ((Consumer<WalletCredentials>) signers::forget)
			.andThen(accessLists::forget) : signers::forget;
		return new WalletUserTokens(store, oauth::getObject, settings.baseUrl(), tokenOwner(properties, registry), forget,
				users.getMaximumSize(),
				users.getExpireAfterAccess());
	}

	/** The bound of what is kept in memory per user, checked. */
	static WalletProperties.UserCache userCache(WalletProperties properties) {
		WalletProperties.UserCache users = properties.getOauth().getUserCache();
		if (users.getMaximumSize() < 1) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.user-cache.maximum-size",
					"is " + users.getMaximumSize(), "Give a positive number of users, such as 10000");
		}
		if (users.getExpireAfterAccess() == null || users.getExpireAfterAccess().isNegative()
				|| users.getExpireAfterAccess().isZero()) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.user-cache.expire-after-access",
					"is " + users.getExpireAfterAccess(), "Give a positive duration, such as 1h");
		}
		return users;
	}

	/** {@code <scheme>://<host>[:<port>]/oauth/v1/token} of the base URL. */
	static URI tokenUri(URI baseUrl) {
		String port = (baseUrl.getPort() >= 0) ? ":" + baseUrl.getPort() : "";
		return URI.create(baseUrl.getScheme() + "://" + baseUrl.getHost() + port + "/oauth/v1/token");
	}

	/**
	 * Whose tokens the store keys are: the OAuth client's (whose fingerprint, with the base URL,
	 * starts every key), or the default credentials' when no client is configured.
	 */
	private static WalletCredentials tokenOwner(WalletProperties properties, ProjectRegistry registry) {
		return StringUtils.hasText(properties.getOauth().getClient().getMacId()) ? clientCredentials(properties)
				: registry.defaultCredentials();
	}

	private static WalletCredentials clientCredentials(WalletProperties properties) {
		WalletProperties.MacCredentials client = properties.getOauth().getClient();
		if (StringUtils.hasText(client.getMacId())) {
			if (!StringUtils.hasText(client.getMacKey())) {
				throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.client.mac-key", "is missing",
						"Set paysera.wallet.oauth.client.mac-key to the MAC key of the client id in mac-id");
			}
			return WalletCredentials.mac("oauth-client", new MacSigner(client.getMacId(), client.getMacKey()));
		}
		WalletProperties.MacCredentials credentials = properties.getCredentials();
		return WalletCredentials.mac(WalletCredentials.DEFAULT,
				new MacSigner(credentials.getMacId(), credentials.getMacKey()));
	}

	private static Map<String, String> refreshTokens(WalletProperties properties) {
		Map<String, String> tokens = new LinkedHashMap<>();
		putIfSet(tokens, WalletCredentials.DEFAULT, properties.getCredentials());
		properties.getProjects().forEach((alias, project) -> putIfSet(tokens, alias, project.getCredentials()));
		return tokens;
	}

	private static void putIfSet(Map<String, String> tokens, String name,
			WalletProperties.@Nullable MacCredentials credentials) {
		if (credentials != null && StringUtils.hasText(credentials.getRefreshToken())) {
			tokens.put(name, credentials.getRefreshToken());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(StringRedisTemplate.class)
	@ConditionalOnProperty(name = "paysera.wallet.oauth.token-store", havingValue = "redis")
	static class RedisTokenStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(WalletTokenStore.class)
		@ConditionalOnBean(StringRedisTemplate.class)
		RedisWalletTokenStore walletTokenStore(StringRedisTemplate redis) {
			return new RedisWalletTokenStore(redis);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
	@ConditionalOnProperty(name = "paysera.wallet.oauth.token-store", havingValue = "jdbc")
	@ConditionalOnSingleCandidate(DataSource.class)
	@Import(DatabaseInitializationDependencyConfigurer.class)
	static class JdbcTokenStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(WalletTokenStore.class)
		WalletTokenStoreSchema walletTokenStoreSchema(DataSource dataSource, WalletProperties properties) {
			return new WalletTokenStoreSchema(dataSource, properties.getOauth().getJdbc());
		}

		@Bean
		@ConditionalOnMissingBean(WalletTokenStore.class)
		@DependsOnDatabaseInitialization
		JdbcWalletTokenStore walletTokenStore(DataSource dataSource, WalletProperties properties,
				ObjectProvider<Clock> clock) {
			WalletTokenStoreSchema.check(dataSource, properties.getOauth().getJdbc());
			return new JdbcWalletTokenStore(dataSource, clock.getIfUnique(Clock::systemUTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RouterFunction.class)
	@ConditionalOnProperty("paysera.wallet.oauth.connect.path")
	static class ConnectEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WalletUserKeyResolver walletUserKeyResolver() {
			return (request) -> (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : null;
		}

		@Bean
		RouterFunction<ServerResponse> walletConnectRoutes(WalletProperties properties,
				ObjectProvider<WalletOAuthClient> oauth, ObjectProvider<WalletUserTokens> users,
				WalletUserKeyResolver keys) {
			WalletProperties.Connect connect = properties.getOauth().getConnect();
			String path = connect.getPath();
			if (path == null || !path.startsWith("/") || path.endsWith("/")) {
				throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.connect.path", "is '" + path + "'",
						"Give a path that starts with / and does not end with /, such as /wallet/connect");
			}
			WalletUserTokens tokens = users.getIfAvailable();
			if (tokens == null) {
				throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.connect.path", "is set, but user tokens are off",
						"Set paysera.wallet.oauth.user-tokens=true: a connected wallet's token is kept per user");
			}
			WalletOAuthClient client = oauth.getIfAvailable();
			if (client == null) {
				throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.client.mac-id", "is missing",
						"The connect endpoint exchanges codes with the client's credentials: set "
								+ "paysera.wallet.oauth.client.mac-id and .mac-key (or MAC client credentials under "
								+ "paysera.wallet.credentials)");
			}
			return new WalletConnectEndpoints(path, client, tokens, keys, connect.getScopes(), language(connect),
					connect.getSuccessUrl(), redirectUri(connect)).routes();
		}

		private static @Nullable String language(WalletProperties.Connect connect) {
			String language = connect.getLanguage();
			if (StringUtils.hasText(language) && !language.matches("[a-z]{2}")) {
				throw new WalletConfigurationException(PropertyKeys.PREFIX + "oauth.connect.language",
						"is '" + language + "'", "Give a two-letter lower-case language code, such as en or lt, or "
								+ "leave it unset for the user's language");
			}
			return language;
		}

		private static @Nullable URI redirectUri(WalletProperties.Connect connect) {
			String value = connect.getRedirectUri();
			if (!StringUtils.hasText(value)) {
				return null;
			}
			String property = PropertyKeys.PREFIX + "oauth.connect.redirect-uri";
			String fix = "Give the callback's absolute URL as the browser reaches it, such as "
					+ "https://shop.example.com" + connect.getPath() + "/callback, or leave it unset";
			URI uri;
			try {
				uri = new URI(value.trim());
			}
			catch (URISyntaxException ex) {
				throw new WalletConfigurationException(property, "is not a valid URL", fix);
			}
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
				throw new WalletConfigurationException(property, "is '" + value + "', not an absolute http(s) URL", fix);
			}
			return uri;
		}

	}

	/** Client credentials to sign token calls: {@code oauth.client.mac-id}, or MAC default credentials. */
	static final class ClientCredentialsKnown extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			boolean client = binder.bind(PropertyKeys.PREFIX + "oauth.client.mac-id", String.class).isBound();
			boolean defaults = binder.bind(PropertyKeys.PREFIX + "credentials.mac-id", String.class).isBound()
					&& !binder.bind(PropertyKeys.PREFIX + "credentials.refresh-token", String.class).isBound();
			return (client || defaults) ? ConditionOutcome.match("client credentials for OAuth token calls")
					: ConditionOutcome.noMatch("no client credentials for OAuth token calls");
		}

	}

	/** A {@code refresh-token} under the default or a project's credentials, or user tokens. */
	static final class RefreshTokenConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			WalletProperties properties;
			try {
				properties = Binder.get(context.getEnvironment())
					.bind(PropertyKeys.ROOT, WalletProperties.class)
					.orElseGet(WalletProperties::new);
			}
			catch (RuntimeException ex) {
				// the starter's own configuration check reports it, naming the property
				return ConditionOutcome.noMatch("paysera.wallet does not bind");
			}
			if (properties.getOauth().isUserTokens()) {
				return ConditionOutcome.match("paysera.wallet.oauth.user-tokens is true");
			}
			return refreshTokens(properties).isEmpty() ? ConditionOutcome.noMatch("no refresh-token configured")
					: ConditionOutcome.match("a refresh-token is configured");
		}

	}

}
