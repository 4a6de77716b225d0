package io.github.walletproject;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Carries the bound project across threads with Micrometer context propagation: an
 * {@code @Async} method (with a context-propagating task decorator), a
 * {@code ContextSnapshot}-wrapped executor, a {@code CompletableFuture} stage or a virtual
 * thread runs with the project that was bound where the work was submitted, and the worker
 * thread's own binding is restored afterwards. Registered through
 * {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}.
 */
public final class ProjectContextThreadLocalAccessor implements ThreadLocalAccessor<ProjectBinding> {

	/** The key under which the binding travels. */
	public static final String KEY = "io.github.walletproject.project";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable ProjectBinding getValue() {
		return ProjectBinding.current();
	}

	@Override
	public void setValue(ProjectBinding value) {
		ProjectBinding.restore(value);
	}

	@Override
	public void setValue() {
		ProjectBinding.restore(null);
	}

	@Override
	public void restore(ProjectBinding previousValue) {
		ProjectBinding.restore(previousValue);
	}

	@Override
	public void restore() {
		ProjectBinding.restore(null);
	}

}
