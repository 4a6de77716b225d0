package io.github.walletproject.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Values that expire, kept in memory (Caffeine) and, where one is configured, in a shared
 * Spring {@link org.springframework.cache.Cache} (Redis…) that every instance reads, so that
 * what one instance recorded or claimed the others see. Each value carries its own expiry,
 * since a shared cache's time-to-live is the application's to configure. A shared cache that
 * fails is logged once per outage and the instance works from memory.
 */
final class CallbackStore {

	private static final Log logger = LogFactory.getLog(CallbackStore.class);

	private final String prefix;

	private final Duration ttl;

	private final Clock clock;

	private final Cache<String, Entry> memory;

	private final org.springframework.cache.@Nullable Cache shared;

	private volatile boolean sharedHealthy = true;

	CallbackStore(String prefix, Duration ttl, long maximumSize, Clock clock,
			org.springframework.cache.@Nullable Cache shared) {
		this.prefix = prefix;
		this.ttl = ttl;
		this.clock = clock;
		this.memory = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(ttl.toMillis(), TimeUnit.MILLISECONDS)
			.build();
		this.shared = shared;
	}

	/**
	 * Remember a value for the time-to-live.
	 */
	void put(String key, long value) {
		put(key, value, null);
	}

	/**
	 * Remember a value and who it belongs to for the time-to-live.
	 */
	void put(String key, long value, @Nullable String owner) {
		Entry entry = new Entry(value, now() + this.ttl.toMillis(), owner);
		this.memory.put(key, entry);
		if (this.shared != null) {
			try {
				this.shared.put(sharedKey(key), entry);
				up();
			}
			catch (RuntimeException ex) {
				down("written", ex);
			}
		}
	}

	/**
	 * The value, if this instance holds it in memory and it has not expired: never waits for
	 * the shared cache.
	 */
	@Nullable Entry local(String key) {
		Entry entry = this.memory.getIfPresent(key);
		return (entry != null && entry.expiresAt() > now()) ? entry : null;
	}

	/**
	 * The value, if it was put and has not expired, here or on another instance.
	 */
	@Nullable Long get(String key) {
		Entry entry = entry(key);
		return (entry != null) ? entry.value() : null;
	}

	/**
	 * The entry, if it was put and has not expired, here or on another instance.
	 */
	@Nullable Entry entry(String key) {
		Entry entry = this.memory.getIfPresent(key);
		if (entry == null && this.shared != null) {
			try {
				org.springframework.cache.Cache.ValueWrapper wrapper = this.shared.get(sharedKey(key));
				up();
				if (wrapper != null && wrapper.get() instanceof Entry found) {
					entry = found;
					this.memory.put(key, found);
				}
			}
			catch (RuntimeException ex) {
				down("read", ex);
			}
		}
		return (entry != null && entry.expiresAt() > now()) ? entry : null;
	}

	/**
	 * Claim a key for a while: on any instance that shares the cache, the first claim wins
	 * until it expires, is {@linkplain #release released} or replaced by a {@link #put}.
	 * @param key the key
	 * @param value what the claim holds
	 * @param lease how long the claim lives unless replaced (at most the time-to-live)
	 * @return {@code null} when this call took the claim, else the value of the live claim
	 * found
	 */
	@Nullable Long claim(String key, long value, Duration lease) {
		long now = now();
		Entry entry = new Entry(value, now + Math.min(lease.toMillis(), this.ttl.toMillis()));
		if (this.shared != null) {
			try {
				org.springframework.cache.Cache.ValueWrapper existing = this.shared.putIfAbsent(sharedKey(key), entry);
				up();
				if (existing != null && existing.get() instanceof Entry found && found.expiresAt() > now) {
					return found.value();
				}
				if (existing != null) {
					// an expired claim the shared cache still holds: take it over
					this.shared.put(sharedKey(key), entry);
				}
				this.memory.put(key, entry);
				return null;
			}
			catch (RuntimeException ex) {
				down("claimed", ex);
			}
		}
		AtomicReference<@Nullable Entry> live = new AtomicReference<>();
		this.memory.asMap().compute(key, (name, previous) -> {
			if (previous != null && previous.expiresAt() > now) {
				live.set(previous);
				return previous;
			}
			return entry;
		});
		Entry found = live.get();
		return (found != null) ? found.value() : null;
	}

	/**
	 * Give up a claim, so that the next delivery is dispatched again.
	 */
	void release(String key) {
		this.memory.invalidate(key);
		if (this.shared != null) {
			try {
				this.shared.evict(sharedKey(key));
				up();
			}
			catch (RuntimeException ex) {
				down("evicted", ex);
			}
		}
	}

	/** Whether the shared cache worked at its latest use; {@code null} without one. */
	@Nullable Boolean sharedHealthy() {
		return (this.shared != null) ? this.sharedHealthy : null;
	}

	private String sharedKey(String key) {
		return this.prefix + key;
	}

	private long now() {
		return this.clock.millis();
	}

	private void up() {
		if (!this.sharedHealthy) {
			this.sharedHealthy = true;
			logger.info("Shared cache of the callbacks (" + this.prefix + ") answers again");
		}
	}

	private void down(String what, RuntimeException ex) {
		if (this.sharedHealthy) {
			logger.warn("Shared cache of the callbacks (" + this.prefix + ") could not be " + what + " ("
					+ ex.getClass().getSimpleName() + "); this instance works from memory until it answers again");
		}
		this.sharedHealthy = false;
	}

	/**
	 * A value, when it expires, in epoch milliseconds, and who it belongs to. (A record's
	 * serialized form matches its components by name: entries written before {@code owner}
	 * existed read with none.)
	 * @param value the value
	 * @param expiresAt its expiry
	 * @param owner the name of the user's credentials it was recorded for, or {@code null}
	 */
	record Entry(long value, long expiresAt, @Nullable String owner) implements java.io.Serializable {

		Entry(long value, long expiresAt) {
			this(value, expiresAt, null);
		}

	}

}
