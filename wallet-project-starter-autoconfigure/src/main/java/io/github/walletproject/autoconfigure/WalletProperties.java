package io.github.walletproject.autoconfigure;

import io.github.walletproject.internal.PropertyKeys;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Paysera Wallet API client, under {@code paysera.wallet}.
 */
@ConfigurationProperties(PropertyKeys.ROOT)
public class WalletProperties {

	/** Default order of the @WalletProject advice: just outside @Transactional. */
	public static final int DEFAULT_ASPECT_ORDER = PropertyKeys.ROUTING_ASPECT_ORDER_DEFAULT;

	/**
	 * Whether to auto-configure the Wallet API client.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the Wallet API REST endpoints, ending with a slash.
	 */
	private String baseUrl = "https://wallet.paysera.com/rest/v1/";

	/**
	 * Default MAC credentials, used by every project without credentials of its own.
	 */
	@NestedConfigurationProperty
	private final MacCredentials credentials = new MacCredentials();

	/**
	 * How requests are authenticated.
	 */
	private final Auth auth = new Auth();

	/**
	 * Time allowed to open a connection to the Wallet API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(2);

	/**
	 * Time allowed to wait for a response from the Wallet API.
	 */
	private Duration readTimeout = Duration.ofSeconds(60);

	/**
	 * User-Agent header sent with every request; when unset the HTTP client sends its own.
	 */
	private @Nullable String userAgent;

	/**
	 * Largest response body read from the Wallet API; a larger one fails the call.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	/**
	 * Projects by alias: the names @WalletProject, ProjectContext and default-project use.
	 */
	private Map<String, ProjectProperties> projects = new LinkedHashMap<>();

	/**
	 * Alias or id of the project used when none is bound; without it an unbound call fails.
	 */
	private @Nullable String defaultProject;

	/**
	 * Routing of calls to projects.
	 */
	private final Routing routing = new Routing();

	/**
	 * Checks that the credentials may access the project of each call.
	 */
	private final Access access = new Access();

	/**
	 * Resending of failed idempotent requests.
	 */
	private final Retry retry = new Retry();

	/**
	 * Synchronization of MAC timestamps with the server's clock.
	 */
	private final ClockSync clock = new ClockSync();


	/**
	 * Observation settings.
	 */
	private final Observation observation = new Observation();

	/**
	 * Paysera OAuth: user tokens, their refresh and where they are kept.
	 */
	private final OAuth oauth = new OAuth();

	/**
	 * Work in many projects at once (WalletFanOut).
	 */
	private final FanOut fanOut = new FanOut();

	/**
	 * Paysera's callbacks: the endpoint, the key that signs them, duplicates and the project of
	 * each.
	 */
	private final Callbacks callbacks = new Callbacks();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public MacCredentials getCredentials() {
		return this.credentials;
	}

