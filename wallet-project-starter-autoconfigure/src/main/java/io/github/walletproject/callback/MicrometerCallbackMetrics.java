package io.github.walletproject.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code wallet.callbacks}: a counter per {@code outcome} and {@code object}.
 */
final class MicrometerCallbackMetrics implements CallbackMetrics {

	static final String NAME = "wallet.callbacks";

	private final MeterRegistry registry;

	MicrometerCallbackMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void record(CallbackOutcome outcome, String object) {
		Counter.builder(NAME)
			.description("Callbacks received from Paysera, by outcome")
			.tag("outcome", outcome.tag())
			.tag("object", object)
			.register(this.registry)
			.increment();
	}

}
