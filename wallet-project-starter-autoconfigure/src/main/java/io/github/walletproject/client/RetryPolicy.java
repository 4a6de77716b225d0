package io.github.walletproject.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpMethod;

/**
 * When a failed attempt is sent again: only for the configured (idempotent) methods, only
 * on the configured statuses or on I/O failures, at most {@code maxAttempts} attempts in
 * all, with exponential backoff and full jitter between them.
 *
 * @param maxAttempts attempts in all, including the first; 1 disables retries
 * @param methods methods that may be resent
 * @param statuses HTTP statuses that are resent
 * @param initialBackoff the longest wait before the second attempt
 * @param maxBackoff the longest wait between any two attempts
 */
public record RetryPolicy(int maxAttempts, Set<HttpMethod> methods, Set<Integer> statuses, Duration initialBackoff,
		Duration maxBackoff) {

	/** GET and HEAD, three attempts, on 502 and 503, 100 ms to 2 s backoff. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Set.of(HttpMethod.GET, HttpMethod.HEAD),
			Set.of(502, 503), Duration.ofMillis(100), Duration.ofSeconds(2));

	/** Never resend. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Set.of(), Set.of(), Duration.ZERO, Duration.ZERO);

	/**
	 * Validate and copy.
	 */
	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("paysera.wallet.retry.max-attempts must be at least 1");
		}
		methods = Set.copyOf(methods);
		statuses = Set.copyOf(statuses);
	}

	/**
	 * Whether another attempt may follow attempt number {@code attempt} of this method.
	 * @param method the request method
	 * @param attempt the attempt that just failed, from 1
	 * @return {@code true} to try again
	 */
	public boolean allows(HttpMethod method, int attempt) {
		return attempt < this.maxAttempts && this.methods.contains(method);
	}

	/**
	 * Whether a status is worth another attempt.
	 * @param status the HTTP status
	 * @return {@code true} when it is one of {@link #statuses()}
	 */
	public boolean retriesStatus(int status) {
		return this.statuses.contains(status);
	}

	/**
	 * The wait after attempt {@code attempt}: a random time up to
	 * {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}.
	 * @param attempt the attempt that just failed, from 1
	 * @return milliseconds to wait
	 */
	public long backoffMillis(int attempt) {
		long base = this.initialBackoff.toMillis();
		long cap = this.maxBackoff.toMillis();
		long ceiling = Math.min(cap, base << Math.min(attempt - 1, 20));
		return (ceiling <= 0) ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
	}

}
