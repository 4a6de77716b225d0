package io.github.walletproject.routing;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Spliterator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;

/**
 * Results of {@code @WalletProject} methods whose work runs after the method returned, when
 * its binding is gone. Such work must never go to another project silently:
 * <ul>
 * <li>a {@link Stream}, {@link Supplier} or {@link Callable} is handed back wrapped, so that
 * its work runs with the method's project bound, wherever and whenever it runs;</li>
 * <li>a future ({@link CompletionStage}, {@link Future}) or a reactive publisher may run its
 * work on any thread at any time: a method returning one is refused at startup unless it is
 * {@code @Async} (the binding then applies on the executor thread, around the whole work).</li>
 * </ul>
 */
final class LazyResults {

	private static final @Nullable Class<?> REACTIVE_PUBLISHER = type("org.reactivestreams.Publisher");

	private static final @Nullable Class<?> KOTLIN_FLOW = type("kotlinx.coroutines.flow.Flow");

	private LazyResults() {
	}

	static void check(Method method, Class<?> userClass, String value, String location, ProjectSelectors selectors) {
		Class<?> type = method.getReturnType();
		boolean deferred = CompletionStage.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
				|| Flow.Publisher.class.isAssignableFrom(type) || is(REACTIVE_PUBLISHER, type) || is(KOTLIN_FLOW, type);
		if (!deferred || AnnotatedElementUtils.hasAnnotation(method, Async.class)
				|| AnnotatedElementUtils.hasAnnotation(userClass, Async.class)) {
			return;
		}
		throw selectors.declaration(location, value, "it returns a " + type.getSimpleName() + ", whose work may run "
				+ "after the method returned, on any thread, when the project binding is gone.",
				"Make the method @Async (the project is then bound on the executor thread around the whole work), "
						+ "return the finished result instead, or bind the project inside the deferred work with "
						+ "ProjectContext.callWith(...) or context propagation.");
	}

	static @Nullable Object wrap(@Nullable Object result, Method method, ResolvedProject project) {
		if (result == null) {
			return null;
		}
		Class<?> type = method.getReturnType();
		if (type == Stream.class && result instanceof Stream<?> stream) {
			return bound(stream, project);
		}
		if (type == Supplier.class && result instanceof Supplier<?> supplier) {
			return (Supplier<Object>) () -> ProjectContext.callWith(project, supplier::get);
		}
		if (type == Callable.class && result instanceof Callable<?> callable) {
			return (Callable<Object>) () -> ProjectContext.callWith(project, callable::call);
		}
		return result;
	}

	private static <T> Stream<T> bound(Stream<T> stream, ResolvedProject project) {
		return StreamSupport.stream(() -> new Bound<>(stream.spliterator(), project), Spliterator.ORDERED, false)
			.onClose(stream::close);
	}

	private static boolean is(@Nullable Class<?> type, Class<?> candidate) {
		return type != null && type.isAssignableFrom(candidate);
	}

	private static @Nullable Class<?> type(String name) {
		try {
			return Class.forName(name, false, LazyResults.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/**
	 * A spliterator that binds the project around every step of the one it wraps.
	 */
	private record Bound<T>(Spliterator<T> delegate, ResolvedProject project) implements Spliterator<T> {

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			return ProjectContext.callWith(this.project, () -> this.delegate.tryAdvance(action));
		}

		@Override
		public void forEachRemaining(Consumer<? super T> action) {
			ProjectContext.runWith(this.project, () -> this.delegate.forEachRemaining(action));
		}

		@Override
		public @Nullable Spliterator<T> trySplit() {
			Spliterator<T> split = this.delegate.trySplit();
			return (split != null) ? new Bound<>(split, this.project) : null;
		}

		@Override
		public long estimateSize() {
			return this.delegate.estimateSize();
		}

		@Override
		public int characteristics() {
			return this.delegate.characteristics();
		}

		@Override
		public Comparator<? super T> getComparator() {
			return this.delegate.getComparator();
		}

	}

}
