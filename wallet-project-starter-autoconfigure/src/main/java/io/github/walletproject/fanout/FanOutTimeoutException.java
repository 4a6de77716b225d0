package io.github.walletproject.fanout;

import java.time.Duration;

import io.github.walletproject.WalletException;

/**
 * A project's task had not ended at its fan-out's deadline: it was cancelled (its thread
 * interrupted) and its result, if it comes later, is discarded. Whether a request it had
 * already sent was processed is unknown.
 */
public class FanOutTimeoutException extends WalletException {

	private final Duration deadline;

	/**
	 * Create the exception.
	 * @param project the project, as text (alias and id)
	 * @param deadline the fan-out's deadline
	 * @param started whether the task had started
	 */
	public FanOutTimeoutException(String project, Duration deadline, boolean started) {
		super("The fan-out task for project " + project + (started ? " did not finish" : " did not start")
				+ " within the deadline of " + deadline + (started ? " and was cancelled" : ""));
		this.deadline = deadline;
	}

	/**
	 * The deadline the task missed.
	 * @return the deadline
	 */
	public Duration getDeadline() {
		return this.deadline;
	}

}
