package io.github.walletproject.callback;

/**
 * Counts callbacks by outcome ({@code wallet.callbacks}).
 */
@FunctionalInterface
interface CallbackMetrics {

	CallbackMetrics NONE = (outcome, object) -> {
	};

	/**
	 * Count one callback.
	 * @param outcome what became of it
	 * @param object the object kind when it was verified and known, otherwise {@code unknown}
	 */
	void record(CallbackOutcome outcome, String object);

}
