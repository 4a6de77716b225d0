package io.github.walletproject.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 */
public final class MacSigners {

	private static final Log logger = LogFactory.getLog(MacSigners.class);

	private final @Nullable WalletTokenRefresher refresher;

	private final Duration maxWait;

	private final Map<WalletCredentials, Current> current = new ConcurrentHashMap<>();

	private final Map<WalletCredentials, CompletableFuture<Current>> refreshing = new ConcurrentHashMap<>();

	/**
	 * Create the signers.
	 * @param refresher refreshes refused user tokens, or {@code null} when they cannot be
	 * @param maxWait the longest a request waits for a refresh another request started
	 */
	public MacSigners(@Nullable WalletTokenRefresher refresher, Duration maxWait) {
		Assert.notNull(maxWait, "Max wait must not be null");
		this.refresher = refresher;
		this.maxWait = maxWait;
	}

	Current current(WalletCredentials credentials) {
		Current now = this.current.get(credentials);
		if (now == null) {
			MacSigner initial = (this.refresher != null && credentials.signer() != null)
					? this.refresher.initial(credentials) : null;
			MacSigner start = (initial != null) ? initial : credentials.signer();
			now = this.current.computeIfAbsent(credentials, key -> new Current(start, 0));
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
			now = this.current.getOrDefault(credentials, now);
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
		Current now = this.current.get(credentials);
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
			this.current.put(credentials, next);
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
		Current now = this.current.get(credentials);
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
