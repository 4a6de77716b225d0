package io.github.walletproject.fanout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletReactive;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * {@link WalletFanOut} for reactive code: the same selections, access check, concurrency limit,
 * deadline and observation, with each project's task a {@code Mono} that runs with its project in
 * the Reactor Context (so the reactive Wallet client routes it there). The answer is a
 * {@code Flux} of one result per project, in the selection's order. A task past the deadline is
 * cancelled and reported as timed out; nothing of it is left running.
 */
public final class ReactiveWalletFanOut {

	private final WalletFanOut fanOut;

	/**
	 * Create the reactive fan-out.
	 * @param fanOut the fan-out whose settings it shares
	 */
	public ReactiveWalletFanOut(WalletFanOut fanOut) {
		Assert.notNull(fanOut, "Fan-out must not be null");
		this.fanOut = fanOut;
	}

	/**
	 * Run a task in each selected project.
	 * @param <T> the result type
	 * @param selection the projects
	 * @param task the work for one project: a {@code Mono} subscribed with that project bound
	 * @return one result per project, in the selection's order
	 */
	public <T> Flux<ProjectResult<T>> forEachProject(ProjectSelection selection,
			Function<ResolvedProject, Mono<T>> task) {
		Assert.notNull(selection, "Selection must not be null");
		Assert.notNull(task, "Task must not be null");
		return Flux.defer(() -> {
			Duration deadline = this.fanOut.deadline();
			long deadlineNanos = System.nanoTime() + deadline.toNanos();
			Observation observation = FanOutObservation.start(this.fanOut.observations(), selection);
			List<ProjectResult<T>> results = new CopyOnWriteArrayList<>();
			// the access list may need a lookup: read it off the caller's (event-loop) thread
			return Mono.fromCallable(() -> selection.resolve(this.fanOut.registry(), this.fanOut.accessible()))
				.subscribeOn(Schedulers.boundedElastic())
				.doOnNext((projects) -> FanOutObservation.projects(observation, projects.size()))
				.flatMapMany((projects) -> Flux.fromIterable(projects)
					.flatMapSequential((project) -> one(project, task, deadline, deadlineNanos),
							this.fanOut.concurrency()))
				.doOnNext(results::add)
				.doOnError(observation::error)
				.doFinally((signal) -> FanOutObservation.stop(observation, results));
		});
	}

	private <T> Mono<ProjectResult<T>> one(ResolvedProject project, Function<ResolvedProject, Mono<T>> task,
			Duration deadline, long deadlineNanos) {
		AtomicBoolean started = new AtomicBoolean();
		Mono<ProjectResult<T>> checked = Mono.fromCallable(() -> {
			this.fanOut.access().check(project);
			return project;
		}).subscribeOn(Schedulers.boundedElastic()).flatMap((allowed) -> {
			started.set(true);
			Mono<T> work = Mono.defer(() -> task.apply(allowed));
			return WalletReactive.withProject(allowed, work)
				.map((value) -> ProjectResult.value(allowed, value))
				.defaultIfEmpty(ProjectResult.value(allowed, null))
				.onErrorResume((ex) -> !(ex instanceof TimeoutException),
						(ex) -> Mono.just(ProjectResult.failed(allowed, ex)));
		}).onErrorResume((ex) -> ex instanceof ProjectAccessDeniedException || ex instanceof ProjectAccessUnavailableException,
				(ex) -> Mono.just(ProjectResult.refused(project, (RuntimeException) ex)));
		Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
		return checked.timeout(left)
			.onErrorResume(TimeoutException.class, (ex) -> Mono.just(ProjectResult.timedOut(project,
					new FanOutTimeoutException(project.toString(), deadline, started.get()))));
	}

	@Override
	public String toString() {
		return "ReactiveWalletFanOut[" + this.fanOut + "]";
	}

}
