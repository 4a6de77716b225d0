package io.github.walletproject.auth;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.Assert;

/**
 * The difference between the Wallet API server's clock and ours, in seconds, added to every
 * MAC timestamp. It starts at zero and is set when the server rejects a timestamp or when
 * the clock is synchronized at startup.
 */
public final class ServerTimeOffset {

	private final Clock clock;

	private final AtomicLong offsetSeconds = new AtomicLong();

	private volatile boolean synced;

	private final AtomicLong version = new AtomicLong();

	/**
	 * Create an offset holder over a clock.
	 * @param clock the local clock
	 */
	public ServerTimeOffset(Clock clock) {
		Assert.notNull(clock, "Clock must not be null");
		this.clock = clock;
	}

	/**
	 * Unix time in seconds as the server sees it: the local clock plus the offset.
	 * @return the timestamp to sign with
	 */
	public long timestamp() {
		return Math.floorDiv(this.clock.millis(), 1000L) + this.offsetSeconds.get();
	}

	/**
	 * Record the server's time as just read.
	 * @param serverEpochSeconds the server's Unix time in seconds
	 * @return the new offset in seconds
	 */
	public long adjustTo(long serverEpochSeconds) {
		long offset = serverEpochSeconds - Math.floorDiv(this.clock.millis(), 1000L);
		this.offsetSeconds.set(offset);
		this.synced = true;
		this.version.incrementAndGet();
		return offset;
	}

	/**
	 * A number that changes each time the offset is measured, so a caller can tell whether
	 * a measurement happened after it signed a request.
	 * @return the measurement count
	 */
	public long version() {
		return this.version.get();
	}

	/**
	 * The current server-minus-local offset.
	 * @return seconds
	 */
	public long seconds() {
		return this.offsetSeconds.get();
	}

	/**
	 * Whether the offset was ever measured against the server.
	 * @return {@code true} after a successful synchronization
	 */
	public boolean isSynced() {
		return this.synced;
	}

	/**
	 * The local clock in use.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	@Override
	public String toString() {
		return "ServerTimeOffset[" + this.offsetSeconds.get() + "s]";
	}

}
