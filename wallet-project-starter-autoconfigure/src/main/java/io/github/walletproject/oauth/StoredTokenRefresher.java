package io.github.walletproject.oauth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletException;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.WalletTokenRefresher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The built-in {@link WalletTokenRefresher}: renews the user tokens of the credentials that
 * have a refresh token configured, and of users ({@link WalletUserTokens}), through the OAuth
 * token endpoint, and keeps each new token in the {@link WalletTokenStore} <em>before</em> it is
 * used, so a spent refresh token is never needed again. Store keys start with a fingerprint of
 * the Wallet API base URL and the OAuth client ({@code <owner>:user:<key>}); those of configured
 * credentials end with a fingerprint of the configured token and refresh token
 * ({@code <owner>:credentials:<name>:<seed>}), so new configured credentials start over from
 * the configuration rather than from the chain of the old ones.
 * <ul>
 * <li>Ahead of expiry: a token is refreshed {@code refresh-ahead} before it expires (known
 * from {@code expires_in} once the starter has refreshed it once), and once when the API
 * refuses it with {@code invalid_grant}; the client makes that one refresh per token version
 * however many requests are waiting.</li>
 * <li>Across instances: before refreshing, the store is read; a newer token another instance
 * saved is taken as it is. With a shared store, the one instance that holds the store's lock
 * refreshes; the others wait (bounded) for the token it saves.</li>
 * <li>After a failed refresh, refresh-ahead pauses for {@code failure-backoff}, while the token
 * in use keeps serving until it expires.</li>
 * <li>A refreshed token the store cannot take (a failover) is used from memory, and kept at the
 * next call (then, while the store keeps failing, every {@code failure-backoff}): the spent
 * refresh token is never all that is left.</li>
 * </ul>
 */
public final class StoredTokenRefresher implements WalletTokenRefresher {

	private static final Log logger = LogFactory.getLog(StoredTokenRefresher.class);

	private static final Duration POLL = Duration.ofMillis(25);

	private final Supplier<WalletOAuthClient> oauth;

	private final WalletTokenStore store;

	private final TokenKeys keys;

	private final Map<String, String> refreshTokens;

	private final Duration refreshAhead;

	private final Duration maxWait;

	private final Duration failureBackoff;

	private final Clock clock;

	/** Per key of configured credentials: the token this instance signs with now. */
	private final Map<String, InUse> configured = new ConcurrentHashMap<>();

	/** Per key of a user: the same, bounded, and forgotten when the user disconnects. */
	private final Map<String, InUse> users;

	/** Per key: a refreshed token in use that the store could not take yet. */
	private final Map<String, Unsaved> unsaved = new ConcurrentHashMap<>();

	/** Per name of configured credentials: its store key (computed once). */
	private final Map<String, String> storeKeys = new ConcurrentHashMap<>();

	/**
	 * Create the refresher.
	 * @param oauth the token client (looked up when first needed: it signs with the client
	 * credentials through the same signers this refresher serves)
	 * @param store where tokens are kept
	 * @param baseUrl the Wallet API base URL, part of every store key
	 * @param client the OAuth client's credentials (their fingerprint is part of every store key)
	 * @param refreshTokens the configured refresh token of each credentials name
	 * @param refreshAhead how long before expiry a token is refreshed
	 * @param maxWait the longest this instance waits for another instance's refresh
	 * @param failureBackoff the pause of refresh-ahead after a failed refresh
	 * @param clock the clock
	 */
	public StoredTokenRefresher(Supplier<WalletOAuthClient> oauth, WalletTokenStore store, URI baseUrl,
			WalletCredentials client, Map<String, String> refreshTokens, Duration refreshAhead, Duration maxWait,
			Duration failureBackoff, Clock clock) {
		this(oauth, store, baseUrl, client, refreshTokens, refreshAhead, maxWait, failureBackoff, clock, 10_000,
				Duration.ofHours(1));
	}

	/**
	 * Create the refresher.
	 * @param oauth the token client (looked up when first needed: it signs with the client
	 * credentials through the same signers this refresher serves)
	 * @param store where tokens are kept
	 * @param baseUrl the Wallet API base URL, part of every store key
	 * @param client the OAuth client's credentials (their fingerprint is part of every store key)
	 * @param refreshTokens the configured refresh token of each credentials name
	 * @param refreshAhead how long before expiry a token is refreshed
	 * @param maxWait the longest this instance waits for another instance's refresh
	 * @param failureBackoff the pause of refresh-ahead after a failed refresh
	 * @param clock the clock
	 * @param maximumSize the most users whose token in use is kept in memory
	 * @param expireAfterAccess how long an unused user's entry is kept
	 */
	public StoredTokenRefresher(Supplier<WalletOAuthClient> oauth, WalletTokenStore store, URI baseUrl,
			WalletCredentials client, Map<String, String> refreshTokens, Duration refreshAhead, Duration maxWait,
			Duration failureBackoff, Clock clock, int maximumSize, Duration expireAfterAccess) {
		Assert.notNull(oauth, "OAuth client must not be null");
		Assert.notNull(store, "Token store must not be null");
		this.oauth = oauth;
		this.store = store;
		this.keys = new TokenKeys(baseUrl, client);
		this.refreshTokens = Map.copyOf(refreshTokens);
		this.refreshAhead = refreshAhead;
		this.maxWait = maxWait;
		this.failureBackoff = failureBackoff;
		this.clock = clock;
		this.users = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterAccess(expireAfterAccess)
			.executor(Runnable::run)
			.<String, InUse>build()
			.asMap();
	}

