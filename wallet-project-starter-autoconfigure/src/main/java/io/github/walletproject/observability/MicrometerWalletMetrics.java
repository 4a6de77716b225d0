package io.github.walletproject.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.ResolvedProject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.util.Assert;

/**
 * Micrometer meters of the starter. Tags are bounded: projects are tagged with their alias
 * ({@code unaliased} for raw ids), caches with their name, results with a fixed set of words.
 * <ul>
 * <li>{@value #ACCESS_CHECKS} (counter): {@code result} = granted | denied | unavailable,
 * {@code project};</li>
 * <li>{@value #CACHE_GETS} (counter): {@code cache} = access | project, {@code result} = hit | miss;</li>
 * <li>{@value #CACHE_LOADS} (timer): {@code cache}, {@code result} = success | failure;</li>
 * <li>{@value #RETRIES} (counter): {@code reason} = status_502 | status_503 | io_error | timeout |
 * invalid_timestamp | invalid_grant.</li>
 * </ul>
 */
public final class MicrometerWalletMetrics implements WalletMetrics {

	/** Access checks by result and project. */
	public static final String ACCESS_CHECKS = "wallet.access.checks";

	/** Cache reads by cache and hit or miss. */
	public static final String CACHE_GETS = "wallet.cache.gets";

	/** Cache loads (remote lookups) by cache and outcome, with their duration. */
	public static final String CACHE_LOADS = "wallet.cache.loads";

	/** Requests sent again, by reason. */
	public static final String RETRIES = "wallet.client.retries";

	/** Server-minus-local clock offset in seconds. */
	public static final String CLOCK_OFFSET = "wallet.clock.offset";

	private final MeterRegistry registry;

	private final Map<String, Counter[]> accessChecks = new ConcurrentHashMap<>();

	private final Map<String, Counter[]> cacheGets = new ConcurrentHashMap<>();

	private final Map<String, Counter> retries = new ConcurrentHashMap<>();

	/**
	 * Create the meters.
	 * @param registry the registry
	 */
	public MicrometerWalletMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "Registry must not be null");
		this.registry = registry;
	}

	@Override
	public void accessGranted(ResolvedProject project) {
		accessCounters(project.tag())[0].increment();
	}

	@Override
	public void accessDenied(ResolvedProject project) {
		accessCounters(project.tag())[1].increment();
	}

	@Override
	public void accessUnavailable(ResolvedProject project) {
		accessCounters(project.tag())[2].increment();
	}

	@Override
	public void cacheHit(String cache) {
		cacheCounters(cache)[0].increment();
	}

	@Override
	public void cacheMiss(String cache) {
		cacheCounters(cache)[1].increment();
	}

	@Override
	public void cacheLoad(String cache, long nanos, boolean success) {
		Timer.builder(CACHE_LOADS)
			.description("Remote lookups made to fill the starter's caches")
			.tag("cache", cache)
			.tag("result", success ? "success" : "failure")
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void retry(String reason) {
		this.retries.computeIfAbsent(reason, key -> Counter.builder(RETRIES)
			.description("Wallet API requests sent again")
			.tag("reason", key)
			.register(this.registry)).increment();
	}

	private Counter[] accessCounters(String project) {
		Counter[] counters = this.accessChecks.get(project);
		if (counters == null) {
			counters = this.accessChecks.computeIfAbsent(project, key -> new Counter[] { access(key, "granted"),
					access(key, "denied"), access(key, "unavailable") });
		}
		return counters;
	}

	private Counter access(String project, String result) {
		return Counter.builder(ACCESS_CHECKS)
			.description("Project access checks made before Wallet API calls")
			.tag("project", project)
			.tag("result", result)
			.register(this.registry);
	}

	private Counter[] cacheCounters(String cache) {
		Counter[] counters = this.cacheGets.get(cache);
		if (counters == null) {
			counters = this.cacheGets.computeIfAbsent(cache,
					key -> new Counter[] { cacheGet(key, "hit"), cacheGet(key, "miss") });
		}
		return counters;
	}

	private Counter cacheGet(String cache, String result) {
		return Counter.builder(CACHE_GETS)
			.description("Reads of the starter's caches")
			.tag("cache", cache)
			.tag("result", result)
			.register(this.registry);
	}

}
