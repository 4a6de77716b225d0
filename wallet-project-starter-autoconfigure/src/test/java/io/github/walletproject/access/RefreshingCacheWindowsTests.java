package io.github.walletproject.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.walletproject.client.WalletMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.concurrent.ConcurrentMapCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where each window of a {@link RefreshingCache} begins and ends, to the millisecond, with the
 * documented settings: a TTL of one hour, refresh-ahead in its last 5 minutes, stale values
 * served for 15 minutes past it while refreshing fails, failed loads retried after 10 seconds.
 * Loads run on the calling thread, so every load a read starts has happened when it returns.
 */
class RefreshingCacheWindowsTests {

	private static final RefreshingCache.Settings SETTINGS = new RefreshingCache.Settings(Duration.ofHours(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofSeconds(10), 100);

	private static final Duration MS = Duration.ofMillis(1);

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicBoolean failing = new AtomicBoolean();

	private final List<RefreshingCache<?, ?>> caches = new ArrayList<>();

	@AfterEach
	void close() {
		this.caches.forEach(RefreshingCache::close);
	}

	@Test
	void refreshAheadStartsWhenTheLastFiveMinutesOfTheTtlBegin() {
		RefreshingCache<String, String> cache = cache(null);
		assertThat(cache.get("k")).isEqualTo("k#1");
		this.clock.advance(Duration.ofMinutes(55).minus(MS));
		assertThat(cache.get("k")).isEqualTo("k#1");
		assertThat(this.loads).as("no refresh before the window").hasValue(1);
		this.clock.advance(MS);
		assertThat(cache.get("k")).as("answered from the old value").isEqualTo("k#1");
		assertThat(this.loads).as("one refresh as the window opens").hasValue(2);
		assertThat(cache.get("k")).isEqualTo("k#2");
		assertThat(cache.entry("k").loadedAt()).isEqualTo(this.clock.millis());
	}

	@Test
	void anEntryIsUsedWithoutWaitingUntilItsTtlEndsAndRefreshedBeforeUseFromThen() {
		RefreshingCache<String, String> first = cache(null);
		first.get("k");
		this.clock.advance(Duration.ofHours(1).minus(MS));
		assertThat(first.get("k")).as("a millisecond before the TTL ends: the old value").isEqualTo("k#1");
		RefreshingCache<String, String> second = cache(null);
		second.get("k");
		this.clock.advance(Duration.ofHours(1));
		assertThat(second.get("k")).as("at the TTL: the new value").isEqualTo("k#4");
	}

	@Test
	void aStaleValueServesUntilFifteenMinutesPastTheTtlAndNotAMillisecondLonger() {
		RefreshingCache<String, String> cache = cache(null);
		cache.get("k");
		this.failing.set(true);
		this.clock.advance(Duration.ofHours(1));
		assertThat(cache.get("k")).isEqualTo("k#1");
		this.clock.advance(Duration.ofMinutes(15).minus(MS));
		assertThat(cache.get("k")).isEqualTo("k#1");
		assertThat(cache.entry("k")).isNotNull();
		this.clock.advance(MS);
		assertThat(cache.entry("k")).isNull();
		assertThatExceptionOfType(RefreshingCache.LoadFailedException.class).isThrownBy(() -> cache.get("k"))
			.withMessageContaining("no value younger than PT1H15M is cached")
			.withMessageContaining("source down");
	}

	@Test
	void aFailedRefreshIsRetriedOnceTheBackoffHasPassed() {
		RefreshingCache<String, String> cache = cache(null);
		cache.get("k");
		this.failing.set(true);
		this.clock.advance(Duration.ofHours(1));
		assertThat(cache.get("k")).isEqualTo("k#1");
		assertThat(this.loads).hasValue(2);
		assertThat(cache.entry("k").isFailing()).isTrue();
		this.clock.advance(Duration.ofSeconds(10).minus(MS));
		assertThat(cache.get("k")).isEqualTo("k#1");
		assertThat(this.loads).as("within the backoff: no retry").hasValue(2);
		this.clock.advance(MS);
		this.failing.set(false);
		assertThat(cache.get("k")).as("answered from the stale value").isEqualTo("k#1");
		assertThat(this.loads).as("the backoff has passed: one retry").hasValue(3);
		assertThat(cache.get("k")).isEqualTo("k#3");
		assertThat(cache.entry("k").isFailing()).isFalse();
	}

	@Test
	void aFailedFirstLoadIsForgottenOnceTheBackoffHasPassed() {
		this.failing.set(true);
		RefreshingCache<String, String> cache = cache(null);
		assertThatExceptionOfType(RefreshingCache.LoadFailedException.class).isThrownBy(() -> cache.get("k"));
		this.failing.set(false);
		this.clock.advance(Duration.ofSeconds(10).minus(MS));
		assertThatExceptionOfType(RefreshingCache.LoadFailedException.class).isThrownBy(() -> cache.get("k"))
			.withMessageContaining("source down");
		assertThat(this.loads).as("within the backoff: no second load").hasValue(1);
		this.clock.advance(MS);
		assertThat(cache.get("k")).isEqualTo("k#2");
	}

	@Test
	void anotherInstancesValueIsTakenFromTheSharedCacheOnlyWhileItIsFresh() {
		ConcurrentMapCache shared = new ConcurrentMapCache("wallet");
		RefreshingCache<String, String> loader = cache(shared);
		loader.get("k");
		this.clock.advance(Duration.ofMinutes(55).minus(MS));
		assertThat(cache(shared).get("k")).as("younger than the refresh-ahead window: shared").isEqualTo("k#1");
		assertThat(this.loads).hasValue(1);
		this.clock.advance(MS);
		assertThat(cache(shared).get("k")).as("in the refresh-ahead window: loaded again").isEqualTo("k#2");
		assertThat(this.loads).hasValue(2);
		assertThat(loader.get("k")).as("the refresh takes the newer shared value").isEqualTo("k#1");
		assertThat(loader.get("k")).isEqualTo("k#2");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void aRefreshStoresItsValueInTheSharedCacheForTheOtherInstances() {
		ConcurrentMapCache shared = new ConcurrentMapCache("wallet");
		RefreshingCache<String, String> cache = cache(shared);
		cache.get("k");
		this.clock.advance(Duration.ofMinutes(56));
		cache.get("k");
		assertThat(this.loads).hasValue(2);
		assertThat(cache(shared).get("k")).isEqualTo("k#2");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void withoutWaitingTheSameWindowsApply() {
		Executor offLoop = Runnable::run;
		RefreshingCache<String, String> cache = cache(null);
		assertThat(cache.getAsync("k", offLoop)).isCompletedWithValue("k#1");
		this.clock.advance(Duration.ofMinutes(55).minus(MS));
		assertThat(cache.getAsync("k", offLoop)).isCompletedWithValue("k#1");
		assertThat(this.loads).as("no refresh before the window").hasValue(1);
		this.clock.advance(MS);
		assertThat(cache.getAsync("k", offLoop)).as("answered from the old value").isCompletedWithValue("k#1");
		assertThat(this.loads).as("one refresh as the window opens").hasValue(2);
		assertThat(cache.getAsync("k", offLoop)).isCompletedWithValue("k#2");
		this.clock.advance(Duration.ofHours(1));
		assertThat(cache.getAsync("k", offLoop)).as("at the TTL: refreshed before use").isCompletedWithValue("k#3");
	}

	@Test
	void withoutWaitingAStaleValueServesWhileRefreshingFailsThenTheFutureFails() {
		Executor offLoop = Runnable::run;
		RefreshingCache<String, String> cache = cache(null);
		cache.getAsync("k", offLoop).join();
		this.failing.set(true);
		this.clock.advance(Duration.ofHours(1));
		assertThat(cache.getAsync("k", offLoop)).isCompletedWithValue("k#1");
		assertThat(this.loads).hasValue(2);
		this.clock.advance(Duration.ofSeconds(10).minus(MS));
		assertThat(cache.getAsync("k", offLoop)).isCompletedWithValue("k#1");
		assertThat(this.loads).as("within the backoff: no retry").hasValue(2);
		this.clock.advance(MS);
		assertThat(cache.getAsync("k", offLoop)).isCompletedWithValue("k#1");
		assertThat(this.loads).as("the backoff has passed: one retry").hasValue(3);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(cache.getAsync("k", offLoop)).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(RefreshingCache.LoadFailedException.class)
			.withMessageContaining("source down");
	}

	@Test
	void withoutWaitingAFirstLoadThatFailsFailsTheFutureAndAClosedCacheRefusesAtOnce() {
		Executor offLoop = Runnable::run;
		this.failing.set(true);
		RefreshingCache<String, String> cache = cache(null);
		assertThat(cache.getAsync("k", offLoop)).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(RefreshingCache.LoadFailedException.class)
			.withMessageContaining("Could not load test for k")
			.withMessageContaining("source down");
		this.failing.set(false);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(cache.getAsync("k", offLoop)).isCompletedWithValue("k#2");
		cache.close();
		assertThat(cache.getAsync("k", offLoop)).isCompletedExceptionally();
		assertThatExceptionOfType(io.github.walletproject.WalletClosedException.class).isThrownBy(() -> cache.get("k"))
			.withMessageContaining("nothing is looked up or sent for k");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void aLoadThatTakesLongerThanTheLoadTimeoutFailsItsCaller() {
		RefreshingCache.Settings settings = new RefreshingCache.Settings(Duration.ofHours(1), Duration.ofMinutes(5),
				Duration.ofMinutes(15), Duration.ofSeconds(10), 100, Duration.ofMillis(200));
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		RefreshingCache<String, String> cache = new RefreshingCache<>("test", key -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return load(key);
		}, settings, this.clock, null, WalletMetrics.NONE);
		this.caches.add(cache);
		try {
			assertThatExceptionOfType(RefreshingCache.LoadFailedException.class).isThrownBy(() -> cache.get("k"))
				.withMessageContaining("did not finish within PT0.2S");
			assertThat(cache.getAsync("k", java.util.concurrent.ForkJoinPool.commonPool()))
				.failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.havingCause()
				.isInstanceOf(RefreshingCache.LoadFailedException.class)
				.withMessageContaining("did not finish within PT0.2S");
		}
		finally {
			release.countDown();
		}
	}

	private RefreshingCache<String, String> cache(ConcurrentMapCache shared) {
		RefreshingCache<String, String> cache = new RefreshingCache<>("test", this::load, SETTINGS, this.clock, shared,
				WalletMetrics.NONE, new InlineExecutor());
		this.caches.add(cache);
		return cache;
	}

	private String load(String key) {
		int load = this.loads.incrementAndGet();
		if (this.failing.get()) {
			throw new IllegalStateException("source down");
		}
		return key + "#" + load;
	}


}