	/** The key of a set of credentials in this instance's memory. */
	private static String key(WalletCredentials credentials) {
		return isUser(credentials) ? credentials.name() : "credentials:" + credentials.name();
	}

	/** The key of a set of credentials in the store, with the owner's (and the seed's) fingerprint. */
	private String storeKey(WalletCredentials credentials) {
		if (isUser(credentials)) {
			return this.keys.of(credentials, null);
		}
		return this.storeKeys.computeIfAbsent(credentials.name(),
				(name) -> this.keys.of(credentials, this.refreshTokens.get(name)));
	}

	private static boolean isUser(WalletCredentials credentials) {
		return credentials.isUser();
	}

	private Map<String, InUse> inUse(WalletCredentials credentials) {
		return isUser(credentials) ? this.users : this.configured;
	}

	@Override
	public @Nullable MacSigner initial(WalletCredentials credentials) {
		if (!refreshable(credentials)) {
			return null;
		}
		WalletAccessToken stored = this.store.get(storeKey(credentials));
		if (stored == null) {
			inUse(credentials).put(key(credentials), new InUse(configuredId(credentials), null, null));
			return null;
		}
		return adopt(credentials, stored);
	}

	@Override
	public boolean isDue(WalletCredentials credentials, MacSigner inUse) {
		String key = key(credentials);
		InUse using = inUse(credentials).get(key);
		if (using == null || !using.accessToken().equals(inUse.macId())) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant failedAt = using.failedAt();
		if (failedAt != null && now.isBefore(failedAt.plus(this.failureBackoff))) {
			return false;
		}
		if (!this.unsaved.isEmpty() && this.unsaved.containsKey(key)) {
			return true; // the store did not take the token in use: keep it now (on a thread that may block)
		}
		return using.expiresAt() != null && !now.isBefore(using.expiresAt().minus(this.refreshAhead));
	}

	@Override
	public @Nullable MacSigner refresh(WalletCredentials credentials) {
		if (!refreshable(credentials)) {
			return null;
		}
		String key = key(credentials);
		String storeKey = storeKey(credentials);
		Unsaved unsaved = this.unsaved.get(key);
		if (unsaved != null) {
			MacSigner kept = keep(credentials, unsaved);
			if (kept != null) {
				return kept;
			}
		}
		InUse current = inUse(credentials).get(key);
		String using = (current != null) ? current.accessToken() : configuredId(credentials);
		WalletAccessToken newer = newer(storeKey, using);
		if (newer != null) {
			return adopt(credentials, newer);
		}
		if (!this.store.tryLock(storeKey, this.maxWait.multipliedBy(2))) {
			return awaitAnotherInstance(credentials, using);
		}
		try {
			newer = newer(storeKey, using);
			if (newer != null) {
				return adopt(credentials, newer);
			}
			WalletAccessToken stored = this.store.get(storeKey);
			String refreshToken = (stored != null) ? stored.refreshToken() : this.refreshTokens.get(credentials.name());
			if (refreshToken == null) {
				logger.warn("Wallet API access token of credentials '" + credentials.name()
						+ "' cannot be refreshed: the token store holds no refresh token for it");
				return null;
			}
			WalletAccessToken next;
			try {
				next = this.oauth.get().refresh(refreshToken, null);
			}
			catch (WalletException ex) {
				inUse(credentials).put(key, new InUse(using, (current != null) ? current.expiresAt() : null,
						this.clock.instant()));
				// a refresh token another instance spent without the store's lock: its token may be there
				newer = (ex instanceof WalletApiException) ? newer(storeKey, using) : null;
				if (newer != null) {
					return adopt(credentials, newer);
				}
				throw ex;
			}
			// kept before it is used: the old refresh token is spent now. Only over the token it
			// renews: one saved meanwhile (the user reconnected) is newer and stays
			String expected = (stored != null) ? stored.accessToken() : null;
			boolean kept;
			try {
				kept = this.store.replace(storeKey, expected, next);
			}
			catch (RuntimeException ex) {
				// the only valid refresh token is next's: use it from memory, keep it at the next call
				logger.warn("Wallet API access token of credentials '" + credentials.name() + "' was refreshed, but "
						+ "the token store did not take it (" + ex.getClass().getSimpleName() + "); it is used from "
						+ "memory and kept in the store at the next call");
				this.unsaved.put(key, new Unsaved(expected, next));
				return adopt(credentials, next);
			}
			return kept ? adopt(credentials, next) : supersededBy(credentials, next);
		}
		finally {
			this.store.unlock(storeKey);
		}
	}

