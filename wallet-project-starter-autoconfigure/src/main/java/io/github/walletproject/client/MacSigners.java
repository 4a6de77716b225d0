package io.github.walletproject.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.walletproject.WalletException;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.BlockingCalls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The signer each set of MAC credentials signs with now: the configured one until a
 * {@link WalletTokenRefresher} replaced its user token. Each replacement is a new version;
 * requests refused with {@code invalid_grant} at the same version share one refresh, so a
 * single-use refresh token is spent once however many calls were refused together. No lock is
 * held while the refresher runs, and waiting for it is bounded.
 * <p>
 * The signers of users' credentials ({@link WalletCredentials#isUser()}) are kept in a bounded
 * cache: at most {@code maximumSize} users, each dropped after {@code expireAfterAccess}
 * unused (the next call reads the user's token from the store again), and at once when the
 * user disconnects ({@link #forget}). The configured credentials are few and always kept.
 */
public final class MacSigners {

	private static final Log logger = LogFactory.getLog(MacSigners.class);

	private final @Nullable WalletTokenRefresher refresher;

	private final Duration maxWait;

	private final Map<WalletCredentials, Current> configured = new ConcurrentHashMap<>();

	private final Map<WalletCredentials, Current> users;

	private final Map<WalletCredentials, CompletableFuture<Current>> refreshing = new ConcurrentHashMap<>();

	/**
	 * Create the signers.
	 * @param refresher refreshes refused user tokens, or {@code null} when they cannot be
	 * @param maxWait the longest a request waits for a refresh another request started
	 */
	public MacSigners(@Nullable WalletTokenRefresher refresher, Duration maxWait) {
		this(refresher, maxWait, 10_000, Duration.ofHours(1));
	}

	/**
	 * Create the signers.
	 * @param refresher refreshes refused user tokens, or {@code null} when they cannot be
	 * @param maxWait the longest a request waits for a refresh another request started
	 * @param maximumSize the most users whose signers are kept in memory
	 * @param expireAfterAccess how long an unused user's signer is kept
	 */
	public MacSigners(@Nullable WalletTokenRefresher refresher, Duration maxWait, int maximumSize,
			Duration expireAfterAccess) {
		Assert.notNull(maxWait, "Max wait must not be null");
		Assert.isTrue(maximumSize > 0, "Maximum size must be positive");
		this.refresher = refresher;
		this.maxWait = maxWait;
		this.users = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterAccess(expireAfterAccess)
			.executor(Runnable::run)
			.<WalletCredentials, Current>build()
			.asMap();
	}

	/**
	 * Drop what is kept for credentials that will not be used again (a user who disconnected
	 * or reconnected), here and in the refresher.
	 * @param credentials the credentials
	 */
	public void forget(WalletCredentials credentials) {
		map(credentials).remove(credentials);
		if (this.refresher != null) {
			this.refresher.forget(credentials);
		}
	}

	private Map<WalletCredentials, Current> map(WalletCredentials credentials) {
		return credentials.isUser() ? this.users : this.configured;
	}

	Current current(WalletCredentials credentials) {
		Map<WalletCredentials, Current> current = map(credentials);
		Current now = current.get(credentials);
		if (now == null) {
			MacSigner initial = (this.refresher != null && credentials.signer() != null)
					? this.refresher.initial(credentials) : null;
			MacSigner start = (initial != null) ? initial : credentials.signer();
			now = current.computeIfAbsent(credentials, key -> new Current(start, 0));
		}
		if (this.refresher != null && now.signer() != null && credentials.signer() != null
				&& this.refresher.isDue(credentials, now.signer())) {
			// refresh-ahead: once per version; a failure leaves the token in use as it is
			try {
				refreshAfter(credentials, now.version());
			}
			catch (RuntimeException ex) {
				logger.warn("Wallet API access token of credentials '" + credentials.name()
						+ "' could not be refreshed ahead of its expiry; it stays in use: " + ex.getClass().getSimpleName());
			}
			now = current.getOrDefault(credentials, now);
		}
		return now;
	}

	/**
	 * Whether {@link #current} would answer from memory at once: no stored token to read
	 * first, no refresh ahead of expiry due. The reactive client asks before signing on an
	 * event loop, and otherwise has {@code current} run on a thread that may block.
	 * @param credentials the credentials of a request
	 * @return {@code true} when nothing would wait
	 */
	boolean ready(WalletCredentials credentials) {
		if (this.refresher == null || credentials.signer() == null) {
			return true;
		}
		Current now = map(credentials).get(credentials);
		return now != null && (now.signer() == null || !this.refresher.isDue(credentials, now.signer()));
	}

	/**
	 * After a request signed at {@code seen} was refused with {@code invalid_grant}: make sure
	 * a newer signer exists, refreshing at most once per version.
	 * @return {@code true} when the request may be replayed with a newer signer
	 */
	boolean refreshAfter(WalletCredentials credentials, long seen) {
		if (this.refresher == null || credentials.signer() == null) {
			return false;
		}
		if (stored(credentials).version() != seen) {
			return true;
		}
		CompletableFuture<Current> mine = new CompletableFuture<>();
		CompletableFuture<Current> running = this.refreshing.putIfAbsent(credentials, mine);
		if (running != null) {
			return awaitOther(running, seen);
		}
		try {
			if (stored(credentials).version() != seen) {
				mine.complete(stored(credentials));
				return true;
			}
			BlockingCalls.blocking("refreshing a token");
			MacSigner refreshed = this.refresher.refresh(credentials);
			if (refreshed == null) {
				mine.complete(null);
				return false;
			}
			Current next = new Current(refreshed, seen + 1);
			if (credentials.isUser()) {
				// a user forgotten meanwhile (disconnected) is not kept again
				this.users.replace(credentials, next);
			}
			else {
				this.configured.put(credentials, next);
			}
			mine.complete(next);
			logger.info("Wallet API access token of credentials '" + credentials.name() + "' was refreshed");
			return true;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.refreshing.remove(credentials, mine);
		}
	}

	/** The signer in use, without the refresh-ahead check (which calls back here). */
	private Current stored(WalletCredentials credentials) {
		Current now = map(credentials).get(credentials);
		return (now != null) ? now : new Current(credentials.signer(), 0);
	}

	private boolean awaitOther(CompletableFuture<Current> running, long seen) {
		BlockingCalls.blocking("waiting for a token refresh");
		try {
			Current next = running.get(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
			return next != null && next.version() != seen;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletException("Interrupted while waiting for a Wallet API token refresh", ex);
		}
	}

	record Current(@Nullable MacSigner signer, long version) {
	}

}
