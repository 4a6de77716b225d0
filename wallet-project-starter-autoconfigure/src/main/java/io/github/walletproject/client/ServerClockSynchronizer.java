package io.github.walletproject.client;

import java.util.function.Supplier;

import io.github.walletproject.auth.ServerTimeOffset;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Measures the server's clock with {@code GET server} and records the offset used for all
 * later MAC timestamps. Concurrent requests that all hit {@code invalid_timestamp} share one
 * measurement.
 */
public final class ServerClockSynchronizer {

	private static final Log logger = LogFactory.getLog(ServerClockSynchronizer.class);

	private final Supplier<WalletApi> api;

	private final ServerTimeOffset offset;

	/**
	 * Create a synchronizer.
	 * @param api the Wallet API client, looked up lazily
	 * @param offset the offset to keep up to date
	 */
	public ServerClockSynchronizer(Supplier<WalletApi> api, ServerTimeOffset offset) {
		this.api = api;
		this.offset = offset;
	}

	/**
	 * Read the server's time and update the offset.
	 * @return the offset in seconds
	 */
	public synchronized long synchronize() {
		long serverTime = this.api.get().serverTimeUnsynchronized().getEpochSecond();
		long seconds = this.offset.adjustTo(serverTime);
		if (logger.isInfoEnabled()) {
			logger.info("Wallet API clock offset is now " + seconds + " s (server minus local)");
		}
		return seconds;
	}

	/**
	 * Re-measure after a request signed at offset version {@code seen} was refused, unless
	 * another thread has measured since: requests refused together share one measurement.
	 * @param seen {@link ServerTimeOffset#version()} when the refused request was signed
	 */
	public synchronized void synchronizeAfter(long seen) {
		if (this.offset.version() == seen) {
			synchronize();
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
