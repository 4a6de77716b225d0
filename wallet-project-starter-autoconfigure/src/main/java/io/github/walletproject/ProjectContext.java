package io.github.walletproject;

import java.util.Optional;

import io.github.walletproject.routing.ProjectBindings;
import io.github.walletproject.routing.ProjectBindings.Binding;
import io.github.walletproject.routing.ProjectValues;

/**
 * Binds a Wallet API project to the current thread for code that does not use
 * {@link WalletProject}. Every Wallet API call made while a project is bound carries it.
 *
 * <pre class="code">
 * Balance balance = ProjectContext.callWith("marketplace", () -&gt; wallet.balance());
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
		ProjectValues.checkSyntax(project, "ProjectContext");
		return new Scope(ProjectBindings.push(project));
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
	 * The project bound to this thread, by annotation or in code.
	 * @return the alias or id as it was bound, or empty
	 */
	public static Optional<String> current() {
		Binding binding = ProjectBindings.current();
		return (binding != null) ? Optional.of(binding.name()) : Optional.empty();
	}

	/**
	 * Whether a project is bound to this thread.
	 * @return {@code true} when a project is bound
	 */
	public static boolean isBound() {
		return ProjectBindings.current() != null;
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
	 */
	public static final class Scope implements AutoCloseable {

		private final Binding binding;

		private final Thread owner;

		private boolean closed;

		private Scope(Binding binding) {
			this.binding = binding;
			this.owner = Thread.currentThread();
		}

		/**
		 * The project this scope bound.
		 * @return alias or id
		 */
		public String project() {
			return this.binding.name();
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
			boolean innerStillOpen = ProjectBindings.current() != this.binding;
			// always unwind to the binding this scope shadowed, so nothing outlives the scope
			ProjectBindings.restore(this.binding.outer());
			if (innerStillOpen) {
				throw new IllegalStateException("ProjectContext scope for " + this.binding.name()
						+ " closed while an inner scope was still open; the inner binding was dropped. "
						+ "Close scopes in reverse order (try-with-resources does this).");
			}
		}

	}

}
