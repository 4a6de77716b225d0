package io.github.walletproject.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.CallDeadline;
import io.github.walletproject.client.Project;
import io.github.walletproject.routing.ProjectRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Runs one task per project of a selection, each with its project bound, and returns one
 * result per project in the selection's order: a dashboard's balances side by side, a
 * nightly reconciliation, a report across projects.
 *
 * <pre class="code">
 * List&lt;ProjectResult&lt;Balance&gt;&gt; balances =
 *         fanOut.forEachProject(ProjectSelection.configured(), project -&gt; wallet.balance());
 * </pre>
 *
 * <ul>
 * <li>While a task runs, its project is bound ({@link ProjectContext}): the typed API, HTTP
 * interfaces, money operations and the routed {@code RestClient} all go there. The binding is
 * removed when the task ends, whatever it did.</li>
 * <li>A project the credentials may not use is {@linkplain ProjectResult.Outcome#REFUSED
 * refused} before its task runs: nothing is sent for it.</li>
 * <li>One project's failure is that project's result; it never hides another's.</li>
 * <li>At most {@code paysera.wallet.fan-out.concurrency} tasks of one call run at a time, on
 * the starter's executor (virtual threads on Java 21+) or the one given to
 * {@link #withExecutor(Executor)}.</li>
 * <li>The call returns by its deadline ({@code paysera.wallet.fan-out.deadline}): a task not
 * done by then is cancelled (its thread interrupted) and reported
 * {@linkplain ProjectResult.Outcome#TIMED_OUT timed out}; a task not started by then never
 * starts.</li>
 * </ul>
 * Instances are immutable; the {@code with...} methods return changed copies.
 */
public final class WalletFanOut {

	private final ProjectRegistry registry;

	private final Supplier<List<Project>> accessible;

	private final ProjectAccessChecker access;

	private final Executor executor;

	private final int concurrency;

	private final Duration deadline;

	private final ObservationRegistry observations;

	/**
	 * Create a fan-out.
	 * @param registry the configured projects
	 * @param accessible the default credentials' (cached) access list
	 * @param access the access check made before each project's task
	 * @param executor where tasks run
	 * @param concurrency the most tasks of one call that run at a time
	 * @param deadline how long one call may take
	 * @param observations where the fan-out is observed
	 */
	public WalletFanOut(ProjectRegistry registry, Supplier<List<Project>> accessible, ProjectAccessChecker access,
			Executor executor, int concurrency, Duration deadline, ObservationRegistry observations) {
		Assert.notNull(registry, "Registry must not be null");
		Assert.notNull(accessible, "Accessible must not be null");
		Assert.notNull(access, "Access must not be null");
		Assert.notNull(executor, "Executor must not be null");
		Assert.isTrue(concurrency > 0, "Concurrency must be positive");
		Assert.isTrue(deadline != null && deadline.compareTo(Duration.ZERO) > 0, "Deadline must be positive");
		Assert.notNull(observations, "Observations must not be null");
		this.registry = registry;
		this.accessible = accessible;
		this.access = access;
		this.executor = executor;
		this.concurrency = concurrency;
		this.deadline = deadline;
		this.observations = observations;
	}

	/**
	 * A copy with another deadline for the whole call.
	 * @param deadline a positive duration
	 * @return the copy
	 */
	public WalletFanOut withDeadline(Duration deadline) {
		return new WalletFanOut(this.registry, this.accessible, this.access, this.executor, this.concurrency, deadline,
				this.observations);
	}

	/**
	 * A copy that runs at most this many tasks of one call at a time.
	 * @param concurrency a positive number
	 * @return the copy
	 */
	public WalletFanOut withConcurrency(int concurrency) {
		return new WalletFanOut(this.registry, this.accessible, this.access, this.executor, concurrency, this.deadline,
				this.observations);
	}

	/**
	 * A copy that runs tasks on the caller's executor (which the caller keeps and closes). The
	 * concurrency limit and the deadline still apply.
	 * @param executor the executor
	 * @return the copy
	 */
	public WalletFanOut withExecutor(Executor executor) {
		return new WalletFanOut(this.registry, this.accessible, this.access, executor, this.concurrency, this.deadline,
				this.observations);
	}

	/**
	 * The deadline of one call.
	 * @return the deadline
	 */
	public Duration deadline() {
		return this.deadline;
	}

	/**
	 * The most tasks of one call that run at a time.
	 * @return the limit
	 */
	public int concurrency() {
		return this.concurrency;
	}

	/**
	 * Run a task in every project of a selection, each with its project bound.
	 * @param <T> the type of the tasks' values
	 * @param selection the projects
	 * @param task the work for one project
	 * @return one result per project, in the selection's order
	 * @throws io.github.walletproject.InvalidProjectException when an explicit selection names
	 * an alias that is not configured (nothing runs)
	 * @throws ProjectAccessUnavailableException when {@link ProjectSelection#accessible()}
	 * cannot read the access list (nothing runs)
	 */
	public <T> List<ProjectResult<T>> forEachProject(ProjectSelection selection, ProjectTask<T> task) {
		Assert.notNull(selection, "Selection must not be null");
		Assert.notNull(task, "Task must not be null");
		long deadlineNanos = System.nanoTime() + this.deadline.toNanos();
		Observation observation = FanOutObservation.start(this.observations, selection);
		List<ProjectResult<T>> results;
		try {
			List<ResolvedProject> projects = selection.resolve(this.registry, this.accessible);
			FanOutObservation.projects(observation, projects.size());
			results = run(projects, task, deadlineNanos, observation);
		}
		catch (RuntimeException | Error ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		FanOutObservation.stop(observation, results);
		return results;
	}

	private <T> List<ProjectResult<T>> run(List<ResolvedProject> projects, ProjectTask<T> task, long deadlineNanos,
			Observation observation) {
		// a caller signing as a user (CredentialsContext) signs every task's calls so, on every worker
		Run<T> run = new Run<>(projects, task, observation, CredentialsContext.current(), deadlineNanos);
		List<FutureTask<Void>> workers = new ArrayList<>();
		RejectedExecutionException rejected = null;
		for (int i = 0; i < Math.min(this.concurrency, projects.size()); i++) {
			FutureTask<Void> worker = new FutureTask<>(run::work, null);
			try {
				this.executor.execute(worker);
				workers.add(worker);
			}
			catch (RejectedExecutionException ex) {
				rejected = ex;
			}
		}
		if (workers.isEmpty() && rejected != null) {
			run.failRemaining(rejected);
		}
		boolean finished = false;
		try {
			finished = run.done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			// the caller was interrupted: stop as at the deadline, and keep the interrupt
			Thread.currentThread().interrupt();
		}
		run.over.set(true);
		// results first: what a task reports after the deadline (even because of the interrupt) is discarded
		List<ProjectResult<T>> results = run.results(this.deadline);
		if (!finished) {
			// interrupt only what still runs: finished workers are leaving on their own, and an
			// interrupt must not reach the executor's next task
			for (FutureTask<Void> worker : workers) {
				worker.cancel(true);
			}
		}
		return results;
	}

	/**
	 * The state of one call: workers take the next project until none is left or the call is
	 * over, so no more than the number of workers run at once.
	 */
	private final class Run<T> {

		private final List<ResolvedProject> projects;

		private final ProjectTask<T> task;

		private final Observation observation;

		private final AtomicReferenceArray<ProjectResult<T>> results;

		private final AtomicIntegerArray started;

		private final AtomicInteger next = new AtomicInteger();

		private final AtomicBoolean over = new AtomicBoolean();

		private final CountDownLatch done;

		private final @Nullable WalletCredentials caller;

		private final long deadlineNanos;

		Run(List<ResolvedProject> projects, ProjectTask<T> task, Observation observation,
				@Nullable WalletCredentials caller, long deadlineNanos) {
			this.deadlineNanos = deadlineNanos;
			this.projects = projects;
			this.task = task;
			this.observation = observation;
			this.caller = caller;
			this.results = new AtomicReferenceArray<>(projects.size());
			this.started = new AtomicIntegerArray(projects.size());
			this.done = new CountDownLatch(projects.size());
		}

		void work() {
			try (Observation.Scope scope = this.observation.openScope()) {
				while (!this.over.get() && !Thread.currentThread().isInterrupted()) {
					int index = this.next.getAndIncrement();
					if (index >= this.projects.size()) {
						return;
					}
					this.started.set(index, 1);
					ResolvedProject project = this.projects.get(index);
					try {
						complete(index, runOne(project));
					}
					catch (VirtualMachineError ex) {
						complete(index, ProjectResult.failed(project, ex));
						throw ex;
					}
				}
			}
		}

		private ProjectResult<T> runOne(ResolvedProject project) {
			try {
				// the access check asks for whoever signs the task's calls
				WalletFanOut.this.access.check((this.caller != null)
						? new ResolvedProject(project.id(), project.alias(), this.caller, project.walletId()) : project);
			}
			catch (ProjectAccessDeniedException | ProjectAccessUnavailableException ex) {
				return ProjectResult.refused(project, ex);
			}
			// the blocking client waits for an answer no longer than the deadline (a socket read on a
			// platform thread does not end on the interrupt)
			Long outerDeadline = CallDeadline.bind(this.deadlineNanos);
			try (ProjectContext.Scope scope = ProjectContext.open(project)) {
				T value = (this.caller != null) ? CredentialsContext.callWith(this.caller, () -> this.task.call(project))
						: this.task.call(project);
				return ProjectResult.value(project, value);
			}
			catch (VirtualMachineError ex) {
				throw ex;
			}
			catch (Throwable ex) {
				return ProjectResult.failed(project, ex);
			}
			finally {
				CallDeadline.restore(outerDeadline);
			}
		}

		private void complete(int index, ProjectResult<T> result) {
			if (this.results.compareAndSet(index, null, result)) {
				this.done.countDown();
			}
		}

		void failRemaining(RejectedExecutionException rejected) {
			for (int i = 0; i < this.projects.size(); i++) {
				complete(i, ProjectResult.failed(this.projects.get(i), rejected));
			}
		}

		/** The results; a project without one by now timed out, and a late result is discarded. */
		List<ProjectResult<T>> results(Duration deadline) {
			List<ProjectResult<T>> list = new ArrayList<>(this.projects.size());
			for (int i = 0; i < this.projects.size(); i++) {
				ResolvedProject project = this.projects.get(i);
				if (this.results.get(i) == null) {
					complete(i, ProjectResult.timedOut(project,
							new FanOutTimeoutException(project.toString(), deadline, this.started.get(i) == 1)));
				}
				list.add(this.results.get(i));
			}
			return List.copyOf(list);
		}

	}

	ProjectRegistry registry() {
		return this.registry;
	}

	Supplier<List<Project>> accessible() {
		return this.accessible;
	}

	ProjectAccessChecker access() {
		return this.access;
	}

	ObservationRegistry observations() {
		return this.observations;
	}

	@Override
	public String toString() {
		return "WalletFanOut[concurrency=" + this.concurrency + ", deadline=" + this.deadline + "]";
	}

}
