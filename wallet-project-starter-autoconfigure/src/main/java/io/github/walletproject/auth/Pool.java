package io.github.walletproject.auth;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few reusable objects that are not thread-safe, such as a keyed {@link javax.crypto.Mac}:
 * a thread {@linkplain #take() takes} one, uses it and {@linkplain #give(Object) gives} it
 * back. Objects sit in slots picked by thread, so threads seldom meet on a slot. A thread
 * whose slot is empty takes an object waiting in another slot, and makes a new one only
 * when none waits; an object given back to a full slot waits in an empty one. An object
 * that is not given back (after an exception) is simply made again; at most one object per
 * slot is kept.
 * <p>
 * Two threads on different slots touch no common cache line: slots are
 * {@value #SPACING} elements (128 bytes or more) apart, and the first and the last are as
 * far from the array's header, whose length every access reads, and from what follows the
 * array in memory.
 *
 * @param <T> the pooled type
 */
final class Pool<T> {

	private static final int SLOTS = slots();

	/** Elements between two slots, and before the first and after the last. */
	private static final int SPACING = 32;

	private final AtomicReferenceArray<T> slots = new AtomicReferenceArray<>((SLOTS + 1) * SPACING + 1);

	private final Supplier<T> factory;

	Pool(Supplier<T> factory) {
		this.factory = factory;
	}

	T take() {
		int home = home();
		T pooled = this.slots.getAndSet(index(home), null);
		if (pooled != null) {
			return pooled;
		}
		for (int i = 1; i < SLOTS; i++) {
			int other = index(home + i);
			if (this.slots.get(other) != null) {
				pooled = this.slots.getAndSet(other, null);
				if (pooled != null) {
					return pooled;
				}
			}
		}
		return this.factory.get();
	}

	void give(T object) {
		int home = home();
		for (int i = 0; i < SLOTS; i++) {
			int slot = index(home + i);
			// a race may overwrite an object given back at the same moment: it is made again
			if (this.slots.get(slot) == null) {
				this.slots.lazySet(slot, object);
				return;
			}
		}
	}

	@SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
	private static int home() {
		return (int) Thread.currentThread().getId();
	}

	private static int index(int slot) {
		return ((slot & (SLOTS - 1)) + 1) * SPACING;
	}

	/** A power of two, at least twice the processors. */
	private static int slots() {
		int wanted = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		return Integer.highestOneBit(wanted - 1) << 1;
	}

}
