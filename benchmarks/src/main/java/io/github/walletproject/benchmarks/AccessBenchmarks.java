package io.github.walletproject.benchmarks;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import io.github.walletproject.ProjectRef;
import io.github.walletproject.access.AccessibleProjectsSource;
import io.github.walletproject.access.CachedProjectLookups;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.ResolvedProject;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.web.client.RestClient;

/**
 * The access check in front of every routed call, built as the auto-configuration builds it
 * (the starter's {@link ProjectAccessChecker#caching caching checker} over {@link CachedProjectLookups}, configured
 * projects, default cache settings, no metrics):
 * <ul>
 * <li>{@link #accessWarmHit}: the project is in the warm cache;</li>
 * <li>{@link #accessColdBurst}: {@value #BURST} threads ask for one key of an empty cache at
 * the same moment while the (simulated, {@value #LOOKUP_MILLIS} ms) remote lookup runs;
 * the {@code lookups} counter over the {@code bursts} counter is the number of remote
 * lookups per burst, which coalescing keeps at 1.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class AccessBenchmarks {

	static final int BURST = 32;

	static final int LOOKUP_MILLIS = 5;

	@Benchmark
	public ResolvedProject accessWarmHit(Warm warm) {
		warm.checker.check(warm.project);
		return warm.project;
	}

	@Benchmark
	public void accessColdBurst(Cold cold, Lookups counts) throws InterruptedException, ExecutionException {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> callers = new ArrayList<>(BURST);
		for (int i = 0; i < BURST; i++) {
			callers.add(cold.pool.submit(() -> {
				start.await();
				cold.checker.checker().check(cold.project);
				return null;
			}));
		}
		start.countDown();
		for (Future<?> caller : callers) {
			caller.get();
		}
		counts.lookups += cold.lookups.get();
		counts.bursts++;
	}

	static ProjectRegistry registry() {
		return ProjectRegistry.builder(WalletCredentials.mac(WalletCredentials.DEFAULT, new MacSigner(Inputs.MAC_ID,
				Inputs.MAC_KEY)))
			.project("shop", Inputs.PROJECT_ID)
			.build();
	}

	/**
	 * The checker and its lookups as the auto-configuration builds them; closing the lookups
	 * closes their caches.
	 */
	record Checker(ProjectAccessChecker checker, CachedProjectLookups lookups) implements AutoCloseable {

		@Override
		public void close() {
			this.lookups.close();
		}

	}

	static Checker checker(ProjectRegistry registry, AccessibleProjectsSource source) {
		// project details are never read here: their client is never called
		InternalWalletApi internal = new InternalWalletApi(RestClient.create(), RestClient.create());
		CachedProjectLookups lookups = new CachedProjectLookups(Inputs.BASE_URL, source, internal,
				new CachedProjectLookups.CacheFactory() {
					@Override
					public <K, V extends Serializable> RefreshingCache<K, V> create(String name, Function<K, V> loader,
							int maximumSize) {
						// the defaults of paysera.wallet.access.cache.*
						RefreshingCache.Settings settings = new RefreshingCache.Settings(Duration.ofHours(1),
								Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofSeconds(10),
								(maximumSize < 0) ? 10_000 : maximumSize);
						return new RefreshingCache<>(name, loader, settings, Clock.systemUTC(), null, WalletMetrics.NONE);
					}
				});
		return new Checker(ProjectAccessChecker.caching(lookups, registry, WalletMetrics.NONE), lookups);
	}

	/**
	 * A checker whose cache holds the project's credentials.
	 */
	@State(Scope.Benchmark)
	public static class Warm {

		Checker made;

		ProjectAccessChecker checker;

		ResolvedProject project;

		@Setup(Level.Trial)
		public void warm() {
			ProjectRegistry registry = registry();
			this.project = registry.resolve(ProjectRef.parse("shop", "benchmark"), "benchmark");
			this.made = checker(registry, AccessibleProjectsSource.configured(registry));
			this.checker = this.made.checker();
			this.checker.check(this.project);
		}

		@TearDown(Level.Trial)
		public void close() {
			this.made.close();
		}

	}

	/**
	 * A fresh, empty checker for every burst, a slow counting source, and the caller threads.
	 */
	@State(Scope.Benchmark)
	public static class Cold {

		final AtomicInteger lookups = new AtomicInteger();

		ProjectRegistry registry;

		AccessibleProjectsSource source;

		ExecutorService pool;

		Checker checker;

		ResolvedProject project;

		@Setup(Level.Trial)
		public void start() {
			this.registry = registry();
			this.project = this.registry.resolve(ProjectRef.parse("shop", "benchmark"), "benchmark");
			AccessibleProjectsSource configured = AccessibleProjectsSource.configured(this.registry);
			this.source = credentials -> {
				this.lookups.incrementAndGet();
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LOOKUP_MILLIS));
				return configured.load(credentials);
			};
			this.pool = Executors.newFixedThreadPool(BURST);
		}

		@Setup(Level.Invocation)
		public void emptyCache() {
			this.lookups.set(0);
			this.checker = checker(this.registry, this.source);
		}

		@TearDown(Level.Invocation)
		public void closeCache() {
			this.checker.close();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.pool.shutdownNow();
		}

	}

	/**
	 * Remote lookups and bursts, summed per iteration.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Lookups {

		public long lookups;

		public long bursts;

		@Setup(Level.Iteration)
		public void reset() {
			this.lookups = 0;
			this.bursts = 0;
		}

	}

}