	/**
	 * Keep a refreshed token the store did not take before: its signer when it is kept now and
	 * still fresh, or while the store keeps failing (retried after {@code failure-backoff});
	 * {@code null} when it is kept but due, so the caller refreshes it as usual.
	 */
	private @Nullable MacSigner keep(WalletCredentials credentials, Unsaved unsaved) {
		String key = key(credentials);
		WalletAccessToken token = unsaved.token();
		boolean kept;
		try {
			kept = this.store.replace(storeKey(credentials), unsaved.expected(), token);
		}
		catch (RuntimeException ex) {
			logger.warn("Wallet API access token of credentials '" + credentials.name() + "' is still not kept in "
					+ "the token store (" + ex.getClass().getSimpleName() + "); it stays in use from memory");
			inUse(credentials).put(key, new InUse(token.accessToken(), token.expiresAt(), this.clock.instant()));
			return token.signer();
		}
		this.unsaved.remove(key, unsaved);
		if (!kept) {
			return supersededBy(credentials, token);
		}
		Instant expiresAt = token.expiresAt();
		if (expiresAt != null && !this.clock.instant().isBefore(expiresAt.minus(this.refreshAhead))) {
			return null;
		}
		return adopt(credentials, token);
	}

	/**
	 * The store took another token while this refresh was in flight: a reconnect saved a
	 * newer one, or the user disconnected. That token is used (or none); the one this refresh
	 * obtained is revoked, as nothing will use it.
	 */
	private @Nullable MacSigner supersededBy(WalletCredentials credentials, WalletAccessToken refreshed) {
		String key = key(credentials);
		try {
			this.oauth.get().revoke(refreshed.accessToken());
		}
		catch (WalletException ex) {
			logger.debug("Wallet API token refreshed under " + key + " but superseded could not be revoked: "
					+ ex.getClass().getSimpleName());
		}
		WalletAccessToken saved = this.store.get(storeKey(credentials));
		if (saved == null) {
			inUse(credentials).remove(key);
			return null;
		}
		return adopt(credentials, saved);
	}

	@Override
	public void forget(WalletCredentials credentials) {
		if (isUser(credentials)) {
			this.users.remove(key(credentials));
			this.unsaved.remove(key(credentials));
		}
	}

	private @Nullable MacSigner awaitAnotherInstance(WalletCredentials credentials, String using) {
		String storeKey = storeKey(credentials);
		Instant deadline = this.clock.instant().plus(this.maxWait);
		while (this.clock.instant().isBefore(deadline)) {
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			WalletAccessToken newer = newer(storeKey, using);
			if (newer != null) {
				return adopt(credentials, newer);
			}
		}
		logger.warn("Wallet API access token under " + key(credentials) + " was not refreshed by the instance holding the "
				+ "token store's lock within " + this.maxWait);
		return null;
	}

	/** The store's token when it is not the one in use and has not expired. */
	private @Nullable WalletAccessToken newer(String key, String using) {
		WalletAccessToken stored = this.store.get(key);
		if (stored == null || stored.accessToken().equals(using)) {
			return null;
		}
		Instant expiresAt = stored.expiresAt();
		return (expiresAt == null || this.clock.instant().isBefore(expiresAt)) ? stored : null;
	}

	private MacSigner adopt(WalletCredentials credentials, WalletAccessToken token) {
		inUse(credentials).put(key(credentials), new InUse(token.accessToken(), token.expiresAt(), null));
		return token.signer();
	}

	private boolean refreshable(WalletCredentials credentials) {
		return credentials.signer() != null
				&& (this.refreshTokens.containsKey(credentials.name()) || isUser(credentials));
	}

	private static String configuredId(WalletCredentials credentials) {
		MacSigner signer = credentials.signer();
		return (signer != null) ? signer.macId() : "";
	}

	/**
	 * A refreshed token the store did not take: the access token it replaces in the store
	 * (compare-and-set) and the token. Its {@code toString} shows no secret.
	 */
	private record Unsaved(@Nullable String expected, WalletAccessToken token) {

		@Override
		public String toString() {
			return "Unsaved[" + this.token + "]";
		}

	}

	/**
	 * The token a key signs with in this instance: its access token (compared, never shown),
	 * its expiry where known, and when its last refresh failed.
	 */

	private record InUse(String accessToken, @Nullable Instant expiresAt, @Nullable Instant failedAt) {

		@Override
		public String toString() {
			return "InUse[expiresAt=" + this.expiresAt + ", failedAt=" + this.failedAt + "]";
		}

	}

	@Override
	public String toString() {
		return "StoredTokenRefresher[" + this.refreshTokens.size() + " refreshable credentials, store="
				+ this.store.getClass().getSimpleName() + "]";
	}

}
