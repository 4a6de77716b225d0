package io.github.walletproject.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock, moved forward by hand: tests give it to the mock and to every application
 * they start, so that moving it ages caches and tokens while MAC timestamps stay in the mock's
 * window.
 */
public final class ShiftedClock extends Clock {

	private final AtomicLong shift = new AtomicLong();

	public void advance(Duration duration) {
		this.shift.addAndGet(duration.toMillis());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public long millis() {
		return System.currentTimeMillis() + this.shift.get();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

}
