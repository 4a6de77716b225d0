package io.github.walletproject;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Too many requests ({@code rate_limit_exceeded}, HTTP 429). Not retried automatically:
 * back off for {@link #getRetryAfter()} when the server said how long.
 */
public class WalletRateLimitException extends WalletApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception.
	 * @param error what the server said
	 * @param retryAfter the {@code Retry-After} delay, or {@code null}
	 */
	public WalletRateLimitException(WalletError error, @Nullable Duration retryAfter) {
		super(error);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked to wait.
	 * @return the {@code Retry-After} delay, if sent
	 */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
