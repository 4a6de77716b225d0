package io.github.walletproject.oauth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where user tokens are kept, under keys the starter makes: {@code <owner>:user:<key>} for a
 * user, {@code <owner>:credentials:<name>:<seed>} for configured credentials, where
 * {@code <owner>} (64 hex digits) fingerprints the Wallet API base URL and the OAuth client and
 * {@code <seed>} (64 hex digits) the configured token, so one store serves several
 * applications and environments without mixing their tokens. A key holds no secret and is at
 * most 198 characters (plus a project alias's length). A refresh token is good for one use, so
 * the store holds the newest token of each chain: whoever refreshes saves the new token before
 * anything could need the old refresh token again.
 * <p>
 * Tokens are secrets: an implementation never logs them and keeps them only where the
 * application configured it to. {@link #tryLock} lets instances that share a store refresh a
 * chain once between them; a store that only one JVM uses can keep the default.
 */
public interface WalletTokenStore {

	/**
	 * The newest token under a key.
	 * @param key the key
	 * @return the token, or {@code null}
	 */
	@Nullable WalletAccessToken get(String key);

	/**
	 * Keep a token under a key, replacing the one there.
	 * @param key the key
	 * @param token the token
	 */
	void put(String key, WalletAccessToken token);

	/**
	 * Keep a token under a key only if the key still holds the token it renews: a
	 * compare-and-set on the access token, which is new with every token, so it versions the
	 * key. A refresh saves its result this way, so a token saved meanwhile (the user reconnected,
	 * or disconnected) is never overwritten by the refresh of an older one. Implementations
	 * make the check and the write one atomic step.
	 * @param key the key
	 * @param expected the access token the key must hold now, or {@code null} when it must
	 * hold none
	 * @param token the token to keep
	 * @return {@code true} when the token was kept; {@code false} when the key holds another
	 * token (or none), which is left as it is
	 */
	boolean replace(String key, @Nullable String expected, WalletAccessToken token);

	/**
	 * Forget the token under a key.
	 * @param key the key
	 */
	void remove(String key);

	/**
	 * Try to become the one that refreshes a key's token, for at most {@code ttl}.
	 * @param key the key
	 * @param ttl how long the lock lasts if it is never released
	 * @return {@code true} when this caller holds the lock
	 */
	default boolean tryLock(String key, Duration ttl) {
		return true;
	}

	/**
	 * Release a lock this caller holds.
	 * @param key the key
	 */
	default void unlock(String key) {
	}

}
