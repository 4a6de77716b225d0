package io.github.walletproject.internal;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Marks the places where the starter may wait: a cache load another caller started, a clock
 * re-read or token refresh another request started, the pause between retries. The reactive
 * client never reaches them on an event-loop thread (Reactor's non-blocking threads, Reactor
 * Netty's event loops); a {@linkplain #watch watcher} sees every such wait that happens on
 * one, which is how the tests prove it without an agent such as BlockHound.
 * <p>
 * Internal API: not for use outside this library.
 */
public final class BlockingCalls {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.scheduler.Schedulers",
			BlockingCalls.class.getClassLoader());

	private static volatile @Nullable Consumer<String> watcher;

	private BlockingCalls() {
	}

	/**
	 * The current thread is about to wait.
	 * @param what what it waits for, for the watcher
	 */
	public static void blocking(String what) {
		Consumer<String> current = watcher;
		if (current != null && onEventLoop()) {
			current.accept(what + " on " + Thread.currentThread().getName());
		}
	}

	/**
	 * Whether the current thread is one that must never wait: a Reactor non-blocking thread.
	 * @return {@code true} on an event loop
	 */
	public static boolean onEventLoop() {
		return REACTOR_PRESENT && Reactor.nonBlocking();
	}

	/**
	 * Report every wait on an event-loop thread to a watcher (tests).
	 * @param consumer the watcher, or {@code null} to stop watching
	 */
	public static void watch(@Nullable Consumer<String> consumer) {
		watcher = consumer;
	}

	private static final class Reactor {

		static boolean nonBlocking() {
			return reactor.core.scheduler.Schedulers.isInNonBlockingThread();
		}

	}

}
