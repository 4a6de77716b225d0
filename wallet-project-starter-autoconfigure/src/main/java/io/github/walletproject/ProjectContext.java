package io.github.walletproject;

import java.util.Optional;

/**
 * Binds a Wallet API project to the current thread for code that does not use
 * {@link WalletProject}. Every Wallet API call made while a project is bound carries it.
 *
 * <pre class="code">
 * WalletBalance balance = ProjectContext.callWith("marketplace", () -&gt; wallet.balance());
 *
 * try (ProjectContext.Scope scope = ProjectContext.open("1221")) {
 *     wallet.balance();
 * }
 * </pre>
 *
 * Bindings nest as a stack: the innermost wins, and leaving a scope restores the one
 * outside it, also when the block throws. The binding is not inherited by new threads; to
 * carry it into executors, {@code @Async} methods and {@code CompletableFuture}s, use
 * Micrometer context propagation (see the README).
 * <p>
 * The value must be a configured alias or a positive project id. Its form is checked here;
 * whether the alias exists and the credentials may use the project is checked when a call
 * is made, before anything is sent.
 */
public final class ProjectContext {

	private ProjectContext() {
	}

	/**
	 * Bind a project until the returned scope is closed.
	 * @param project an alias or a project id
	 * @return the scope; close it on the same thread, in try-with-resources
	 * @throws InvalidProjectException when the value is malformed
	 */
	public static Scope open(String project) {
		return open(ProjectRef.parse(project, "ProjectContext"));
	}

	/**
	 * Bind a project until the returned scope is closed.
	 * @param project the project
	 * @return the scope; close it on the same thread, in try-with-resources
	 */
	public static Scope open(ProjectRef project) {
		if (project == null) {
			throw new InvalidProjectException("Empty project from ProjectContext: name a configured alias or a "
					+ "positive project id");
		}
		return new Scope(ProjectBinding.push(project));
	}

	/**
	 * Run a block with a project bound.
	 * @param project an alias or a project id
	 * @param action the block
	 */
	public static void runWith(String project, Runnable action) {
		try (Scope scope = open(project)) {
			action.run();
		}
	}

	/**
	 * Run a block with a project bound.
	 * @param project the project
	 * @param action the block
	 */
	public static void runWith(ProjectRef project, Runnable action) {
		try (Scope scope = open(project)) {
			action.run();
		}
	}

	/**
	 * Call a block with a project bound and return its result. Checked exceptions of the
	 * block pass through unchanged.
	 * @param <T> the result type
	 * @param <E> the exception the block may throw
	 * @param project an alias or a project id
	 * @param action the block
	 * @return what the block returned
	 * @throws E what the block threw
	 */
	public static <T, E extends Throwable> T callWith(String project, ProjectCallable<T, E> action) throws E {
		try (Scope scope = open(project)) {
			return action.call();
		}
	}

	/**
	 * Call a block with a project bound and return its result.
	 * @param <T> the result type
	 * @param <E> the exception the block may throw
	 * @param project the project
	 * @param action the block
	 * @return what the block returned
	 * @throws E what the block threw
	 */
	public static <T, E extends Throwable> T callWith(ProjectRef project, ProjectCallable<T, E> action) throws E {
		try (Scope scope = open(project)) {
			return action.call();
		}
	}

	/**
	 * The project bound to this thread, by annotation or in code.
	 * @return the alias or id as it was bound, or empty
	 */
	public static Optional<String> current() {
		ProjectBinding binding = ProjectBinding.current();
		return (binding != null) ? Optional.of(binding.project().text()) : Optional.empty();
	}

	/**
	 * The project bound to this thread, as a reference that can be bound again elsewhere
	 * (for example around work that runs later).
	 * @return the reference, or empty
	 */
	public static Optional<ProjectRef> currentReference() {
		ProjectBinding binding = ProjectBinding.current();
		return (binding != null) ? Optional.of(binding.project()) : Optional.empty();
	}

	/**
	 * Whether a project is bound to this thread.
	 * @return {@code true} when a project is bound
	 */
	public static boolean isBound() {
		return ProjectBinding.current() != null;
	}

	/**
	 * A block of code for {@link #callWith(String, ProjectCallable)}.
	 * @param <T> the result type
	 * @param <E> the exception it may throw
	 */
	@FunctionalInterface
	public interface ProjectCallable<T, E extends Throwable> {

		/**
		 * Run the block.
		 * @return the result
		 * @throws E on failure
		 */
		T call() throws E;

	}

	/**
	 * A binding opened by {@link #open(String)}. Closing it restores the binding that was
	 * current when it was opened. Closing twice does nothing.
	 * <p>
	 * Scopes must be closed in reverse order (try-with-resources does this). Closing a scope
	 * while a scope opened inside it is still open restores the thread to what it was before
	 * this scope was opened, drops the inner binding, and throws an
	 * {@link IllegalStateException} naming both; closing that inner scope later does nothing.
	 * So whatever the order, no binding outlives its scope on a pooled thread.
	 */
	public static final class Scope implements AutoCloseable {

		private final ProjectBinding binding;

		private final Thread owner;

		private boolean closed;

		private Scope(ProjectBinding binding) {
			this.binding = binding;
			this.owner = Thread.currentThread();
		}

		/**
		 * The project this scope bound.
		 * @return alias or id
		 */
		public String project() {
			return this.binding.project().text();
		}

		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			if (Thread.currentThread() != this.owner) {
				throw new IllegalStateException("A ProjectContext scope must be closed on the thread that opened it ("
						+ this.owner.getName() + ")");
			}
			this.closed = true;
			ProjectBinding current = ProjectBinding.current();
			if (current == this.binding) {
				ProjectBinding.restore(this.binding.outer());
				return;
			}
			if (!this.binding.isOnStack()) {
				// an outer scope was closed first and already unwound past this one
				return;
			}
			ProjectBinding.restore(this.binding.outer());
			throw new IllegalStateException("ProjectContext scope '" + project() + "' was closed while the inner scope '"
					+ current.project().text() + "' opened inside it was still open. The thread's binding was restored "
					+ "to what it was before '" + project() + "' and '" + current.project().text() + "' was dropped. "
					+ "Close scopes in reverse order (try-with-resources does this).");
		}

	}

}
