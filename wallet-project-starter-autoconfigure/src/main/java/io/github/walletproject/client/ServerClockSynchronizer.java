package io.github.walletproject.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.walletproject.WalletException;
import io.github.walletproject.WalletTimeoutException;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.internal.BlockingCalls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.Assert;

/**
 * Measures the server's clock with {@code GET server} and records the offset used for all
 * later MAC timestamps. Requests refused with {@code invalid_timestamp} at the same offset
 * version share one measurement. The clock is read on the starter's own unauthenticated
 * client, so a measurement never routes, never checks access and never waits on the request
 * that asked for it. No lock is held across the HTTP call, and waiting for a measurement
 * another request started is bounded.
 */
public final class ServerClockSynchronizer {

	private static final Log logger = LogFactory.getLog(ServerClockSynchronizer.class);

	private final Supplier<Instant> serverTime;

	private final ServerTimeOffset offset;

	private final Duration maxWait;

	private final AtomicReference<CompletableFuture<Long>> measuring = new AtomicReference<>();

	/**
	 * Create a synchronizer.
	 * @param serverTime reads the server's clock ({@code GET server}), looked up lazily
	 * @param offset the offset to keep up to date
	 * @param maxWait the longest a request waits for a measurement another request started
	 */
	public ServerClockSynchronizer(Supplier<Instant> serverTime, ServerTimeOffset offset, Duration maxWait) {
		Assert.notNull(serverTime, "Server time must not be null");
		Assert.notNull(offset, "Offset must not be null");
		Assert.notNull(maxWait, "Max wait must not be null");
		this.serverTime = serverTime;
		this.offset = offset;
		this.maxWait = maxWait;
	}

	/**
	 * Read the server's time and update the offset.
	 * @return the offset in seconds
	 */
	public long synchronize() {
		BlockingCalls.blocking("reading the Wallet API clock");
		long seconds = this.offset.adjustTo(this.serverTime.get().getEpochSecond());
		if (logger.isInfoEnabled()) {
			logger.info("Wallet API clock offset is now " + seconds + " s (server minus local)");
		}
		return seconds;
	}

	/**
	 * Re-measure after a request signed at offset version {@code seen} was refused, unless
	 * another request has measured since: requests refused together share one measurement.
	 * @param seen {@link ServerTimeOffset#version()} when the refused request was signed
	 */
	public void synchronizeAfter(long seen) {
		if (this.offset.version() != seen) {
			return;
		}
		CompletableFuture<Long> mine = new CompletableFuture<>();
		CompletableFuture<Long> running = this.measuring.compareAndExchange(null, mine);
		if (running != null) {
			await(running);
			return;
		}
		try {
			mine.complete((this.offset.version() != seen) ? this.offset.seconds() : synchronize());
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.measuring.set(null);
		}
	}

	private void await(CompletableFuture<Long> running) {
		BlockingCalls.blocking("waiting for the Wallet API clock");
		try {
			running.get(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof WalletException wallet) ? wallet
					: new WalletException("Could not read the Wallet API clock", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new WalletTimeoutException("Gave up waiting " + this.maxWait.toMillis() + " ms for the Wallet API "
					+ "clock to be read (paysera.wallet.connect-timeout + read-timeout)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletException("Interrupted while waiting for the Wallet API clock", ex);
		}
	}

	/**
	 * The offset holder.
	 * @return the offset
	 */
	public ServerTimeOffset offset() {
		return this.offset;
	}

}
