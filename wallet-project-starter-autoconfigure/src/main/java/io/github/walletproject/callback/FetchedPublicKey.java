package io.github.walletproject.callback;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.github.walletproject.internal.Texts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Paysera's key fetched from {@code public-key-uri} on first use and kept. After a signature
 * does not verify, it is fetched again, but at most once per {@code key-refetch-interval}
 * (so a flood of forged callbacks cannot make the starter hammer Paysera), which lets Paysera
 * rotate its key. A fetch that fails leaves the previous key in place; with no key at all,
 * callbacks are refused (fail closed) and the next one tries again after the interval.
 */
final class FetchedPublicKey implements CallbackPublicKey {

	private static final Log logger = LogFactory.getLog(FetchedPublicKey.class);

	private final URI uri;

	private final Function<URI, String> fetcher;

	private final Duration interval;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable PublicKey key;

	private volatile @Nullable Instant loadedAt;

	private volatile @Nullable Instant lastAttempt;

	private volatile @Nullable Instant lastRefetch;

	private volatile @Nullable String lastError;

	FetchedPublicKey(URI uri, Function<URI, String> fetcher, Duration interval, Clock clock) {
		this.uri = uri;
		this.fetcher = fetcher;
		this.interval = interval;
		this.clock = clock;
	}

	@Override
	public PublicKey current() {
		PublicKey known = this.key;
		if (known != null) {
			return known;
		}
		PublicKey fetched = fetch(false);
		if (fetched == null) {
			throw new KeyUnavailableException("Paysera's callback key could not be fetched from " + this.uri + ": "
					+ this.lastError, null);
		}
		return fetched;
	}

	@Override
	public @Nullable PublicKey refreshed() {
		PublicKey before = this.key;
		PublicKey after = fetch(true);
		return (after != null && after != before) ? after : null;
	}

	@Override
	public State state() {
		return new State(this.uri.toString(), this.loadedAt, this.lastError);
	}

	/** One fetch at a time; a caller that waited for another's fetch uses its result. */
	private @Nullable PublicKey fetch(boolean afterFailure) {
		PublicKey seen = this.key;
		this.lock.lock();
		try {
			if (this.key != seen) {
				return this.key;
			}
			Instant now = this.clock.instant();
			// after a failed verification: once per interval; without a key: again once the last failure is old enough
			Instant last = afterFailure ? this.lastRefetch : (this.lastError != null) ? this.lastAttempt : null;
			if (last != null && now.isBefore(last.plus(this.interval))) {
				return afterFailure ? null : this.key;
			}
			this.lastAttempt = now;
			if (afterFailure) {
				this.lastRefetch = now;
			}
			try {
				PublicKey fetched = PemPublicKeys.parse(this.fetcher.apply(this.uri));
				this.key = fetched;
				this.loadedAt = now;
				this.lastError = null;
				if (seen != null) {
					logger.info("Fetched Paysera's callback key again from " + this.uri + " after a signature did not "
							+ "verify" + (fetched.equals(seen) ? "; it is unchanged" : "; it changed"));
				}
				return fetched;
			}
			catch (RuntimeException ex) {
				this.lastError = ex.getClass().getSimpleName() + ": " + Texts.rootMessage(ex);
				logger.warn("Could not fetch Paysera's callback key from " + this.uri + " (" + this.lastError + ")"
						+ ((seen != null) ? "; keeping the previous key" : "; callbacks are refused until it can be fetched"));
				return afterFailure ? null : seen;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

}
