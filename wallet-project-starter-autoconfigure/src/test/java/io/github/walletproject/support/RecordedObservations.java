package io.github.walletproject.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/** Every observation stopped in an application that declares this handler as a bean. */
public final class RecordedObservations implements ObservationHandler<Observation.Context> {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	/**
	 * The observations stopped so far.
	 * @return them, in the order they stopped
	 */
	public List<Observation.Context> stopped() {
		return this.stopped;
	}

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

}
