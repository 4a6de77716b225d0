package io.github.walletproject.routing;

import org.jspecify.annotations.Nullable;

/**
 * The thread-bound stack of project bindings behind {@code ProjectContext} and the
 * {@code @WalletProject} advice. Each binding is an immutable node pointing at the one it
 * shadows, so a snapshot of the top node captures the whole stack (which is what context
 * propagation carries to other threads). A plain {@link ThreadLocal}: bindings never leak
 * into threads created later.
 * <p>
 * Internal API: use {@code ProjectContext}.
 */
public final class ProjectBindings {

	private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

	private ProjectBindings() {
	}

	/**
	 * The innermost binding of this thread.
	 * @return the binding, or {@code null}
	 */
	public static @Nullable Binding current() {
		return CURRENT.get();
	}

	/**
	 * Bind a project on top of the current binding.
	 * @param project an alias or id (checked for form only) or a {@link ResolvedProject}
	 * @return the new binding; pass its {@link Binding#outer()} to {@link #restore} when done
	 */
	public static Binding push(Object project) {
		Binding binding = new Binding(project, CURRENT.get());
		CURRENT.set(binding);
		return binding;
	}

	/**
	 * Make {@code binding} the current one; {@code null} clears the thread.
	 * @param binding the binding to restore
	 */
	public static void restore(@Nullable Binding binding) {
		// set(null) rather than remove(): the thread keeps its (empty) slot, so the next binding
		// does not allocate a new ThreadLocalMap entry; nothing is kept alive by an empty slot
		CURRENT.set(binding);
	}

	/**
	 * One bound project.
	 */
	public static final class Binding {

		private final Object project;

		private final @Nullable Binding outer;

		Binding(Object project, @Nullable Binding outer) {
			this.project = project;
			this.outer = outer;
		}

		/**
		 * The bound value: a {@link String} or a {@link ResolvedProject}.
		 * @return the value
		 */
		public Object project() {
			return this.project;
		}

		/**
		 * The binding this one shadows.
		 * @return the outer binding, or {@code null}
		 */
		public @Nullable Binding outer() {
			return this.outer;
		}

		/**
		 * The bound project as the user named it.
		 * @return alias or id
		 */
		public String name() {
			return (this.project instanceof ResolvedProject resolved) ? resolved.name() : (String) this.project;
		}

		@Override
		public String toString() {
			return "Binding[" + name() + "]";
		}

	}

}
