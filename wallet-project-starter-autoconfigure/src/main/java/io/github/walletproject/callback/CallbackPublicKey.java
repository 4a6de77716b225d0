package io.github.walletproject.callback;

import java.security.PublicKey;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the key that verifies callbacks comes from: fetched from Paysera and cached, or pinned.
 */
interface CallbackPublicKey {

	/**
	 * The key to verify with.
	 * @return the key
	 * @throws KeyUnavailableException when there is none (a failed fetch fails closed)
	 */
	PublicKey current();

	/**
	 * A possibly newer key after a signature did not verify with {@link #current()}: fetched
	 * again at most once per interval.
	 * @return the new key, or {@code null} when none is (or may yet be) fetched
	 */
	@Nullable PublicKey refreshed();

	/**
	 * What the health detail shows.
	 * @return the state
	 */
	State state();

	/**
	 * The key's origin, when it was loaded and the last failure to load it.
	 * @param source {@code pinned} or the URI it is fetched from
	 * @param loadedAt when the key in use was loaded, or {@code null}
	 * @param lastError the last failure to fetch it (no secret: a class name and message), or {@code null}
	 */
	record State(String source, @Nullable Instant loadedAt, @Nullable String lastError) {
	}

	/** No key could be had: callbacks are refused until one can. */
	final class KeyUnavailableException extends RuntimeException {

		KeyUnavailableException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
