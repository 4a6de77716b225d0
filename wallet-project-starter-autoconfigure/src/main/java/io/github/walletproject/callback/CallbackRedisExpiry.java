package io.github.walletproject.callback;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.cache.RedisCacheWriter;

/**
 * The Redis time-to-live of the callbacks' shared cache: each {@link CallbackStore.Entry}
 * lives in Redis exactly until its own expiry (a transaction's record for
 * {@code records.time-to-live}, an in-progress claim for {@code in-progress-lease},
 * a done one for {@code duplicate-window}), whatever
 * {@code spring.cache.redis.time-to-live} says; any other value as the cache is configured.
 */
final class CallbackRedisExpiry implements RedisCacheWriter.TtlFunction {

	private final RedisCacheWriter.TtlFunction otherwise;

	private final Clock clock;

	CallbackRedisExpiry(RedisCacheWriter.TtlFunction otherwise, Clock clock) {
		this.otherwise = otherwise;
		this.clock = clock;
	}

	@Override
	public Duration getTimeToLive(Object key, @Nullable Object value) {
		if (value instanceof CallbackStore.Entry entry) {
			// never zero or less: Redis would keep it forever
			return Duration.ofMillis(Math.max(1, entry.expiresAt() - this.clock.millis()));
		}
		return this.otherwise.getTimeToLive(key, value);
	}

}
