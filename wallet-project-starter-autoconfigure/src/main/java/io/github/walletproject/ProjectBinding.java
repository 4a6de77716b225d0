package io.github.walletproject;

import org.jspecify.annotations.Nullable;

/**
 * One project bound to a thread, and the binding it shadows: an immutable node of the stack
 * behind {@link ProjectContext}. Because each node points at the one below it, the top node
 * is a snapshot of the whole stack; context propagation carries exactly that to other
 * threads (see {@link ProjectContextThreadLocalAccessor}).
 */
public final class ProjectBinding {

	private static final ThreadLocal<ProjectBinding> CURRENT = new ThreadLocal<>();

	private final ProjectRef project;

	private final @Nullable ProjectBinding outer;

	private ProjectBinding(ProjectRef project, @Nullable ProjectBinding outer) {
		this.project = project;
		this.outer = outer;
	}

	/**
	 * The bound project.
	 * @return the reference as it was bound
	 */
	public ProjectRef project() {
		return this.project;
	}

	@Override
	public String toString() {
		return "ProjectBinding[" + this.project.text() + "]";
	}

	/**
	 * The innermost binding of the current thread.
	 * @return the binding, or {@code null} when nothing is bound
	 */
	public static @Nullable ProjectBinding current() {
		return CURRENT.get();
	}

	/**
	 * A binding of {@code project} inside {@code outer}, not bound to any thread: the value a
	 * reactive chain carries in its Reactor {@code Context} ({@link WalletReactive}).
	 */
	static ProjectBinding nested(ProjectRef project, @Nullable ProjectBinding outer) {
		return new ProjectBinding(project, outer);
	}

	static ProjectBinding push(ProjectRef project) {
		ProjectBinding binding = new ProjectBinding(project, CURRENT.get());
		CURRENT.set(binding);
		return binding;
	}

	static void restore(@Nullable ProjectBinding binding) {
		// set(null) rather than remove(): the thread keeps its (empty) slot, so the next binding
		// does not allocate a new ThreadLocalMap entry; nothing is kept alive by an empty slot
		CURRENT.set(binding);
	}

	@Nullable ProjectBinding outer() {
		return this.outer;
	}

	/**
	 * Whether this binding is on the current thread's stack.
	 */
	boolean isOnStack() {
		for (ProjectBinding each = CURRENT.get(); each != null; each = each.outer) {
			if (each == this) {
				return true;
			}
		}
		return false;
	}

}
