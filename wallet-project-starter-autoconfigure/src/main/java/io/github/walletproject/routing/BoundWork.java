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

import org.jspecify.annotations.Nullable;

/**
 * The {@link ResultBinding}s of the shapes of work the starter binds: each wraps the result
 * so that every step of its work runs inside its {@link WorkScope} (the method's project, or
 * the credentials of a {@code callAs} block), on whatever thread and whenever it runs, and hands out the values it produces through the binding of their own
 * type ({@code Supplier<Stream<T>>}: the stream the supplier returns is bound too).
 */
final class BoundWork {

	private BoundWork() {
	}

	static ResultBinding stream(ResultBinding elements) {
		return (result, scope) -> (result instanceof Stream<?> stream) ? stream(stream, elements, scope) : result;
	}

	static final ResultBinding INT_STREAM = (result, scope) -> (result instanceof IntStream stream)
			? stream(stream.boxed(), ResultBinding.AS_IS, scope).mapToInt(Integer::intValue) : result;

	static final ResultBinding LONG_STREAM = (result, scope) -> (result instanceof LongStream stream)
			? stream(stream.boxed(), ResultBinding.AS_IS, scope).mapToLong(Long::longValue) : result;

	static final ResultBinding DOUBLE_STREAM = (result, scope) -> (result instanceof DoubleStream stream)
			? stream(stream.boxed(), ResultBinding.AS_IS, scope).mapToDouble(Double::doubleValue) : result;

	static final ResultBinding RUNNABLE = (result, scope) -> (result instanceof Runnable runnable)
			? (Runnable) () -> scope.run(runnable) : result;

	static ResultBinding iterator(ResultBinding elements) {
		return (result, scope) -> (result instanceof Iterator<?> iterator)
				? new BoundIterator<>(iterator, elements, scope) : result;
	}

	static ResultBinding iterable(ResultBinding elements) {
		return (result, scope) -> (result instanceof Iterable<?> iterable) ? (Iterable<Object>) () -> {
			Iterator<?> iterator = scope.get(iterable::iterator);
			return new BoundIterator<>(iterator, elements, scope);
		} : result;
	}

	static ResultBinding supplier(ResultBinding value) {
		return (result, scope) -> (result instanceof Supplier<?> supplier)
				? (Supplier<Object>) () -> value.bind(scope.get(supplier::get), scope) : result;
	}

	static ResultBinding callable(ResultBinding value) {
		return (result, scope) -> (result instanceof Callable<?> callable)
				? (Callable<Object>) () -> value.bind(scope.call(callable), scope)
				: result;
	}

	static ResultBinding optional(ResultBinding value) {
		return (result, scope) -> (result instanceof Optional<?> optional)
				? optional.map(content -> value.bind(content, scope)) : result;
	}

	@SuppressWarnings("unchecked")
	private static <T> Stream<T> stream(Stream<T> stream, ResultBinding elements, WorkScope scope) {
		Stream<T> bound = StreamSupport
			.stream(() -> new BoundSpliterator<>(stream.spliterator(), scope), Spliterator.ORDERED,
					stream.isParallel())
			.onClose(stream::close);
		return (elements != ResultBinding.AS_IS) ? bound.map(element -> (T) elements.bind(element, scope)) : bound;
	}

	/**
	 * A spliterator that binds the scope around every step of the one it wraps, splitting
	 * included: a spliterator over an iterator pulls a batch of elements when it splits, on the
	 * thread that reads the stream.
	 */
	private record BoundSpliterator<T>(Spliterator<T> delegate, WorkScope scope) implements Spliterator<T> {

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			return this.scope.get(() -> this.delegate.tryAdvance(action));
		}

		@Override
		public void forEachRemaining(Consumer<? super T> action) {
			this.scope.run(() -> this.delegate.forEachRemaining(action));
		}

		@Override
		public @Nullable Spliterator<T> trySplit() {
			Spliterator<T> split = this.scope.get(this.delegate::trySplit);
			return (split != null) ? new BoundSpliterator<>(split, this.scope) : null;
		}

		@Override
		public long estimateSize() {
			return this.scope.get(this.delegate::estimateSize);
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
	 * An iterator that binds the scope around every step of the one it wraps.
	 */
	private record BoundIterator<T>(Iterator<T> delegate, ResultBinding elements,
			WorkScope scope) implements Iterator<Object> {

		@Override
		public boolean hasNext() {
			return this.scope.get(this.delegate::hasNext);
		}

		@Override
		public @Nullable Object next() {
			return this.elements.bind(this.scope.get(this.delegate::next), this.scope);
		}

		@Override
		public void remove() {
			this.scope.run(this.delegate::remove);
		}

		@Override
		public void forEachRemaining(Consumer<? super Object> action) {
			this.scope.run(
					() -> this.delegate.forEachRemaining(element -> action.accept(this.elements.bind(element, this.scope))));
		}

	}

}