	public Auth getAuth() {
		return this.auth;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public @Nullable String getUserAgent() {
		return this.userAgent;
	}

	public void setUserAgent(@Nullable String userAgent) {
		this.userAgent = userAgent;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Map<String, ProjectProperties> getProjects() {
		return this.projects;
	}

	public void setProjects(Map<String, ProjectProperties> projects) {
		this.projects = projects;
	}

	public @Nullable String getDefaultProject() {
		return this.defaultProject;
	}

	public void setDefaultProject(@Nullable String defaultProject) {
		this.defaultProject = defaultProject;
	}

	public Routing getRouting() {
		return this.routing;
	}

	public Access getAccess() {
		return this.access;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public ClockSync getClock() {
		return this.clock;
	}

	public Observation getObservation() {
		return this.observation;
	}

	public OAuth getOauth() {
		return this.oauth;
	}

	public FanOut getFanOut() {
		return this.fanOut;
	}

	public Callbacks getCallbacks() {
		return this.callbacks;
	}

	@Override
	public String toString() {
		return "WalletProperties[baseUrl=" + this.baseUrl + ", mode=" + this.auth.mode + ", projects="
				+ this.projects.keySet() + "]";
	}

	/**
	 * How requests are authenticated.
	 */
	public enum AuthMode {

		/** MAC signature in the Authorization header; project in ext. */
		MAC,

		/** TLS client certificate from an SSL bundle; project in Wallet-Api-Project-Id. */
		CERTIFICATE

	}

	/**
	 * Where the list of accessible projects comes from.
	 */
	public enum AccessSource {

		/** GET user/{user}/projects with the credentials in question. */
		REMOTE,

		/** The projects configured under paysera.wallet.projects are the allow-list. */
		CONFIGURED,

		/** No checks. */
		NONE

	}

	/**
	 * MAC credentials: a client id or access token, and its MAC key.
	 */
	public static class MacCredentials {

		/**
		 * MAC id: the client id (client credentials) or the access token (user token).
		 */
		private @Nullable String macId;

		/**
		 * MAC key shared with Paysera, used as it is (never Base64-decoded).
		 */
		private @Nullable String macKey;

		/**
		 * Refresh token of a user access token (mac-id): the starter then refreshes the token
		 * before it expires and once when the API refuses it, keeping each new token in the
		 * token store. Single-use: once spent, only the store knows its successor.
		 */
		private @Nullable String refreshToken;

		public @Nullable String getMacId() {
			return this.macId;
		}

		public void setMacId(@Nullable String macId) {
			this.macId = macId;
		}

		public @Nullable String getMacKey() {
			return this.macKey;
		}

		public void setMacKey(@Nullable String macKey) {
			this.macKey = macKey;
		}

		public @Nullable String getRefreshToken() {
			return this.refreshToken;
		}

		public void setRefreshToken(@Nullable String refreshToken) {
			this.refreshToken = refreshToken;
		}

		@Override
		public String toString() {
			return "MacCredentials[" + ((this.macId != null) ? "mac-id set" : "no mac-id") + ", "
					+ ((this.macKey != null) ? "mac-key set" : "no mac-key") + "]";
		}

	}

	/**
	 * How requests are authenticated.
	 */
	public static class Auth {

		/**
		 * Authentication mode: mac (Authorization header) or certificate (TLS client certificate).
		 */
		private AuthMode mode = AuthMode.MAC;

		/**
		 * Name of the Spring Boot SSL bundle (spring.ssl.bundle.*) holding the client certificate.
		 */
		private @Nullable String sslBundle;

		public AuthMode getMode() {
			return this.mode;
		}

		public void setMode(AuthMode mode) {
			this.mode = mode;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

	}

	/**
	 * One project.
	 */
	public static class ProjectProperties {

		/**
		 * Wallet API project id: a positive number without leading zeros.
		 */
		private @Nullable String id;

		/**
		 * Id of the project's default wallet, when known: balance() then needs no project lookup.
		 */
		private @Nullable Long walletId;

		/**
		 * MAC credentials of this project, replacing the default ones for calls routed to it.
		 */
		@NestedConfigurationProperty
		private @Nullable MacCredentials credentials;

		/**
		 * SSL bundle of this project in certificate mode, replacing the default one.
		 */
		private @Nullable String sslBundle;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable Long getWalletId() {
			return this.walletId;
		}

		public void setWalletId(@Nullable Long walletId) {
			this.walletId = walletId;
		}

		public @Nullable MacCredentials getCredentials() {
			return this.credentials;
		}

		public void setCredentials(@Nullable MacCredentials credentials) {
			this.credentials = credentials;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

	}

	/**
	 * Routing of calls to projects.
	 */
	public static class Routing {

		/**
		 * Order of the @WalletProject advice among other advice; the default wraps @Transactional.
		 */
		private int aspectOrder = DEFAULT_ASPECT_ORDER;

		/**
		 * HTTP service client groups (@ImportHttpServices) that talk to the Wallet API and get its base URL, signing and routing.
		 */
		private List<String> httpServiceGroups = new ArrayList<>(List.of("wallet"));

		public int getAspectOrder() {
			return this.aspectOrder;
		}

		public void setAspectOrder(int aspectOrder) {
			this.aspectOrder = aspectOrder;
		}

		public List<String> getHttpServiceGroups() {
			return this.httpServiceGroups;
		}

		public void setHttpServiceGroups(List<String> httpServiceGroups) {
			this.httpServiceGroups = httpServiceGroups;
		}

	}

	/**
	 * Access checks.
	 */
	public static class Access {

		/**
		 * Where the accessible projects come from: remote (GET user/{user}/projects), configured, or none.
		 */
		private AccessSource source = AccessSource.REMOTE;

		/**
		 * User whose projects are listed by the remote source: a user id, or "me" for a user access token.
		 */
		private String user = "me";

		/**
		 * Whether to check at startup that every configured project is accessible.
		 */
		private boolean validateOnStartup = false;

		/**
		 * Caching of the accessible-projects list and of project details.
		 */
		private final Cache cache = new Cache();

		public AccessSource getSource() {
			return this.source;
		}

		public void setSource(AccessSource source) {
			this.source = source;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

		public boolean isValidateOnStartup() {
			return this.validateOnStartup;
		}

		public void setValidateOnStartup(boolean validateOnStartup) {
			this.validateOnStartup = validateOnStartup;
		}

		public Cache getCache() {
			return this.cache;
		}

	}

	/**
	 * Caching of lookups.
	 */
	public static class Cache {

		/**
		 * How long a loaded list is used without question.
		 */
		private Duration timeToLive = Duration.ofHours(1);

		/**
		 * How long before the time to live ends a background refresh starts, so callers never wait.
		 */
		private Duration refreshAhead = Duration.ofMinutes(5);

		/**
		 * How long past the time to live the last list keeps serving while refreshes fail; after that checks fail closed.
		 */
		private Duration maxStale = Duration.ofMinutes(15);

		/**
		 * Pause after a failed refresh before the next attempt.
		 */
		private Duration failureBackoff = Duration.ofSeconds(10);

		/**
		 * Name of a cache in the application's Spring CacheManager to share lookups across instances; empty for in-memory only.
		 */
		private @Nullable String cacheName;

		/**
		 * Most entries kept in memory, in each of the access-list cache (one per set of
		 * credentials, so one per user with user tokens) and the project-details cache.
		 */
		private int maximumSize = 10_000;

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public Duration getRefreshAhead() {
			return this.refreshAhead;
		}

		public void setRefreshAhead(Duration refreshAhead) {
			this.refreshAhead = refreshAhead;
		}

		public Duration getMaxStale() {
			return this.maxStale;
		}

		public void setMaxStale(Duration maxStale) {
			this.maxStale = maxStale;
		}

		public Duration getFailureBackoff() {
			return this.failureBackoff;
		}

		public void setFailureBackoff(Duration failureBackoff) {
			this.failureBackoff = failureBackoff;
		}

		public @Nullable String getCacheName() {
			return this.cacheName;
		}

		public void setCacheName(@Nullable String cacheName) {
			this.cacheName = cacheName;
		}

		public int getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(int maximumSize) {
			this.maximumSize = maximumSize;
		}

	}

	/**
	 * Retries.
	 */
	public static class Retry {

		/**
		 * Attempts in all, including the first; 1 turns retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * HTTP methods that may be resent; add POST only for endpoints that are idempotent.
		 */
		private List<String> methods = new ArrayList<>(List.of("GET", "HEAD"));

		/**
		 * HTTP statuses that are resent.
		 */
		private List<Integer> statuses = new ArrayList<>(List.of(502, 503));

		/**
		 * Longest wait before the second attempt; doubles per attempt, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(100);

		/**
		 * Longest wait between any two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(2);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public List<Integer> getStatuses() {
			return this.statuses;
		}

		public void setStatuses(List<Integer> statuses) {
			this.statuses = statuses;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Clock synchronization.
	 */
	public static class ClockSync {

		/**
		 * Whether to read the server clock (GET server) at startup and sign with its time.
		 */
		private boolean syncOnStartup = false;

		/**
		 * Whether to re-read the server clock and replay once when a request is refused with invalid_timestamp.
		 */
		private boolean syncOnInvalidTimestamp = true;

		public boolean isSyncOnStartup() {
			return this.syncOnStartup;
		}

		public void setSyncOnStartup(boolean syncOnStartup) {
			this.syncOnStartup = syncOnStartup;
		}

		public boolean isSyncOnInvalidTimestamp() {
			return this.syncOnInvalidTimestamp;
		}

		public void setSyncOnInvalidTimestamp(boolean syncOnInvalidTimestamp) {
			this.syncOnInvalidTimestamp = syncOnInvalidTimestamp;
		}

	}

	/**
	 * Observations.
	 */
	public static class Observation {

		/**
		 * Name of the observation (and timer) of Wallet API calls; a name of its own keeps its extra project tag apart from http.client.requests.
		 */
		private String name = "wallet.client.requests";

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	/**
	 * Paysera's callbacks ({@code paysera.wallet.callbacks.*}): the endpoint, the key that
	 * verifies them, duplicates and the confirmation page.
	 */
	public static class Callbacks {


		/**
		 * Path of the callback endpoint in the application's Spring MVC server, such as /paysera/callbacks; without it there is no endpoint.
		 */
		private @Nullable String path;

		/**
		 * Where Paysera's public key (PEM) is read; by default the base URL's scheme, host and port plus /publickey.
		 */
		private @Nullable URI publicKeyUri;

		/**
		 * A pinned PEM public key or certificate (e.g. classpath:paysera-publickey.pem): nothing is fetched at runtime.
		 */
		private @Nullable Resource publicKey;

		/**
		 * Least time between two fetches of the public key after a signature did not verify (lets Paysera rotate its key).
		 */
		private Duration keyRefetchInterval = Duration.ofMinutes(1);

		/**
		 * How long a delivered event (object, id, type) is remembered so that a repeated delivery is not dispatched again.
		 */
		private Duration duplicateWindow = Duration.ofHours(24);

		/**
		 * How long a delivery whose listeners still run holds its event: a repeated delivery meanwhile is answered 503 (Paysera sends it again later), and after it a claim nobody finished (an instance that died or hangs) lapses. Keep it above your slowest listener's run (a few Wallet calls at their read timeout) and below the duplicate window.
		 */
		private Duration inProgressLease = Duration.ofMinutes(5);

		/**
		 * Records of the project each transaction was made in, which route callbacks whose data has no project_id.
		 */
		private final Records records = new Records();

		/**
		 * Name of a cache of the application's CacheManager (Redis…) shared by the instances for the records and the duplicate check; by default wallet-callbacks when paysera.wallet.access.cache.cache-name is set. Never the access cache: its entries live much shorter.
		 */
		private @Nullable String cacheName;

		/**
		 * Base of the payer's confirmation page (change it for the sandbox).
		 */
		private URI confirmationBaseUrl = URI.create("https://bank.paysera.com/frontend");

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable URI getPublicKeyUri() {
			return this.publicKeyUri;
		}

		public void setPublicKeyUri(@Nullable URI publicKeyUri) {
			this.publicKeyUri = publicKeyUri;
		}

		public @Nullable Resource getPublicKey() {
			return this.publicKey;
		}

		public void setPublicKey(@Nullable Resource publicKey) {
			this.publicKey = publicKey;
		}

		public Duration getKeyRefetchInterval() {
			return this.keyRefetchInterval;
		}

		public void setKeyRefetchInterval(Duration keyRefetchInterval) {
			this.keyRefetchInterval = keyRefetchInterval;
		}

		public Duration getDuplicateWindow() {
			return this.duplicateWindow;
		}

		public void setDuplicateWindow(Duration duplicateWindow) {
			this.duplicateWindow = duplicateWindow;
		}

		public Duration getInProgressLease() {
			return this.inProgressLease;
		}

		public void setInProgressLease(Duration inProgressLease) {
			this.inProgressLease = inProgressLease;
		}

		public Records getRecords() {
			return this.records;
		}

		public @Nullable String getCacheName() {
			return this.cacheName;
		}

		public void setCacheName(@Nullable String cacheName) {
			this.cacheName = cacheName;
		}

		public URI getConfirmationBaseUrl() {
			return this.confirmationBaseUrl;
		}

		public void setConfirmationBaseUrl(URI confirmationBaseUrl) {
			this.confirmationBaseUrl = confirmationBaseUrl;
		}

		/**
		 * Records of transaction key to project.
		 */
		public static class Records {

			/**
			 * How long the project a transaction was made in is remembered: at least the longest time between creating a transaction and the last callback about it.
			 */
			private Duration timeToLive = Duration.ofDays(40);

			public Duration getTimeToLive() {
				return this.timeToLive;
			}

			public void setTimeToLive(Duration timeToLive) {
				this.timeToLive = timeToLive;
			}

		}

	}

	/**
	 * Work in many projects at once (WalletFanOut).
	 */
	public static class FanOut {

		/**
		 * Most tasks of one fan-out call that run at a time (and so most of its requests in flight).
		 */
		private int concurrency = 8;

		/**
		 * Longest time one fan-out call takes; a task not done by then is cancelled and reported as timed out.
		 */
		private Duration deadline = Duration.ofSeconds(30);

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

	}

	/**
	 * Paysera OAuth user tokens.
	 */
	public static class OAuth {

		/**
		 * Client credentials that sign token calls (the client id as mac-id, and its MAC key).
		 * Unset, the default credentials sign them, unless those are a user token with a refresh
		 * token.
		 */
		private final MacCredentials client = new MacCredentials();

		/**
		 * Where refreshed user tokens are kept: memory (this JVM), redis (shared by every
		 * instance through the application's StringRedisTemplate) or jdbc (shared through the
		 * application's DataSource, in table WALLET_TOKEN), so that a chain of single-use refresh
		 * tokens is refreshed once between the instances.
		 */
		private TokenStore tokenStore = TokenStore.MEMORY;

		/**
		 * The JDBC token store (token-store: jdbc).
		 */
		private final Jdbc jdbc = new Jdbc();

		/**
		 * How long before a user token expires it is refreshed.
		 */
		private Duration refreshAhead = Duration.ofMinutes(5);

		/**
		 * Token endpoint. Unset, the base URL's scheme, host and port with /oauth/v1/token.
		 */
		private @Nullable URI tokenUri;

		/**
		 * Where users authorize the client; a language code and /oauth are appended.
		 */
		private URI authorizationUri = URI.create("https://bank.paysera.com/frontend");

		/**
		 * Whether calls can be made for users with their own tokens (WalletUserTokens), which
		 * the starter then refreshes too.
		 */
		private boolean userTokens = false;

		/**
		 * The endpoints that connect a user's wallet (Spring MVC): where a user starts, and where
		 * Paysera sends the user back.
		 */
		private final Connect connect = new Connect();

		/**
		 * What is kept in memory per user (the signer of the user's token, the token in use): at
		 * most this many users, each dropped when unused for a while; the store keeps the tokens.
		 */
		private final UserCache userCache = new UserCache();

		public UserCache getUserCache() {
			return this.userCache;
		}

		public MacCredentials getClient() {
			return this.client;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public TokenStore getTokenStore() {
			return this.tokenStore;
		}

		public void setTokenStore(TokenStore tokenStore) {
			this.tokenStore = tokenStore;
		}

		public Duration getRefreshAhead() {
			return this.refreshAhead;
		}

		public void setRefreshAhead(Duration refreshAhead) {
			this.refreshAhead = refreshAhead;
		}

		public @Nullable URI getTokenUri() {
			return this.tokenUri;
		}

		public void setTokenUri(@Nullable URI tokenUri) {
			this.tokenUri = tokenUri;
		}

		public URI getAuthorizationUri() {
			return this.authorizationUri;
		}

		public boolean isUserTokens() {
			return this.userTokens;
		}

		public void setUserTokens(boolean userTokens) {
			this.userTokens = userTokens;
		}

		public Connect getConnect() {
			return this.connect;
		}

		public void setAuthorizationUri(URI authorizationUri) {
			this.authorizationUri = authorizationUri;
		}

	}

	/**
	 * The JDBC token store.
	 */
	public static class Jdbc {

		/**
		 * When the starter creates the tables WALLET_TOKEN and WALLET_TOKEN_LOCK with its schema
		 * script: embedded (only in an embedded database, such as H2 in memory), always, or never
		 * (create them yourself, e.g. in a Flyway or Liquibase migration, from the script).
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

		/**
		 * The schema script; @@platform@@ is the database's platform, such as h2, postgresql,
		 * mysql, mariadb, oracle or sqlserver.
		 */
		private String schema = "classpath:io/github/walletproject/oauth/schema-@@platform@@.sql";

		public SchemaInitialization getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(SchemaInitialization initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

	}

	/**
	 * When the JDBC token store's tables are created by the starter.
	 */
	public enum SchemaInitialization {

		/** Always, at startup: creating a table that exists fails and is ignored. */
		ALWAYS,

		/** Only in an embedded database. */
		EMBEDDED,

		/** Never: the tables are created some other way. */
		NEVER

	}

	/**
	 * What is kept in memory per user.
	 */
	public static class UserCache {

		/**
		 * The most users whose signers are kept in memory; the least recently used go first.
		 */
		private int maximumSize = 10_000;

		/**
		 * How long an unused user's signer is kept in memory; the next call reads the user's
		 * token from the store again.
		 */
		private Duration expireAfterAccess = Duration.ofHours(1);

		public int getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(int maximumSize) {
			this.maximumSize = maximumSize;
		}

		public Duration getExpireAfterAccess() {
			return this.expireAfterAccess;
		}

		public void setExpireAfterAccess(Duration expireAfterAccess) {
			this.expireAfterAccess = expireAfterAccess;
		}

	}

	/**
	 * The endpoints that connect a user's wallet.
	 */
	public static class Connect {

		/**
		 * Path of the endpoint a signed-in user opens to connect their wallet, e.g.
		 * /wallet/connect; Paysera sends the user back to this path + /callback. Unset, there is
		 * no endpoint.
		 */
		private @Nullable String path;

		/**
		 * Scopes asked for.
		 */
		private List<String> scopes = new ArrayList<>(List.of("projects", "balance"));

		/**
		 * Language of Paysera's authorization page (a two-letter code), or unset for the user's.
		 */
		private @Nullable String language;

		/**
		 * Where the user goes once the wallet is connected.
		 */
		private String successUrl = "/";

		/**
		 * Absolute URL Paysera sends the user back to (the callback as the browser sees it, e.g.
		 * https://shop.example.com/wallet/connect/callback), for an application behind a proxy
		 * that does not pass X-Forwarded-* headers. Unset, it is built from the request.
		 */
		private @Nullable String redirectUri;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public @Nullable String getLanguage() {
			return this.language;
		}

		public void setLanguage(@Nullable String language) {
			this.language = language;
		}

		public String getSuccessUrl() {
			return this.successUrl;
		}

		public void setSuccessUrl(String successUrl) {
			this.successUrl = successUrl;
		}

		public @Nullable String getRedirectUri() {
			return this.redirectUri;
		}

		public void setRedirectUri(@Nullable String redirectUri) {
			this.redirectUri = redirectUri;
		}

	}

	/**
	 * Where refreshed user tokens are kept.
	 */
	public enum TokenStore {

		/** This JVM's memory. */
		MEMORY,

		/** Redis, shared by every instance. */
		REDIS,

		/** A relational database, through the application's DataSource, shared by every instance. */
		JDBC

	}

}
