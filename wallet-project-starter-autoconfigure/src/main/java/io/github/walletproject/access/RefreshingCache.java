package io.github.walletproject.access;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import io.github.walletproject.WalletClosedException;
import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.internal.BlockingCalls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A cache of remote lookups on Caffeine's {@link AsyncLoadingCache}: concurrent misses of a
 * key share one load and concurrent refreshes one refresh (Caffeine's own coalescing), loads
 * run on an executor this cache owns and closes, and every wait is bounded. On top of that,
 * the behaviour an access check needs:
 * <ul>
 * <li><b>refresh-ahead</b>: in the last {@code refreshAhead} of the TTL a read answers at once
 * and starts one background refresh; an idle entry past its TTL is refreshed before use;</li>
 * <li><b>stale-on-error</b>: while refreshing fails, the last value serves for up to
 * {@code maxStale} past the TTL, retried at most once per {@code failureBackoff};</li>
 * <li><b>fail-closed</b>: beyond that, or when nothing was ever loaded, reads fail with
 * {@link LoadFailedException}, and a failed load is forgotten after the backoff;</li>
 * <li><b>a clear wins</b>: loads that started before {@link #clear()} hand their value to
 * their caller but store it nowhere.</li>
 * </ul>
 * An optional shared Spring {@link org.springframework.cache.Cache} is the second level,
 * read and written inside the loader: a fresh value another instance loaded is taken instead
 * of calling the source. Its keys are this cache's name and the key's {@code toString()}.
 *
 * @param <K> the key type; its {@code toString()} must never hold a secret
 * @param <V> the cached value type
 */
public final class RefreshingCache<K, V extends Serializable> implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(RefreshingCache.class);

	private final String name;

	private final Function<K, V> source;

	private final Settings settings;

	private final Clock clock;

	private final SharedLevel<V> shared;

	private final WalletMetrics metrics;

	/** Set while a task nobody waits for is handed to the executor: refused when it is busy. */
	private static final ThreadLocal<Boolean> OPTIONAL_TASK = new ThreadLocal<>();

	private final ExecutorService executor;

	private final AsyncLoadingCache<K, Held<V>> cache;

	/** Reads without side effects: a warm read records nothing, so threads never contend on it. */
	private final Policy<K, Held<V>> quiet;

	private final AtomicLong generation = new AtomicLong();

	/** When {@link #clear()} last ran: a shared entry loaded before it is never taken. */
	private volatile long clearedAt = Long.MIN_VALUE;

	private volatile boolean closed;

	/**
	 * Create a cache.
	 * @param name the cache name, used in metrics, messages and shared keys
	 * @param source loads the value of a key; may throw
	 * @param settings the timing settings
	 * @param clock the clock that ages entries
	 * @param shared a shared second-level cache, or {@code null}
	 * @param metrics counts hits, misses and loads
	 */
	public RefreshingCache(String name, Function<K, V> source, Settings settings, Clock clock,
			org.springframework.cache.@Nullable Cache shared, WalletMetrics metrics) {
		this(name, source, settings, clock, shared, metrics, executor(name));
	}

	/**
	 * Create a cache that loads on the given executor, and shuts it down when closed.
	 */
	RefreshingCache(String name, Function<K, V> source, Settings settings, Clock clock,
			org.springframework.cache.@Nullable Cache shared, WalletMetrics metrics, ExecutorService executor) {
		Assert.notNull(name, "Name must not be null");
		Assert.notNull(source, "Source must not be null");
		Assert.notNull(settings, "Settings must not be null");
		Assert.notNull(clock, "Clock must not be null");
		Assert.notNull(metrics, "Metrics must not be null");
		this.name = name;
		this.source = source;
		this.settings = settings;
		this.clock = clock;
		this.shared = new SharedLevel<>(name, shared);
		this.metrics = metrics;
		this.executor = executor;
		Caffeine<Object, Object> builder = Caffeine.newBuilder()
			.executor(this.executor)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
		if (settings.maximumSize() > 0) {
			builder.maximumSize(settings.maximumSize());
		}
		this.cache = builder.expireAfter(new Lifetime()).buildAsync(new Loader());
		this.quiet = this.cache.synchronous().policy();
	}

	/**
	 * The value of a key: from memory when usable, otherwise loaded (once, for all callers
	 * that ask at the same time).
	 * @param key the key
	 * @return the value
	 * @throws LoadFailedException when no usable value is at hand and loading failed
	 * @throws WalletClosedException when this cache is closed
	 */
	public V get(K key) {
		if (this.closed) {
			throw closed(key);
		}
		long asked = this.generation.get();
		Held<V> held = current(key);
		if (held == null || held.entry().value() == null) {
			this.metrics.cacheMiss(this.name);
			// a miss waits for a load, however quickly it may end: a blocking call by definition
			BlockingCalls.blocking("waiting for the " + this.name + " cache to load");
			held = settled(key, null, await(loadNoOlderThan(key, asked), key));
		}
		else {
			this.metrics.cacheHit(this.name);
		}
		Entry<V> entry = held.entry();
		switch (use(entry)) {
			case FAILED -> throw failed(key, entry.failure());
			case REFRESH_FIRST -> {
				Held<V> refreshed = settled(key, held, await(this.cache.synchronous().refresh(key), key));
				return (refreshed.entry().value() != null) ? refreshed.entry().value() : entry.value();
			}
			case REFRESH_AHEAD -> refreshAhead(key);
			case AS_IS -> {
			}
		}
		return entry.value();
	}

	/**
	 * What a read does with the entry it found or waited for.
	 */
	private enum Use {

		/** Nothing usable: the load failed. */
		FAILED,

		/** Idle past its TTL: refresh before use, and serve it stale only if that fails. */
		REFRESH_FIRST,

		/** In the refresh-ahead window, or failing past the backoff: answer, and refresh in the background. */
		REFRESH_AHEAD,

		/** Fresh, or failing within the backoff: answer. */
		AS_IS

	}

	private Use use(Entry<V> entry) {
		if (entry.value() == null) {
			return Use.FAILED;
		}
		long now = this.clock.millis();
		long age = now - entry.loadedAt();
		if (age >= this.settings.ttl().toMillis() && !entry.isFailing()) {
			return Use.REFRESH_FIRST;
		}
		if (age >= this.settings.ttl().toMillis() - this.settings.refreshAhead().toMillis()
				&& (!entry.isFailing() || now - entry.failedAt() >= this.settings.failureBackoff().toMillis())) {
			return Use.REFRESH_AHEAD;
		}
		return Use.AS_IS;
	}

	/**
	 * Starts a refresh ahead of expiry on a loading thread, or not at all when every one is
	 * busy (a later read starts it): the caller has a usable value and never runs the lookup
	 * itself, as it would if it started the refresh through Caffeine, whose reload lands on
	 * the caller's thread when the executor has no thread free.
	 */
	private void refreshAhead(K key) {
		OPTIONAL_TASK.set(Boolean.TRUE);
		try {
			this.executor.execute(() -> this.cache.synchronous().refresh(key));
		}
		catch (RejectedExecutionException ex) {
			// every loading thread is busy, or the cache is closing
		}
		finally {
			OPTIONAL_TASK.remove();
		}
	}

	/**
	 * The value of a key without waiting: from memory when usable (the future is then already
	 * complete), otherwise from a load that the caller's thread never runs. Every call into
	 * Caffeine that could load or refresh is made on {@code offLoop}, because the cache's own
	 * executor runs a load on the calling thread when its threads are all busy.
	 * @param key the key
	 * @param offLoop where loads and refreshes may be started (a thread that may block)
	 * @return the value, or a future that fails with {@link LoadFailedException}, or at once
	 * with {@link WalletClosedException} when this cache is closed
	 */
	public CompletableFuture<V> getAsync(K key, Executor offLoop) {
		if (this.closed) {
			return CompletableFuture.failedFuture(closed(key));
		}
		long asked = this.generation.get();
		Held<V> held = current(key);
		if (held == null || held.entry().value() == null) {
			this.metrics.cacheMiss(this.name);
			return CompletableFuture.supplyAsync(() -> loadNoOlderThan(key, asked), offLoop)
				.thenCompose(java.util.function.Function.identity())
				.orTimeout(this.settings.loadTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.handle((loaded, ex) -> settled(key, null, usable(key, loaded, ex)))
				.thenCompose(loaded -> afterLoad(key, loaded, offLoop));
		}
		this.metrics.cacheHit(this.name);
		return afterLoad(key, held, offLoop);
	}

	private WalletClosedException closed(K key) {
		return new WalletClosedException("The " + this.name + " cache of the Wallet API clients is closed (their "
				+ "application context was closed): nothing is looked up or sent for " + key + ".");
	}

	private Held<V> usable(K key, @Nullable Held<V> loaded, @Nullable Throwable ex) {
		if (ex != null) {
			Throwable cause = (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null)
					? ex.getCause() : ex;
			if (cause instanceof TimeoutException) {
				throw new LoadFailedException("Loading " + this.name + " for " + key + " did not finish within "
						+ this.settings.loadTimeout(), cause);
			}
			throw (cause instanceof LoadFailedException failed) ? failed : failed(key, cause);
		}
		return loaded;
	}

	private CompletableFuture<V> afterLoad(K key, Held<V> held, Executor offLoop) {
		Entry<V> entry = held.entry();
		switch (use(entry)) {
			case FAILED -> {
				return CompletableFuture.failedFuture(failed(key, entry.failure()));
			}
			case REFRESH_FIRST -> {
				V stale = entry.value();
				return CompletableFuture.supplyAsync(() -> this.cache.synchronous().refresh(key), offLoop)
					.thenCompose(java.util.function.Function.identity())
					.orTimeout(this.settings.loadTimeout().toMillis(), TimeUnit.MILLISECONDS)
					.handle((refreshed, ex) -> {
						Entry<V> usable = settled(key, held, usable(key, refreshed, ex)).entry();
						return (usable.value() != null) ? usable.value() : stale;
					});
			}
			case REFRESH_AHEAD -> offLoop.execute(() -> this.cache.synchronous().refresh(key));
			case AS_IS -> {
			}
		}
		return CompletableFuture.completedFuture(entry.value());
	}

	/**
	 * The entry of a key if one with a value is in memory, without loading or counting.
	 * @param key the key
	 * @return the entry, or {@code null}
	 */
	public @Nullable Entry<V> entry(K key) {
		Held<V> held = current(key);
		return (held != null && held.entry().value() != null) ? held.entry() : null;
	}

	/**
	 * What memory holds for a key, unless it was loaded before the latest {@link #clear()}: a
	 * load that started before a clear can reach Caffeine's map after it (its insertion is still
	 * under way while the clear runs), and must never serve anyone but its own caller.
	 */
	private @Nullable Held<V> current(K key) {
		Held<V> held = this.quiet.getIfPresentQuietly(key);
		return (held != null && held.generation() == this.generation.get()) ? held : null;
	}

	/**
	 * The key's value from a load no older than the clear generation {@code asked}: a load
	 * from before it, left in memory by the race {@link #current} describes, is removed and
	 * loaded again (once is enough; it takes a clear between the two for another to appear).
	 */
	private CompletableFuture<Held<V>> loadNoOlderThan(K key, long asked) {
		return this.cache.get(key).thenCompose(held -> {
			if (held.generation() >= asked) {
				return CompletableFuture.completedFuture(held);
			}
			this.cache.synchronous().asMap().remove(key, held);
			return this.cache.get(key);
		});
	}

	/**
	 * Puts the result of a load or refresh a caller waited for in memory, with its lifetime,
	 * before the caller goes on. Caffeine does so too, but only after the waiting caller has
	 * been woken: a read in between would see the old entry (idle past its TTL and not
	 * failing, so it starts another reload), or the new one without its lifetime (a failure
	 * that outlives its backoff).
	 * @param before what memory held before a refresh, or {@code null} after a load
	 */
	private Held<V> settled(K key, @Nullable Held<V> before, Held<V> result) {
		Held<V> expected = (before != null) ? before : result;
		CompletableFuture<Held<V>> present = this.cache.asMap().get(key);
		// never waits: a load in flight in its place is left alone (the map's own replace would wait for it)
		if (present != null && present.isDone() && !present.isCompletedExceptionally()
				&& expected.equals(present.getNow(null))) {
			this.cache.asMap().replace(key, present, CompletableFuture.completedFuture(result));
		}
		return result;
	}

	/**
	 * The value of a key if one is in memory, without loading or counting.
	 * @param key the key
	 * @return the cached value, or {@code null}
	 */
	public @Nullable V peek(K key) {
		Entry<V> entry = entry(key);
		return (entry != null) ? entry.value() : null;
	}

	/**
	 * Whether a refresh of a key is in flight.
	 * @param key the key
	 * @return {@code true} while refreshing
	 */
	public boolean isLoading(K key) {
		return this.cache.synchronous().policy().refreshes().containsKey(key);
	}

	/**
	 * The last-known state of the shared second level, as its latest read (or a failed write)
	 * left it; answers from memory, never calls the shared cache.
	 * @return the state, {@code NONE} when this cache has no shared level
	 */
	public WalletCaches.SharedCacheState sharedState() {
		return this.shared.state();
	}

	/**
	 * How many keys are in memory.
	 * @return the estimated number of entries
	 */
	public long size() {
		return this.cache.synchronous().estimatedSize();
	}

	/**
	 * Forget the value of one key in memory (credentials that will not be used again); the
	 * shared cache keeps it until it expires.
	 * @param key the key
	 */
	public void invalidate(K key) {
		this.cache.synchronous().invalidate(key);
	}

	/**
	 * Forget every value, in memory and in the shared cache. Loads in flight still answer
	 * their callers, but their results are stored nowhere.
	 */
	public void clear() {
		this.clearedAt = this.clock.millis();
		this.generation.incrementAndGet();
		this.cache.synchronous().invalidateAll();
		this.shared.clear();
	}

	private Held<V> await(CompletableFuture<Held<V>> future, K key) {
		if (!future.isDone()) {
			BlockingCalls.blocking("waiting for the " + this.name + " cache to load");
		}
		try {
			return future.get(this.settings.loadTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw failed(key, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new LoadFailedException("Loading " + this.name + " for " + key + " did not finish within "
					+ this.settings.loadTimeout(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LoadFailedException("Interrupted while loading " + this.name + " for " + key, ex);
		}
	}

	private LoadFailedException failed(K key, @Nullable Throwable cause) {
		return new LoadFailedException("Could not load " + this.name + " for " + key + " and no value younger than "
				+ this.settings.ttl().plus(this.settings.maxStale()) + " is cached: "
				+ ((cause != null && cause.getMessage() != null) ? cause.getMessage() : String.valueOf(cause)), cause);
	}

	private Held<V> load(K key, @Nullable Entry<V> previous) {
		BlockingCalls.blocking("loading " + this.name);
		long generation = this.generation.get();
		return new Held<>(load(key, previous, generation), generation);
	}

	private Entry<V> load(K key, @Nullable Entry<V> previous, long generation) {
		long start = System.nanoTime();
		Entry<V> fromShared = this.shared.read(key);
		// a shared entry from before the latest clear is what the clear dropped, however fresh
		if (fromShared != null && this.clock.millis() - fromShared.loadedAt() < this.settings.fresh()
				&& fromShared.loadedAt() > this.clearedAt
				&& (previous == null || fromShared.loadedAt() > previous.loadedAt())) {
			return fromShared;
		}
		try {
			V value = this.source.apply(key);
			if (value == null) {
				throw new IllegalStateException("the source returned nothing");
			}
			Entry<V> loaded = new Entry<>(value, this.clock.millis(), 0, null);
			this.metrics.cacheLoad(this.name, System.nanoTime() - start, true);
			if (this.generation.get() == generation) {
				this.shared.write(key, loaded);
				if (this.generation.get() != generation) {
					// a clear ran between the check and the write: take back what it meant to drop
					this.shared.evict(key);
				}
			}
			return loaded;
		}
		catch (RuntimeException ex) {
			this.metrics.cacheLoad(this.name, System.nanoTime() - start, false);
			if (previous != null && previous.value() != null) {
				logger.warn("Refreshing " + this.name + " for " + key + " failed; serving the last value for up to "
						+ this.settings.maxStale() + " past its TTL: " + ex.getMessage());
				return new Entry<>(previous.value(), previous.loadedAt(), this.clock.millis(), ex);
			}
			return new Entry<>(null, 0, this.clock.millis(), ex);
		}
	}

	/**
	 * Stop loading: every further {@link #get} and {@link #getAsync} fails at once, and loads in flight are
	 * interrupted.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "RefreshingCache[" + this.name + ", " + size() + " entries]";
	}

	private static ThreadPoolExecutor executor(String name) {
		return executor(name, 4);
	}

	static ThreadPoolExecutor executor(String name, int threads) {
		AtomicInteger started = new AtomicInteger();
		// a few threads at most; when all are busy the caller loads on its own thread, also once the
		// executor is shut down: a task dropped then (CallerRunsPolicy) would leave its caller waiting
		// for a load that never completes. Only a task nobody waits for (a refresh ahead) is refused.
		ThreadPoolExecutor executor = new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				task -> {
					Thread thread = new Thread(task, "wallet-" + name + "-lookup-" + started.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, (task, pool) -> {
					if (OPTIONAL_TASK.get() != null) {
						throw new RejectedExecutionException("every " + name + " loading thread is busy");
					}
					task.run();
				});
		return executor;
	}

	private final class Loader implements AsyncCacheLoader<K, Held<V>> {

		@Override
		public CompletableFuture<Held<V>> asyncLoad(K key, Executor executor) {
			return CompletableFuture.supplyAsync(() -> load(key, null), executor);
		}

		@Override
		public CompletableFuture<Held<V>> asyncReload(K key, Held<V> previous, Executor executor) {
			return CompletableFuture.supplyAsync(() -> load(key, previous.entry()), executor);
		}

	}

	/**
	 * An entry in memory, with the clear generation its load started in.
	 */
	private record Held<V extends Serializable>(Entry<V> entry, long generation) {
	}

	/**
	 * How long an entry stays: a value until {@code ttl + maxStale} after it was loaded, a
	 * failure for {@code failureBackoff}.
	 */
	private final class Lifetime implements Expiry<K, Held<V>> {

		@Override
		public long expireAfterCreate(K key, Held<V> held, long currentTime) {
			if (held.generation() != RefreshingCache.this.generation.get()) {
				return 0; // loaded before a clear: gone at once
			}
			Entry<V> entry = held.entry();
			Settings settings = RefreshingCache.this.settings;
			long expiresAt = (entry.value() != null)
					? entry.loadedAt() + settings.ttl().toMillis() + settings.maxStale().toMillis()
					: entry.failedAt() + settings.failureBackoff().toMillis();
			return Math.max(0, TimeUnit.MILLISECONDS.toNanos(expiresAt) - currentTime);
		}

		@Override
		public long expireAfterUpdate(K key, Held<V> held, long currentTime, long currentDuration) {
			return expireAfterCreate(key, held, currentTime);
		}

		@Override
		public long expireAfterRead(K key, Held<V> held, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

	/**
	 * Timing of a {@link RefreshingCache}.
	 *
	 * @param ttl how long a value is used without question
	 * @param refreshAhead how long before the TTL ends a background refresh starts
	 * @param maxStale how long past the TTL the last value serves while refreshes fail
	 * @param failureBackoff the pause between failed loads
	 * @param maximumSize most entries in memory, or 0 for no bound (few keys)
	 * @param loadTimeout the longest a caller waits for a load
	 */
	public record Settings(Duration ttl, Duration refreshAhead, Duration maxStale, Duration failureBackoff,
			int maximumSize, Duration loadTimeout) {

		/**
		 * Settings with a two-minute load timeout.
		 * @param ttl how long a value is used without question
		 * @param refreshAhead how long before the TTL ends a background refresh starts
		 * @param maxStale how long past the TTL the last value serves while refreshes fail
		 * @param failureBackoff the pause between failed loads
		 * @param maximumSize most entries in memory, or 0 for no bound
		 */
		public Settings(Duration ttl, Duration refreshAhead, Duration maxStale, Duration failureBackoff,
				int maximumSize) {
			this(ttl, refreshAhead, maxStale, failureBackoff, maximumSize, Duration.ofMinutes(2));
		}

		long fresh() {
			return this.ttl.toMillis() - this.refreshAhead.toMillis();
		}

	}

	/**
	 * A cached value, when it was loaded, and when refreshing it last failed.
	 *
	 * @param <V> the value type
	 * @param value the value, or {@code null} for a load that failed
	 * @param loadedAt when the value was loaded, epoch milliseconds
	 * @param failedAt when loading or refreshing last failed, or 0
	 * @param failure why, or {@code null}
	 */
	public record Entry<V extends Serializable>(@Nullable V value, long loadedAt, long failedAt,
			@Nullable Throwable failure) implements Serializable {

		boolean isFailing() {
			return this.failedAt != 0 && this.failedAt >= this.loadedAt;
		}

	}

	/**
	 * Nothing usable is cached and the source failed.
	 */
	public static final class LoadFailedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LoadFailedException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
