package io.github.walletproject.callback;

import java.time.Duration;

/**
 * The duplicate check of callbacks, in two states: an event is <em>in progress</em> from the
 * moment one delivery is taken until its listeners returned, as a short lease
 * ({@code paysera.wallet.callbacks.in-progress-lease}) so that an instance that dies, hangs or
 * cannot give the claim up never blocks the event for good; it is <em>done</em> once the
 * listeners returned, for {@code paysera.wallet.callbacks.duplicate-window}. A listener that
 * fails gives the claim up. Kept in a {@link CallbackStore}, so shared by the instances when
 * the callbacks' cache is.
 */
final class DeliveredEvents {

	/** The stored value of a done event (also what earlier versions stored for any claim). */
	private static final long DONE = 1;

	/** The stored value of an event whose listeners still run. */
	private static final long IN_PROGRESS = 3;

	private final CallbackStore store;

	private final Duration lease;

	DeliveredEvents(CallbackStore store, Duration lease) {
		this.store = store;
		this.lease = lease;
	}

	/**
	 * Take an event for dispatching.
	 * @param event the event's key (object, id, type)
	 * @return whether it was taken, or is in progress or done elsewhere
	 */
	Claim claim(String event) {
		Long found = this.store.claim(event, IN_PROGRESS, this.lease);
		if (found == null) {
			return Claim.TAKEN;
		}
		return (found == IN_PROGRESS) ? Claim.IN_PROGRESS : Claim.DONE;
	}

	/**
	 * The listeners of a taken event returned: it is a duplicate from now on.
	 * @param event the event's key
	 */
	void done(String event) {
		this.store.put(event, DONE);
	}

	/**
	 * A listener of a taken event failed: the next delivery is dispatched again. Should the
	 * shared cache not answer, the in-progress lease still lapses.
	 * @param event the event's key
	 */
	void release(String event) {
		this.store.release(event);
	}

	/** How long an in-progress claim lives. */
	Duration lease() {
		return this.lease;
	}

	/** What {@link #claim(String)} found. */
	enum Claim {

		/** Taken by this call: dispatch it. */
		TAKEN,

		/** Another delivery's listeners still run (within the lease). */
		IN_PROGRESS,

		/** Dispatched already, within the duplicate window. */
		DONE

	}

}
