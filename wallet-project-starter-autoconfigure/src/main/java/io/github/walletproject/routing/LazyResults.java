package io.github.walletproject.routing;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.BaseStream;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;

/**
 * Decides, once per method and at startup, what happens to the result of a
 * {@code @WalletProject} method whose work may run after the method returned, when its
 * binding is gone. Such work must never go to another project silently, so each result is
 * either bound or refused:
 * <ul>
 * <li>bound ({@link BoundWork}): {@code Stream}, {@code IntStream}, {@code LongStream},
 * {@code DoubleStream}, {@code Iterator}, {@code Iterable}, {@code Supplier},
 * {@code Callable}, {@code Runnable}, and {@code Optional} of any of them, nested in one
 * another to any depth;</li>
 * <li>refused at startup, naming the method: a future ({@code CompletionStage},
 * {@code Future}) or a reactive publisher unless the method is {@code @Async} (the binding then
 * applies on the executor thread around the whole work); any other functional interface,
 * {@code Spliterator} or stream or iterator type; and any of these inside a type that is not
 * bound ({@code List<Supplier<T>>}, {@code Map<K, Stream<V>>}, arrays);</li>
 * <li>decided from the result ({@link BoundWork#BY_RESULT}): a result declared as
 * {@code Object} or as a type variable the class does not resolve.</li>
 * </ul>
 * The type is the return type of the most specific method, resolved against the bean's class:
 * a generic interface method {@code R run()} called through a JDK proxy is decided by what
 * {@code R} is for that class ({@code Query<Stream<Balance>>}: a {@code Stream}).
 */
final class LazyResults {

	private static final @Nullable Class<?> REACTIVE_PUBLISHER = type("org.reactivestreams.Publisher");

	private static final @Nullable Class<?> KOTLIN_FLOW = type("kotlinx.coroutines.flow.Flow");

	/** Generic types nest at most this deep before the rest is handed back as it is. */
	private static final int MAX_DEPTH = 8;

	private LazyResults() {
	}

	/**
	 * The binding of a method's results, or a declaration failure naming the method.
	 * @param method the most specific method
	 * @param userClass the bean's class
	 * @param value the annotation value, for messages
	 * @param location the method, for messages
	 * @param selectors makes the failure
	 * @return the binding
	 */
	static ResultBinding binding(Method method, Class<?> userClass, String value, String location,
			ProjectSelectors selectors) {
		ResolvableType type = ResolvableType.forMethodReturnType(method, userClass);
		Class<?> raw = type.resolve(Object.class);
		if (isDeferred(raw)) {
			if (!AnnotatedElementUtils.hasAnnotation(method, Async.class)
					&& !AnnotatedElementUtils.hasAnnotation(userClass, Async.class)) {
				throw selectors.declaration(location, value, "it returns a " + raw.getSimpleName()
						+ ", whose work may run after the method returned, on any thread, when the project binding "
						+ "is gone.", "Make the method @Async (the project is then bound on the executor thread "
								+ "around the whole work), return the finished result instead, or bind the project "
								+ "inside the deferred work with ProjectContext.callWith(...) or context propagation.");
			}
			try {
				insideUnbound(type, 0);
			}
			catch (Unbindable ex) {
				throw refused(type, ex, value, location, selectors);
			}
			return ResultBinding.AS_IS;
		}
		try {
			return of(type, 0);
		}
		catch (Unbindable ex) {
			throw refused(type, ex, value, location, selectors);
		}
	}

	private static WalletProjectDeclarationException refused(ResolvableType type, Unbindable ex, String value,
			String location, ProjectSelectors selectors) {
		String shape = ex.getMessage();
		String returned = simple(type);
		String inside = shape.equals(returned) ? "; it" : ": the " + shape + " inside it";
		return selectors.declaration(location, value, "it returns " + returned + inside
				+ " would run its work after the method returned, when the project binding is gone; the starter "
				+ "binds only Stream, IntStream, LongStream, DoubleStream, Iterator, Iterable, Supplier, Callable, "
				+ "Runnable and Optional of them.", "Return one of those shapes (the project is then bound around "
						+ "its work), return the finished result, or bind the project inside the work with "
						+ "ProjectContext.callWith(...).");
	}

	private static ResultBinding of(ResolvableType type, int depth) {
		Class<?> raw = type.resolve();
		if (raw == null || raw == Object.class) {
			return BoundWork.BY_RESULT;
		}
		if (depth > MAX_DEPTH) {
			return ResultBinding.AS_IS;
		}
		if (raw == Stream.class) {
			return BoundWork.stream(content(type, depth));
		}
		if (raw == IntStream.class) {
			return BoundWork.INT_STREAM;
		}
		if (raw == LongStream.class) {
			return BoundWork.LONG_STREAM;
		}
		if (raw == DoubleStream.class) {
			return BoundWork.DOUBLE_STREAM;
		}
		if (raw == Iterator.class) {
			return BoundWork.iterator(content(type, depth));
		}
		if (raw == Iterable.class) {
			return BoundWork.iterable(content(type, depth));
		}
		if (raw == Supplier.class) {
			return BoundWork.supplier(content(type, depth));
		}
		if (raw == Callable.class) {
			return BoundWork.callable(content(type, depth));
		}
		if (raw == Runnable.class) {
			return BoundWork.RUNNABLE;
		}
		if (raw == Optional.class) {
			ResultBinding content = content(type, depth);
			return (content != ResultBinding.AS_IS) ? BoundWork.optional(content) : ResultBinding.AS_IS;
		}
		if (isLazy(raw)) {
			throw new Unbindable(simple(type));
		}
		insideUnbound(type, depth);
		return ResultBinding.AS_IS;
	}

	private static ResultBinding content(ResolvableType type, int depth) {
		return of(type.getGeneric(0), depth + 1);
	}

	/**
	 * Refuses work nested in a type that is handed back as it is: its generics and its array
	 * component must carry none. What is declared {@code Object} there is not known and passes.
	 */
	private static void insideUnbound(ResolvableType type, int depth) {
		if (type.isArray()) {
			nested(type.getComponentType(), depth);
		}
		for (ResolvableType generic : type.getGenerics()) {
			nested(generic, depth);
		}
	}

	private static void nested(ResolvableType type, int depth) {
		ResultBinding binding = of(type, depth + 1);
		if (binding != ResultBinding.AS_IS && binding != BoundWork.BY_RESULT) {
			throw new Unbindable(simple(type));
		}
	}

	/** Shapes of work that runs later which the starter does not bind. */
	private static boolean isLazy(Class<?> type) {
		return isDeferred(type) || BaseStream.class.isAssignableFrom(type) || Iterator.class.isAssignableFrom(type)
				|| Spliterator.class.isAssignableFrom(type)
				|| (type.isInterface() && type.isAnnotationPresent(FunctionalInterface.class));
	}

	private static boolean isDeferred(Class<?> type) {
		return CompletionStage.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
				|| Flow.Publisher.class.isAssignableFrom(type) || is(REACTIVE_PUBLISHER, type) || is(KOTLIN_FLOW, type);
	}

	private static String simple(ResolvableType type) {
		return type.toString().replaceAll("[\\w$]+\\.", "");
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

	/** A shape of lazy work found where the starter cannot bind it. */
	private static final class Unbindable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unbindable(String shape) {
			super(shape, null, false, false);
		}

	}

}
