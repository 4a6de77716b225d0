package io.github.walletproject.auth;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few reusable objects that are not thread-safe, such as a keyed {@link javax.crypto.Mac}:
 * a thread {@linkplain #take() takes} one, uses it and {@linkplain #give(Object) gives} it
 * back. Objects sit in slots picked by thread, so threads seldom meet on a slot; an empty
 * slot makes a new object, and an object that is not given back (after an exception) is
 * simply made again next time. At most one object per slot is kept.
 *
 * @param <T> the pooled type
 */
final class Pool<T> {

	private static final int SLOTS = slots();

	/** Slots sit this many elements apart (128 bytes or more): neighbours share no cache line. */
	private static final int SPACING = 32;

	private final AtomicReferenceArray<T> slots = new AtomicReferenceArray<>(SLOTS * SPACING);

	private final Supplier<T> factory;

	Pool(Supplier<T> factory) {
		this.factory = factory;
	}

	T take() {
		T pooled = this.slots.getAndSet(slot(), null);
		return (pooled != null) ? pooled : this.factory.get();
	}

	void give(T object) {
		this.slots.lazySet(slot(), object);
	}

	@SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
	private static int slot() {
		return (int) (Thread.currentThread().getId() & (SLOTS - 1)) * SPACING;
	}

	/** A power of two, at least twice the processors. */
	private static int slots() {
		int wanted = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		return Integer.highestOneBit(wanted - 1) << 1;
	}

}
