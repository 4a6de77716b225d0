package io.github.walletproject.fanout;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The one observation around a fan-out: the kind of selection and the number of projects
 * when it starts, the count of each outcome when it stops. Every key is bounded by the number
 * of projects the application works with. The observation is current on the task threads,
 * so each task's Wallet API calls are its children.
 */
final class FanOutObservation {

	/** Name of the observation (and timer). */
	static final String NAME = "wallet.fan-out";

	private FanOutObservation() {
	}

	static Observation start(ObservationRegistry registry, ProjectSelection selection) {
		return Observation.createNotStarted(NAME, registry)
			.contextualName("wallet fan-out")
			.lowCardinalityKeyValue("wallet.selection", selection.kind())
			.start();
	}

	static void projects(Observation observation, int projects) {
		observation.lowCardinalityKeyValue("wallet.projects", Integer.toString(projects));
	}

	static void stop(Observation observation, List<? extends ProjectResult<?>> results) {
		Map<ProjectResult.Outcome, Integer> counts = new EnumMap<>(ProjectResult.Outcome.class);
		for (ProjectResult.Outcome outcome : ProjectResult.Outcome.values()) {
			counts.put(outcome, 0);
		}
		for (ProjectResult<?> result : results) {
			counts.merge(result.outcome(), 1, Integer::sum);
		}
		counts.forEach((outcome, count) -> observation.lowCardinalityKeyValue(
				"wallet.outcome." + outcome.name().toLowerCase(Locale.ROOT), Integer.toString(count)));
		observation.stop();
	}

}
