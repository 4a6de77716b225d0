package io.github.walletproject.oauth;

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
 * token endpoint, and keeps each new token in the {@link WalletTokenStore} (under
 * {@code credentials:<name>} or {@code user:<key>}) <em>before</em> it is used, so a spent
 * refresh token is never needed again.
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
 * </ul>
 */
public final class StoredTokenRefresher implements WalletTokenRefresher {

	private static final Log logger = LogFactory.getLog(StoredTokenRefresher.class);

	private static final Duration POLL = Duration.ofMillis(25);

	private final Supplier<WalletOAuthClient> oauth;

	private final WalletTokenStore store;

	private final Map<String, String> refreshTokens;

	private final Duration refreshAhead;

	private final Duration maxWait;

	private final Duration failureBackoff;

	private final Clock clock;

	/** Per key of configured credentials: the token this instance signs with now. */
	private final Map<String, InUse> configured = new ConcurrentHashMap<>();

	/** Per key of a user: the same, bounded, and forgotten when the user disconnects. */
	private final Map<String, InUse> users;

	/**
	 * Create the refresher.
	 * @param oauth the token client (looked up when first needed: it signs with the client
	 * credentials through the same signers this refresher serves)
	 * @param store where tokens are kept
	 * @param refreshTokens the configured refresh token of each credentials name
	 * @param refreshAhead how long before expiry a token is refreshed
	 * @param maxWait the longest this instance waits for another instance's refresh
	 * @param failureBackoff the pause of refresh-ahead after a failed refresh
	 * @param clock the clock
	 */
	public StoredTokenRefresher(Supplier<WalletOAuthClient> oauth, WalletTokenStore store,
			Map<String, String> refreshTokens, Duration refreshAhead, Duration maxWait, Duration failureBackoff,
			Clock clock) {
		this(oauth, store, refreshTokens, refreshAhead, maxWait, failureBackoff, clock, 10_000, Duration.ofHours(1));
	}

	/**
	 * Create the refresher.
	 * @param oauth the token client (looked up when first needed: it signs with the client
	 * credentials through the same signers this refresher serves)
	 * @param store where tokens are kept
	 * @param refreshTokens the configured refresh token of each credentials name
	 * @param refreshAhead how long before expiry a token is refreshed
	 * @param maxWait the longest this instance waits for another instance's refresh
	 * @param failureBackoff the pause of refresh-ahead after a failed refresh
	 * @param clock the clock
	 * @param maximumSize the most users whose token in use is kept in memory
	 * @param expireAfterAccess how long an unused user's entry is kept
	 */
	public StoredTokenRefresher(Supplier<WalletOAuthClient> oauth, WalletTokenStore store,
			Map<String, String> refreshTokens, Duration refreshAhead, Duration maxWait, Duration failureBackoff,
			Clock clock, int maximumSize, Duration expireAfterAccess) {
		Assert.notNull(oauth, "OAuth client must not be null");
		Assert.notNull(store, "Token store must not be null");
		this.oauth = oauth;
		this.store = store;
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

	/**
	 * The store key of a set of credentials.
	 * @param credentials the credentials
	 * @return {@code credentials:<name>}
	 */
	public static String key(WalletCredentials credentials) {
		return isUser(credentials) ? credentials.name() : "credentials:" + credentials.name();
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
		String key = key(credentials);
		WalletAccessToken stored = this.store.get(key);
		if (stored == null) {
			inUse(credentials).put(key, new InUse(configuredId(credentials), null, null));
			return null;
		}
		return adopt(credentials, stored);
	}

	@Override
	public boolean isDue(WalletCredentials credentials, MacSigner inUse) {
		InUse using = inUse(credentials).get(key(credentials));
		if (using == null || using.expiresAt() == null || !using.accessToken().equals(inUse.macId())) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant failedAt = using.failedAt();
		if (failedAt != null && now.isBefore(failedAt.plus(this.failureBackoff))) {
			return false;
		}
		return !now.isBefore(using.expiresAt().minus(this.refreshAhead));
	}

	@Override
	public @Nullable MacSigner refresh(WalletCredentials credentials) {
		if (!refreshable(credentials)) {
			return null;
		}
		String key = key(credentials);
		InUse current = inUse(credentials).get(key);
		String using = (current != null) ? current.accessToken() : configuredId(credentials);
		WalletAccessToken newer = newer(key, using);
		if (newer != null) {
			return adopt(credentials, newer);
		}
		if (!this.store.tryLock(key, this.maxWait.multipliedBy(2))) {
			return awaitAnotherInstance(credentials, using);
		}
		try {
			newer = newer(key, using);
			if (newer != null) {
				return adopt(credentials, newer);
			}
			WalletAccessToken stored = this.store.get(key);
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
				newer = (ex instanceof WalletApiException) ? newer(key, using) : null;
				if (newer != null) {
					return adopt(credentials, newer);
				}
				throw ex;
			}
			// kept before it is used: the old refresh token is spent now. Only over the token it
			// renews: one saved meanwhile (the user reconnected) is newer and stays
			if (!this.store.replace(key, (stored != null) ? stored.accessToken() : null, next)) {
				return supersededBy(credentials, next);
			}
			return adopt(credentials, next);
		}
		finally {
			this.store.unlock(key);
		}
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
		WalletAccessToken saved = this.store.get(key);
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
		}
	}

	private @Nullable MacSigner awaitAnotherInstance(WalletCredentials credentials, String using) {
		String key = key(credentials);
		Instant deadline = this.clock.instant().plus(this.maxWait);
		while (this.clock.instant().isBefore(deadline)) {
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			WalletAccessToken newer = newer(key, using);
			if (newer != null) {
				return adopt(credentials, newer);
			}
		}
		logger.warn("Wallet API access token under " + key + " was not refreshed by the instance holding the "
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
