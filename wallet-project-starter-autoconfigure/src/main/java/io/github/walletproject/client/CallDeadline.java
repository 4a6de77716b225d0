package io.github.walletproject.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A point in time by which the Wallet API calls of the current thread must be done: a fan-out
 * task's deadline ({@code WalletFanOut}). The blocking client caps the time it waits for an
 * answer by what is left of it, so a socket read blocked past the deadline ends there, on
 * platform threads too, where an interrupt does not stop it. Bindings nest: the earliest wins.
 */
public final class CallDeadline {

	private static final ThreadLocal<@Nullable Long> DEADLINE = new ThreadLocal<>();

	private CallDeadline() {
	}

	/**
	 * Bind a deadline to the current thread until {@link #restore(Long)}.
	 * @param deadlineNanos the deadline, in {@link System#nanoTime()} terms
	 * @return what was bound before, for {@link #restore(Long)}
	 */
	public static @Nullable Long bind(long deadlineNanos) {
		Long previous = DEADLINE.get();
		DEADLINE.set((previous != null && previous - deadlineNanos < 0) ? previous : deadlineNanos);
		return previous;
	}

	/**
	 * Put back what {@link #bind(long)} replaced.
	 * @param previous its result
	 */
	public static void restore(@Nullable Long previous) {
		DEADLINE.set(previous);
	}

	/**
	 * What is left of the current thread's deadline.
	 * @return the time left (zero or negative once it passed), or {@code null} without a deadline
	 */
	public static @Nullable Duration remaining() {
		Long deadline = DEADLINE.get();
		return (deadline != null) ? Duration.ofNanos(deadline - System.nanoTime()) : null;
	}

	/**
	 * Whether the current thread's deadline has passed.
	 * @return {@code true} once it passed; {@code false} without a deadline
	 */
	public static boolean passed() {
		Duration left = remaining();
		return left != null && left.compareTo(Duration.ZERO) <= 0;
	}

	/**
	 * A read timeout capped by what is left of the current thread's deadline.
	 * @param readTimeout the configured read timeout
	 * @return the smaller of the two, at least one millisecond
	 */
	public static Duration cap(Duration readTimeout) {
		Duration left = remaining();
		if (left == null || left.compareTo(readTimeout) >= 0) {
			return readTimeout;
		}
		return (left.toMillis() >= 1) ? left : Duration.ofMillis(1);
	}

}
