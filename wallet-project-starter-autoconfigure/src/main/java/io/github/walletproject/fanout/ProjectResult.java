package io.github.walletproject.fanout;

import java.util.Optional;

import io.github.walletproject.ResolvedProject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What one project's task of a fan-out came to: its value, the exception it threw, a refusal
 * before anything was sent, or a timeout at the fan-out's deadline.
 *
 * @param <T> the type of the task's value
 */
public final class ProjectResult<T> {

	/**
	 * How a project's task ended.
	 */
	public enum Outcome {

		/** The task returned a value (possibly {@code null}). */
		VALUE,

		/** The task threw: {@link #error()} holds the exception. */
		FAILED,

		/**
		 * The credentials may not use the project, or that could not be decided: the task did not run
		 * and nothing was sent for the project; {@link #error()} holds the reason.
		 */
		REFUSED,

		/**
		 * The task had not finished (or not started) at the fan-out's deadline; it was cancelled.
		 */
		TIMED_OUT

	}

	private final ResolvedProject project;

	private final Outcome outcome;

	private final @Nullable T value;

	private final @Nullable Throwable error;

	private ProjectResult(ResolvedProject project, Outcome outcome, @Nullable T value, @Nullable Throwable error) {
		Assert.notNull(project, "Project must not be null");
		this.project = project;
		this.outcome = outcome;
		this.value = value;
		this.error = error;
	}

	static <T> ProjectResult<T> value(ResolvedProject project, @Nullable T value) {
		return new ProjectResult<>(project, Outcome.VALUE, value, null);
	}

	static <T> ProjectResult<T> failed(ResolvedProject project, Throwable error) {
		return new ProjectResult<>(project, Outcome.FAILED, null, error);
	}

	static <T> ProjectResult<T> refused(ResolvedProject project, RuntimeException reason) {
		return new ProjectResult<>(project, Outcome.REFUSED, null, reason);
	}

	static <T> ProjectResult<T> timedOut(ResolvedProject project, FanOutTimeoutException timeout) {
		return new ProjectResult<>(project, Outcome.TIMED_OUT, null, timeout);
	}

	/**
	 * The project the task ran for.
	 * @return the project
	 */
	public ResolvedProject project() {
		return this.project;
	}

	/**
	 * How the task ended.
	 * @return the outcome
	 */
	public Outcome outcome() {
		return this.outcome;
	}

	/**
	 * Whether the task returned a value.
	 * @return {@code true} for {@link Outcome#VALUE}
	 */
	public boolean hasValue() {
		return this.outcome == Outcome.VALUE;
	}

	/**
	 * The task's value.
	 * @return the value (may be {@code null} when the task returned {@code null})
	 * @throws IllegalStateException when the task did not return a value; its cause is the
	 * task's exception, the refusal or the timeout
	 */
	public @Nullable T value() {
		if (this.outcome != Outcome.VALUE) {
			throw new IllegalStateException("No value for project " + this.project + ": its task ended "
					+ this.outcome, this.error);
		}
		return this.value;
	}

	/**
	 * Why there is no value: the task's exception, the refusal
	 * ({@code ProjectAccessDeniedException}, {@code ProjectAccessUnavailableException}) or a
	 * {@link FanOutTimeoutException}.
	 * @return the error, empty for {@link Outcome#VALUE}
	 */
	public Optional<Throwable> error() {
		return Optional.ofNullable(this.error);
	}

	@Override
	public String toString() {
		return "ProjectResult[" + this.project + ": " + this.outcome
				+ ((this.error != null) ? " " + this.error.getClass().getSimpleName() : "") + "]";
	}

}
