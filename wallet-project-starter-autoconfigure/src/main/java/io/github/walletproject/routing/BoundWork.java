package io.github.walletproject.routing;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ResultBinding}s of the shapes of work the starter binds: each wraps the result
 * so that every step of its work runs with the method's project bound, on whatever thread and
 * whenever it runs, and hands out the values it produces through the binding of their own
 * type ({@code Supplier<Stream<T>>}: the stream the supplier returns is bound too).
 */
final class BoundWork {

	private BoundWork() {
	}

	static ResultBinding stream(ResultBinding elements) {
		return (result, project) -> (result instanceof Stream<?> stream) ? stream(stream, elements, project) : result;
	}

	static final ResultBinding INT_STREAM = (result, project) -> (result instanceof IntStream stream)
			? stream(stream.boxed(), ResultBinding.AS_IS, project).mapToInt(Integer::intValue) : result;

	static final ResultBinding LONG_STREAM = (result, project) -> (result instanceof LongStream stream)
			? stream(stream.boxed(), ResultBinding.AS_IS, project).mapToLong(Long::longValue) : result;

	static final ResultBinding DOUBLE_STREAM = (result, project) -> (result instanceof DoubleStream stream)
			? stream(stream.boxed(), ResultBinding.AS_IS, project).mapToDouble(Double::doubleValue) : result;

	static final ResultBinding RUNNABLE = (result, project) -> (result instanceof Runnable runnable)
			? (Runnable) () -> ProjectContext.runWith(project, runnable) : result;

	static ResultBinding iterator(ResultBinding elements) {
		return (result, project) -> (result instanceof Iterator<?> iterator)
				? new BoundIterator<>(iterator, elements, project) : result;
	}

	static ResultBinding iterable(ResultBinding elements) {
		return (result, project) -> (result instanceof Iterable<?> iterable) ? (Iterable<Object>) () -> {
			Iterator<?> iterator = ProjectContext.callWith(project, iterable::iterator);
			return new BoundIterator<>(iterator, elements, project);
		} : result;
	}

	static ResultBinding supplier(ResultBinding value) {
		return (result, project) -> (result instanceof Supplier<?> supplier)
				? (Supplier<Object>) () -> value.bind(ProjectContext.callWith(project, supplier::get), project) : result;
	}

	static ResultBinding callable(ResultBinding value) {
		return (result, project) -> (result instanceof Callable<?> callable)
				? (Callable<Object>) () -> value.bind(ProjectContext.callWith(project, callable::call), project)
				: result;
	}

	static ResultBinding optional(ResultBinding value) {
		return (result, project) -> (result instanceof Optional<?> optional)
				? optional.map(content -> value.bind(content, project)) : result;
	}

	/**
	 * For a result declared as {@code Object} or as a type variable the method's class does not
	 * resolve: decided from the result itself, where wrapping cannot break the caller. Streams
	 * stay streams of their kind, an {@code Optional} an {@code Optional}; a {@code Supplier},
	 * {@code Callable} or {@code Runnable} is wrapped only when it is a lambda (a hidden class,
	 * which no caller can cast to).
	 */
	static final ResultBinding BY_RESULT = BoundWork::byResult;

	private static @Nullable Object byResult(@Nullable Object result, ResolvedProject project) {
		if (result instanceof Stream<?> stream) {
			return stream(stream, ResultBinding.AS_IS, project);
		}
		if (result instanceof IntStream) {
			return INT_STREAM.bind(result, project);
		}
		if (result instanceof LongStream) {
			return LONG_STREAM.bind(result, project);
		}
		if (result instanceof DoubleStream) {
			return DOUBLE_STREAM.bind(result, project);
		}
		if (result instanceof Optional<?> optional) {
			return optional.map(content -> byResult(content, project));
		}
		if (result == null || !result.getClass().isHidden()) {
			return result;
		}
		if (result instanceof Supplier<?>) {
			return supplier(BY_RESULT).bind(result, project);
		}
		if (result instanceof Callable<?>) {
			return callable(BY_RESULT).bind(result, project);
		}
		return RUNNABLE.bind(result, project);
	}

	@SuppressWarnings("unchecked")
	private static <T> Stream<T> stream(Stream<T> stream, ResultBinding elements, ResolvedProject project) {
		Stream<T> bound = StreamSupport
			.stream(() -> new BoundSpliterator<>(stream.spliterator(), project), Spliterator.ORDERED,
					stream.isParallel())
			.onClose(stream::close);
		return (elements != ResultBinding.AS_IS) ? bound.map(element -> (T) elements.bind(element, project)) : bound;
	}

	/**
	 * A spliterator that binds the project around every step of the one it wraps, splitting
	 * included: a spliterator over an iterator pulls a batch of elements when it splits, on the
	 * thread that reads the stream.
	 */
	private record BoundSpliterator<T>(Spliterator<T> delegate, ResolvedProject project) implements Spliterator<T> {

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
			Spliterator<T> split = ProjectContext.callWith(this.project, this.delegate::trySplit);
			return (split != null) ? new BoundSpliterator<>(split, this.project) : null;
		}

		@Override
		public long estimateSize() {
			return ProjectContext.callWith(this.project, this.delegate::estimateSize);
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

	/**
	 * An iterator that binds the project around every step of the one it wraps.
	 */
	private record BoundIterator<T>(Iterator<T> delegate, ResultBinding elements,
			ResolvedProject project) implements Iterator<Object> {

		@Override
		public boolean hasNext() {
			return ProjectContext.callWith(this.project, this.delegate::hasNext);
		}

		@Override
		public @Nullable Object next() {
			return this.elements.bind(ProjectContext.callWith(this.project, this.delegate::next), this.project);
		}

		@Override
		public void remove() {
			ProjectContext.runWith(this.project, this.delegate::remove);
		}

		@Override
		public void forEachRemaining(Consumer<? super Object> action) {
			ProjectContext.runWith(this.project,
					() -> this.delegate.forEachRemaining(element -> action.accept(this.elements.bind(element, this.project))));
		}

	}

}
