package io.github.walletproject.access;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.walletproject.internal.WalletMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A cache of remote lookups with the behaviour an access check needs:
 * <ul>
 * <li><b>coalesced</b>: concurrent misses of one key share a single load;</li>
 * <li><b>refresh-ahead</b>: in the last {@code refreshAhead} of the TTL a read returns the
 * cached value at once and starts one background reload;</li>
 * <li><b>stale-on-error</b>: when reloading fails, the last value keeps serving for up to
 * {@code maxStale} past the TTL, with reloads retried at most once per
 * {@code failureBackoff};</li>
 * <li><b>fail-closed</b>: beyond that, reads fail with {@link LoadFailedException}.</li>
 * </ul>
 * Values live in memory (Caffeine, bounded) and, optionally, in a shared Spring
 * {@link org.springframework.cache.Cache} so that a fleet of instances shares lookups: a
 * fresh enough value found there is taken instead of calling the source. Keys in the shared
 * cache are prefixed with this cache's name.
 *
 * @param <V> the cached value type
 */
public final class RefreshingCache<V extends Serializable> implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(RefreshingCache.class);

	private final String name;

	private final Function<String, V> loader;

	private final Clock clock;

	private final long ttlMillis;

	private final long freshMillis;

	private final long staleLimitMillis;

	private final long backoffMillis;

	private final Cache<String, Entry<V>> local;

	private final org.springframework.cache.@Nullable Cache shared;

	private final WalletMetrics metrics;

	private final Map<String, CompletableFuture<Entry<V>>> loads = new ConcurrentHashMap<>();

	private final Map<String, Failure> failures = new ConcurrentHashMap<>();

	private final ExecutorService refresher;

	/**
	 * Create a cache.
	 * @param name the cache name, used in metrics and messages
	 * @param loader loads the value of a key; may throw
	 * @param settings the timing settings
	 * @param clock the clock that ages entries
	 * @param shared a shared second-level cache, or {@code null}
	 * @param metrics counts hits, misses and loads
	 */
	public RefreshingCache(String name, Function<String, V> loader, Settings settings, Clock clock,
			org.springframework.cache.@Nullable Cache shared, WalletMetrics metrics) {
		this.name = name;
		this.loader = loader;
		this.clock = clock;
		this.ttlMillis = settings.ttl().toMillis();
		this.freshMillis = this.ttlMillis - settings.refreshAhead().toMillis();
		this.staleLimitMillis = this.ttlMillis + settings.maxStale().toMillis();
		this.backoffMillis = settings.failureBackoff().toMillis();
		// without a size bound Caffeine reads are plain map reads: no read buffer to contend on
		this.local = (settings.maximumSize() > 0) ? Caffeine.newBuilder().maximumSize(settings.maximumSize()).build()
				: Caffeine.newBuilder().build();
		this.shared = shared;
		this.metrics = metrics;
		AtomicInteger threads = new AtomicInteger();
		this.refresher = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "wallet-" + name + "-refresh-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The value of a key: from memory when usable, otherwise loaded (once, for all callers
	 * that ask at the same time).
	 * @param key the key
	 * @return the value
	 * @throws LoadFailedException when no value is at hand and loading failed
	 */
	public V get(String key) {
		long now = this.clock.millis();
		Entry<V> entry = this.local.getIfPresent(key);
		if (entry != null) {
			long age = now - entry.loadedAt();
			if (age < this.freshMillis) {
				this.metrics.cacheHit(this.name);
				return entry.value();
			}
			if (age < this.ttlMillis) {
				this.metrics.cacheHit(this.name);
				refreshInBackground(key, now);
				return entry.value();
			}
			if (age < this.staleLimitMillis && failedSince(key, entry)) {
				// the source is failing: keep serving the last value, retry in the background
				this.metrics.cacheHit(this.name);
				refreshInBackground(key, now);
				return entry.value();
			}
		}
		this.metrics.cacheMiss(this.name);
		return loadNow(key, entry, now);
	}

	/**
	 * The value of a key if one is in memory, without loading or counting.
	 * @param key the key
	 * @return the cached value, or {@code null}
	 */
	public @Nullable V peek(String key) {
		Entry<V> entry = this.local.getIfPresent(key);
		return (entry != null) ? entry.value() : null;
	}

	/**
	 * Everything in memory, with load times, for the actuator endpoint.
	 * @return values by key
	 */
	public Map<String, Entry<V>> snapshot() {
		return Map.copyOf(this.local.asMap());
	}

	/**
	 * Forget every value, in memory and in the shared cache.
	 */
	public void clear() {
		this.local.invalidateAll();
		this.failures.clear();
		if (this.shared != null) {
			try {
				this.shared.clear();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not clear shared cache '" + this.name + "': " + ex.getClass().getSimpleName());
			}
		}
	}

	/**
	 * Forget one key, in memory and in the shared cache.
	 * @param key the key
	 */
	public void evict(String key) {
		this.local.invalidate(key);
		this.failures.remove(key);
		if (this.shared != null) {
			try {
				this.shared.evict(this.name + ':' + key);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not evict from shared cache '" + this.name + "': " + ex.getClass().getSimpleName());
			}
		}
	}

	/**
	 * Whether a load of a key is in flight.
	 * @param key the key
	 * @return {@code true} while loading
	 */
	public boolean isLoading(String key) {
		return this.loads.containsKey(key);
	}

	/**
	 * The keys in memory.
	 * @return the keys
	 */
	public Set<String> keys() {
		return Set.copyOf(this.local.asMap().keySet());
	}

	private boolean failedSince(String key, Entry<V> entry) {
		Failure failure = this.failures.get(key);
		return failure != null && failure.at() >= entry.loadedAt();
	}

	private V loadNow(String key, @Nullable Entry<V> stale, long now) {
		Failure failure = this.failures.get(key);
		if (failure != null && now - failure.at() < this.backoffMillis) {
			return staleOrFail(key, stale, now, failure.cause());
		}
		try {
			return load(key, stale).join().value();
		}
		catch (CompletionException ex) {
			return staleOrFail(key, stale, now, (ex.getCause() != null) ? ex.getCause() : ex);
		}
	}

	private V staleOrFail(String key, @Nullable Entry<V> stale, long now, Throwable cause) {
		if (stale != null && now - stale.loadedAt() < this.staleLimitMillis) {
			return stale.value();
		}
		throw new LoadFailedException("Could not load " + this.name + " for '" + key + "' and no value younger than "
				+ Duration.ofMillis(this.staleLimitMillis) + " is cached: " + describe(cause), cause);
	}

	private CompletableFuture<Entry<V>> load(String key, @Nullable Entry<V> seen) {
		CompletableFuture<Entry<V>> mine = new CompletableFuture<>();
		CompletableFuture<Entry<V>> running = this.loads.putIfAbsent(key, mine);
		if (running != null) {
			return running;
		}
		try {
			Entry<V> current = this.local.getIfPresent(key);
			if (current != null && current != seen && this.clock.millis() - current.loadedAt() < this.freshMillis) {
				// another load finished between this caller's miss and now: no second remote call
				mine.complete(current);
			}
			else {
				mine.complete(fetch(key));
			}
		}
		catch (Throwable ex) {
			mine.completeExceptionally(ex);
		}
		finally {
			this.loads.remove(key, mine);
		}
		return mine;
	}

	private void refreshInBackground(String key, long now) {
		if (this.loads.containsKey(key)) {
			return;
		}
		Failure failure = this.failures.get(key);
		if (failure != null && now - failure.at() < this.backoffMillis) {
			return;
		}
		CompletableFuture<Entry<V>> mine = new CompletableFuture<>();
		if (this.loads.putIfAbsent(key, mine) != null) {
			return;
		}
		try {
			this.refresher.execute(() -> {
				try {
					mine.complete(fetch(key));
				}
				catch (Throwable ex) {
					mine.completeExceptionally(ex);
					logger.warn("Background refresh of " + this.name + " for '" + key + "' failed; serving the last "
							+ "value for up to " + Duration.ofMillis(this.staleLimitMillis) + " after it was loaded: "
							+ describe(ex));
				}
				finally {
					this.loads.remove(key, mine);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.loads.remove(key, mine);
			mine.completeExceptionally(ex);
		}
	}

	private Entry<V> fetch(String key) {
		long start = System.nanoTime();
		if (this.shared != null) {
			Entry<V> fromShared = readShared(key);
			Entry<V> current = this.local.getIfPresent(key);
			if (fromShared != null && this.clock.millis() - fromShared.loadedAt() < this.freshMillis
					&& (current == null || fromShared.loadedAt() > current.loadedAt())) {
				this.local.put(key, fromShared);
				this.failures.remove(key);
				return fromShared;
			}
		}
		try {
			V value = this.loader.apply(key);
			if (value == null) {
				throw new IllegalStateException("the source returned nothing");
			}
			Entry<V> entry = new Entry<>(value, this.clock.millis());
			this.local.put(key, entry);
			this.failures.remove(key);
			writeShared(key, entry);
			this.metrics.cacheLoad(this.name, System.nanoTime() - start, true);
			return entry;
		}
		catch (RuntimeException ex) {
			this.failures.put(key, new Failure(this.clock.millis(), ex));
			this.metrics.cacheLoad(this.name, System.nanoTime() - start, false);
			throw ex;
		}
	}

	@SuppressWarnings("unchecked")
	private @Nullable Entry<V> readShared(String key) {
		try {
			org.springframework.cache.Cache.ValueWrapper wrapper = this.shared.get(this.name + ':' + key);
			Object value = (wrapper != null) ? wrapper.get() : null;
			return (value instanceof Entry<?> entry) ? (Entry<V>) entry : null;
		}
		catch (RuntimeException ex) {
			logger.warn("Shared cache '" + this.name + "' could not be read: " + ex.getClass().getSimpleName());
			return null;
		}
	}

	private void writeShared(String key, Entry<V> entry) {
		if (this.shared == null) {
			return;
		}
		try {
			this.shared.put(this.name + ':' + key, entry);
		}
		catch (RuntimeException ex) {
			logger.warn("Shared cache '" + this.name + "' could not be written: " + ex.getClass().getSimpleName());
		}
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	@Override
	public void close() {
		this.refresher.shutdownNow();
	}

	@Override
	public String toString() {
		return "RefreshingCache[" + this.name + ", " + this.local.estimatedSize() + " entries]";
	}

	/**
	 * Timing of a {@link RefreshingCache}.
	 *
	 * @param ttl how long a value is used without question
	 * @param refreshAhead how long before the TTL ends a background reload starts
	 * @param maxStale how long past the TTL the last value serves while reloads fail
	 * @param failureBackoff the pause between failed reloads
	 * @param maximumSize most entries in memory, or 0 for no bound (few keys)
	 */
	public record Settings(Duration ttl, Duration refreshAhead, Duration maxStale, Duration failureBackoff,
			int maximumSize) {
	}

	/**
	 * A cached value and when it was loaded.
	 *
	 * @param <V> the value type
	 * @param value the value
	 * @param loadedAt when it was loaded, epoch milliseconds
	 */
	public record Entry<V extends Serializable>(V value, long loadedAt) implements Serializable {
	}

	private record Failure(long at, Throwable cause) {
	}

	/**
	 * Nothing usable is cached and the source failed.
	 */
	public static final class LoadFailedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LoadFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
