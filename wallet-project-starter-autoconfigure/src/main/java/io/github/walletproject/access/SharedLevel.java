package io.github.walletproject.access;

import java.io.Serializable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;

/**
 * The optional shared second level of a {@link RefreshingCache}: a Spring {@link Cache}
 * (Redis, Hazelcast…) that several instances read and write. Its failures never fail a
 * lookup: the first level and the source still answer, and the failure is logged by type,
 * once per outage. Its state is that of its latest read, or a write that failed.
 */
final class SharedLevel<V extends Serializable> {

	private static final Log logger = LogFactory.getLog(SharedLevel.class);

	private final String name;

	private final @Nullable Cache cache;

	private volatile boolean healthy = true;

	SharedLevel(String name, @Nullable Cache cache) {
		this.name = name;
		this.cache = cache;
	}

	@SuppressWarnings("unchecked")
	RefreshingCache.@Nullable Entry<V> read(Object key) {
		if (this.cache == null) {
			return null;
		}
		try {
			Cache.ValueWrapper wrapper = this.cache.get(key(key));
			Object value = (wrapper != null) ? wrapper.get() : null;
			up();
			return (value instanceof RefreshingCache.Entry<?> entry && entry.value() != null)
					? (RefreshingCache.Entry<V>) entry : null;
		}
		catch (RuntimeException ex) {
			down("read", ex);
			return null;
		}
	}

	void write(Object key, RefreshingCache.Entry<V> entry) {
		if (this.cache == null) {
			return;
		}
		try {
			// no up(): a put that returns proves nothing, since writers may store asynchronously
			// (Spring Data Redis 4 does by default) and drop their failures; only reads tell
			this.cache.put(key(key), entry);
		}
		catch (RuntimeException ex) {
			down("written", ex);
		}
	}

	void evict(Object key) {
		if (this.cache == null) {
			return;
		}
		try {
			this.cache.evict(key(key));
		}
		catch (RuntimeException ex) {
			down("evicted", ex);
		}
	}

	void clear() {
		if (this.cache == null) {
			return;
		}
		try {
			this.cache.clear();
		}
		catch (RuntimeException ex) {
			down("cleared", ex);
		}
	}

	/**
	 * The last-known state of the shared cache, from this level's own reads and failed writes:
	 * never a call of its own, so it answers at once whatever the shared cache does.
	 * @return {@code NONE} without a shared cache, {@code UNAVAILABLE} after a failure until a
	 * read works again
	 */
	WalletCaches.SharedCacheState state() {
		if (this.cache == null) {
			return WalletCaches.SharedCacheState.NONE;
		}
		return this.healthy ? WalletCaches.SharedCacheState.AVAILABLE : WalletCaches.SharedCacheState.UNAVAILABLE;
	}

	private String key(Object key) {
		return this.name + ':' + key;
	}

	private void up() {
		if (!this.healthy) {
			this.healthy = true;
			logger.info("Shared cache '" + this.name + "' answers again");
		}
	}

	private void down(String what, RuntimeException ex) {
		if (this.healthy) {
			logger.warn("Shared cache '" + this.name + "' could not be " + what + " (" + ex.getClass().getSimpleName()
					+ "); working from memory until it answers again");
		}
		this.healthy = false;
	}

}
