package io.github.walletproject.client;

import java.time.Duration;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a failed attempt is sent again: only for the configured (idempotent) methods, only on
 * the configured statuses or on failures that left the outcome unknown, at most
 * {@code maxAttempts} attempts in all. The waits between attempts are Spring Framework's
 * {@link ExponentialBackOff}: the initial backoff, doubling per attempt up to the maximum,
 * each spread by a random jitter of up to half the initial backoff (never below the initial
 * backoff nor above the maximum), so that clients refused together do not retry together.
 */
final class RetryPolicy {

	/** GET and HEAD, three attempts, on 502 and 503, 100 ms to 2 s backoff. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Set.of(HttpMethod.GET, HttpMethod.HEAD),
			Set.of(502, 503), Duration.ofMillis(100), Duration.ofSeconds(2));

	/** Never resend. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Set.of(), Set.of(), Duration.ZERO, Duration.ZERO);

	private final int maxAttempts;

	private final Set<HttpMethod> methods;

	private final Set<Integer> statuses;

	private final ExponentialBackOff backOff;

	/**
	 * Create a policy.
	 * @param maxAttempts attempts in all, including the first; 1 disables retries
	 * @param methods methods that may be resent
	 * @param statuses HTTP statuses that are resent
	 * @param initialBackoff the wait before the second attempt
	 * @param maxBackoff the longest wait between any two attempts
	 */
	public RetryPolicy(int maxAttempts, Set<HttpMethod> methods, Set<Integer> statuses, Duration initialBackoff,
			Duration maxBackoff) {
		Assert.isTrue(maxAttempts >= 1, "paysera.wallet.retry.max-attempts must be at least 1");
		this.maxAttempts = maxAttempts;
		this.methods = Set.copyOf(methods);
		this.statuses = Set.copyOf(statuses);
		long initial = initialBackoff.toMillis();
		this.backOff = new ExponentialBackOff(Math.max(initial, 0), 2.0);
		this.backOff.setMaxInterval(Math.max(maxBackoff.toMillis(), initial));
		this.backOff.setJitter(initial / 2);
		this.backOff.setMaxAttempts(maxAttempts - 1);
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
	 * @return {@code true} when it is one of the configured statuses
	 */
	public boolean retriesStatus(int status) {
		return this.statuses.contains(status);
	}

	/**
	 * Start the waits of one request.
	 * @return the backoff execution; each {@code nextBackOff()} is the wait in milliseconds
	 */
	BackOffExecution startBackOff() {
		return this.backOff.start();
	}

	/**
	 * Attempts in all, including the first.
	 * @return the maximum number of attempts
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	@Override
	public String toString() {
		return "RetryPolicy[" + this.maxAttempts + " attempts, " + this.methods + " on " + this.statuses + ", "
				+ this.backOff + "]";
	}

}
