package io.github.walletproject.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.walletproject.client.WalletMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.concurrent.ConcurrentMapCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The cache behind access checks: coalescing, refresh-ahead, stale-on-error, fail-closed,
 * clearing and a shared second level.
 */
class RefreshingCacheTests {

	private static final RefreshingCache.Settings SETTINGS = new RefreshingCache.Settings(Duration.ofHours(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofSeconds(10), 100);

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicBoolean failing = new AtomicBoolean();

	private final List<RefreshingCache<?, ?>> caches = new ArrayList<>();

	@AfterEach
	void close() {
		this.caches.forEach(RefreshingCache::close);
	}

	private RefreshingCache<String, String> cache(Function<String, String> loader) {
		return cache(loader, null);
	}

	private RefreshingCache<String, String> cache(Function<String, String> loader, org.springframework.cache.Cache shared) {
		RefreshingCache<String, String> cache = new RefreshingCache<>("test", loader, SETTINGS, this.clock, shared,
				WalletMetrics.NONE);
		this.caches.add(cache);
		return cache;
	}

	private String load(String key) {
		if (this.failing.get()) {
			this.loads.incrementAndGet();
			throw new IllegalStateException("source down");
		}
		return key + "#" + this.loads.incrementAndGet();
	}

	@Test
	void fiveHundredConcurrentMissesCauseOneLoad() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		RefreshingCache<String, String> cache = cache(key -> {
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return load(key);
		});
		int threads = 500;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return cache.get("default");
				}));
			}
			Thread.sleep(200); // let them all pile up on the one load
			release.countDown();
			for (Future<String> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("default#1");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void refreshesAheadOfExpiryWithoutMakingCallersWait() {
		RefreshingCache<String, String> cache = cache(this::load);
		assertThat(cache.get("k")).isEqualTo("k#1");
		this.clock.advance(Duration.ofMinutes(54));
		assertThat(cache.get("k")).isEqualTo("k#1");
		assertThat(this.loads).hasValue(1);
		this.clock.advance(Duration.ofMinutes(2)); // 56 min: inside the 5 min refresh-ahead window
		assertThat(cache.get("k")).isEqualTo("k#1"); // answered at once from the old value
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(cache.peek("k")).isEqualTo("k#2"));
		assertThat(cache.get("k")).isEqualTo("k#2");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void aRefreshAheadNeverRunsTheLookupOnTheCallersThreadWhenEveryLoaderIsBusy() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Set<Thread> lookupThreads = ConcurrentHashMap.newKeySet();
		RefreshingCache<String, String> cache = new RefreshingCache<>("test", key -> {
			lookupThreads.add(Thread.currentThread());
			if (key.equals("slow")) {
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return load(key);
		}, SETTINGS, this.clock, null, WalletMetrics.NONE, RefreshingCache.executor("test", 1));
		this.caches.add(cache);
		assertThat(cache.get("k")).isEqualTo("k#1");
		lookupThreads.clear();
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			// another key's load takes the cache's only loading thread
			Future<String> slow = other.submit(() -> cache.get("slow"));
			await().atMost(Duration.ofSeconds(5)).until(() -> !lookupThreads.isEmpty());
			this.clock.advance(Duration.ofMinutes(56)); // inside the 5 min refresh-ahead window
			assertThat(cache.get("k")).isEqualTo("k#1"); // answered from the old value
			assertThat(lookupThreads).doesNotContain(Thread.currentThread());
			release.countDown();
			assertThat(slow.get(10, TimeUnit.SECONDS)).startsWith("slow#");
			// the refresh skipped while every loader was busy starts with a later read
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				cache.get("k");
				assertThat(cache.peek("k")).isNotEqualTo("k#1");
			});
			assertThat(lookupThreads).doesNotContain(Thread.currentThread());
		}
		finally {
			release.countDown();
			other.shutdownNow();
		}
	}

	@Test
	void idleEntriesPastTheTtlAreReloadedBeforeUse() {
		RefreshingCache<String, String> cache = cache(this::load);
		cache.get("k");
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(cache.get("k")).isEqualTo("k#2");
	}

	@Test
	void servesTheLastValueWhileReloadsFailThenFailsClosed() {
		RefreshingCache<String, String> cache = cache(this::load);
		cache.get("k");
		this.failing.set(true);
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(cache.get("k")).isEqualTo("k#1"); // reload failed: stale value served
		int loadsAfterFailure = this.loads.get();
		for (int i = 0; i < 100; i++) {
			assertThat(cache.get("k")).isEqualTo("k#1");
		}
		assertThat(this.loads.get()).as("no reload storm within the failure backoff").isEqualTo(loadsAfterFailure);
		this.clock.advance(Duration.ofMinutes(13)); // 74 min: still within ttl + max-stale
		assertThat(cache.get("k")).isEqualTo("k#1"); // served at once; one retry runs in the background
		await().atMost(Duration.ofSeconds(5)).until(() -> this.loads.get() == loadsAfterFailure + 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> cache.toString().contains("1 entries") && idle(cache));
		this.clock.advance(Duration.ofMinutes(2)); // 76 min: beyond 60 + 15
		assertThatExceptionOfType(RefreshingCache.LoadFailedException.class).isThrownBy(() -> cache.get("k"))
			.withMessageContaining("source down");
		this.failing.set(false);
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(cache.get("k")).startsWith("k#");
	}

	/**
	 * The blocking refresh of an idle entry answers its caller before Caffeine has put the
	 * failed result in the map; a read in that moment must not start another reload. Run many
	 * times, since the moment is short (it made CI red about once in twenty runs).
	 */
	@Test
	void aFailedRefreshIsNotRetriedByTheNextReadWithinTheBackoff() {
		for (int round = 0; round < 500; round++) {
			this.failing.set(false);
			RefreshingCache<String, String> cache = cache(this::load);
			cache.get("k");
			this.failing.set(true);
			this.clock.advance(Duration.ofMinutes(61));
			String stale = cache.get("k");
			int loadsAfterFailure = this.loads.get();
			assertThat(cache.get("k")).isEqualTo(stale);
			assertThat(this.loads.get()).as("round %d: no second reload within the failure backoff", round)
				.isEqualTo(loadsAfterFailure);
			cache.close();
		}
	}

	/**
	 * A load that started before a clear may still be on its way into Caffeine's map when the
	 * clear runs (here the load runs inside the map's own insertion, and clears the cache while
	 * there): its caller gets its value, but nobody after the clear does.
	 */
	@Test
	void aLoadInsertedAfterAClearIsNeverServedToLaterReads() {
		AtomicInteger calls = new AtomicInteger();
		AtomicReference<RefreshingCache<String, String>> self = new AtomicReference<>();
		RefreshingCache<String, String> cache = new RefreshingCache<>("test", key -> {
			String value = load(key);
			if (calls.incrementAndGet() == 1) {
				self.get().clear();
			}
			return value;
		}, SETTINGS, this.clock, null, WalletMetrics.NONE, new InlineExecutor());
		this.caches.add(cache);
		self.set(cache);
		assertThat(cache.get("k")).isEqualTo("k#1");
		assertThat(cache.peek("k")).isNull();
		assertThat(cache.get("k")).isEqualTo("k#2");
	}


	/**
	 * A load that starts while a clear is under way (memory already emptied, the shared cache
	 * not yet) finds the old list in the shared cache, still fresh: it must not take it, or the
	 * list the clear was meant to drop is served again for a whole TTL.
	 */
	@Test
	void aLoadDuringAClearDoesNotTakeTheOldValueFromTheSharedCache() {
		AtomicReference<RefreshingCache<String, String>> self = new AtomicReference<>();
		ConcurrentMapCache shared = new ConcurrentMapCache("wallet") {

			@Override
			public void clear() {
				// another caller asks between the memory being emptied and this cache being cleared
				java.util.concurrent.CompletableFuture.supplyAsync(() -> self.get().get("k")).join();
				super.clear();
			}

		};
		RefreshingCache<String, String> cache = cache(this::load, shared);
		self.set(cache);
		assertThat(cache.get("k")).isEqualTo("k#1");

		cache.clear();

		assertThat(cache.get("k")).isEqualTo("k#2");
	}

	private static boolean idle(RefreshingCache<String, String> cache) {
		return !cache.isLoading("k");
	}

	@Test
	void withoutAnyValueAFailureFailsClosedAtOnce() {
		this.failing.set(true);
		RefreshingCache<String, String> cache = cache(this::load);
		assertThatExceptionOfType(RefreshingCache.LoadFailedException.class).isThrownBy(() -> cache.get("k"));
		assertThatExceptionOfType(RefreshingCache.LoadFailedException.class).isThrownBy(() -> cache.get("k"));
		assertThat(this.loads).as("second failure answered from the backoff").hasValue(1);
	}

	@Test
	void clearForgetsEverything() {
		RefreshingCache<String, String> cache = cache(this::load);
		cache.get("k");
		cache.clear();
		assertThat(cache.peek("k")).isNull();
		assertThat(cache.get("k")).isEqualTo("k#2");
	}

	@Test
	void aSharedCacheLetsInstancesReuseEachOthersLoads() {
		ConcurrentMapCache shared = new ConcurrentMapCache("wallet");
		RefreshingCache<String, String> first = cache(this::load, shared);
		RefreshingCache<String, String> second = cache(this::load, shared);
		assertThat(first.get("k")).isEqualTo("k#1");
		assertThat(second.get("k")).isEqualTo("k#1");
		assertThat(this.loads).hasValue(1);
		assertThat(shared.get("test:k")).isNotNull();
	}

}
