package io.github.walletproject.routing;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.BaseStream;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Binds a result whose type is known only once it is returned: that of a {@code @WalletProject}
 * method declared as {@code Object} or as a type variable its class does not resolve, and that
 * of a {@code callAs} block. The rules for declared types ({@link LazyResults}) are applied to
 * the result's class, binding only where the wrapper cannot break the caller's type:
 * <ul>
 * <li>bound: a {@code Stream}, {@code IntStream}, {@code LongStream} or {@code DoubleStream},
 * as a stream of its kind; the content of an {@code Optional}, by these same rules; an
 * {@code Iterator} whose class implements {@code Iterator} and nothing else a caller could
 * cast it to (the iterators of JDK collections and streams, anonymous, local and private
 * classes), as an {@code Iterator}; a non-{@code Collection} {@code Iterable} or a
 * {@code Supplier}, {@code Callable} or {@code Runnable} that is a lambda of that one
 * interface, or whose class is such a class, as that interface (what it hands out by these
 * same rules); a {@code Mono} or {@code Flux} with the reactive Wallet client, into its
 * subscriber's Reactor Context, failing on subscription, before anything runs, while
 * automatic context propagation is off;</li>
 * <li>refused, as the {@link Policy} of the block says: any other {@code Iterator}
 * ({@code ListIterator}, {@code PrimitiveIterator}, a public class a caller may cast to), a
 * {@code Spliterator} or other {@code BaseStream}, a future, another publisher, a lambda of any
 * other interface, and a {@code Supplier}, {@code Callable} or {@code Runnable} of a class of
 * its own;</li>
 * <li>handed back as it is: {@code null}, finished values ({@code Collection}s, maps,
 * strings, records), and an {@code Iterable} a caller may cast to a type of its own (a Spring
 * Data {@code Page}, a {@code Path}): such an {@code Iterable} is taken as the value it is, as
 * when it is declared.</li>
 * </ul>
 */
final class ByResult implements ResultBinding {

	/** The reactive Wallet client is present: a {@code Mono} or {@code Flux} can be bound. */
	private final boolean reactive;

	private final Policy policy;

	/**
	 * Create the binding of one method or block.
	 * @param reactive whether the reactive Wallet client (Spring WebFlux) is present
	 * @param policy what is refused, and how
	 */
	ByResult(boolean reactive, Policy policy) {
		this.reactive = reactive;
		this.policy = policy;
	}

	@Override
	public @Nullable Object bind(@Nullable Object result, WorkScope scope) {
		if (result == null) {
			return null;
		}
		if (this.reactive && LazyResults.isMonoOrFlux(result)) {
			return LazyResults.reactive(result, scope, this.policy::notPropagating);
		}
		if (result instanceof Stream<?>) {
			return BoundWork.stream(ResultBinding.AS_IS).bind(result, scope);
		}
		if (result instanceof IntStream) {
			return BoundWork.INT_STREAM.bind(result, scope);
		}
		if (result instanceof LongStream) {
			return BoundWork.LONG_STREAM.bind(result, scope);
		}
		if (result instanceof DoubleStream) {
			return BoundWork.DOUBLE_STREAM.bind(result, scope);
		}
		if (result instanceof Optional<?> optional) {
			return optional.map((content) -> bind(content, scope));
		}
		if (result instanceof Collection<?> || result instanceof Map<?, ?>) {
			return result;
		}
		Class<?> type = result.getClass();
		if (result instanceof Iterator<?>) {
			return only(type, Iterator.class) ? BoundWork.iterator(ResultBinding.AS_IS).bind(result, scope)
					: refused(Shape.ITERATOR, result);
		}
		if (only(type, Iterable.class)) {
			return BoundWork.iterable(ResultBinding.AS_IS).bind(result, scope);
		}
		if (only(type, Supplier.class)) {
			return BoundWork.supplier(this).bind(result, scope);
		}
		if (only(type, Callable.class)) {
			return BoundWork.callable(this).bind(result, scope);
		}
		if (only(type, Runnable.class)) {
			return BoundWork.RUNNABLE.bind(result, scope);
		}
		if (result instanceof Spliterator<?> || result instanceof BaseStream<?, ?>) {
			return refused(Shape.SPLITERATOR, result);
		}
		if (result instanceof Future<?> || result instanceof CompletionStage<?>) {
			return refused(Shape.FUTURE, result);
		}
		if (LazyResults.isPublisher(type)) {
			return refused(LazyResults.isReactor(type) ? Shape.MONO_OR_FLUX : Shape.PUBLISHER, result);
		}
		if (type.isHidden() && type.getInterfaces().length > 0) {
			return refused(Shape.FUNCTION, result);
		}
		if (result instanceof Iterable<?>) {
			return result; // of a type of its own, a Spring Data Page (a Supplier of a Stream too): a value
		}
		if (result instanceof Supplier<?> || result instanceof Callable<?> || result instanceof Runnable) {
			return refused(Shape.WORK_OF_ITS_OWN_CLASS, result);
		}
		return result;
	}

	private Object refused(Shape shape, Object result) {
		RuntimeException refusal = this.policy.refused(shape, name(result.getClass()));
		if (refusal != null) {
			throw refusal;
		}
		return result;
	}

	/**
	 * Whether the class is of the shape and of nothing else a caller could cast it to: neither
	 * it nor a superclass is a type a caller can name, and no interface but the shape is
	 * implemented anywhere in its hierarchy, but those of {@code java.util.function} it uses for
	 * itself (the iterator of a {@code Stream} is also the {@code Consumer} its elements are
	 * pushed to).
	 */
	private static boolean only(Class<?> type, Class<?> shape) {
		if (!shape.isAssignableFrom(type)) {
			return false;
		}
		for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
			if (nameable(each)) {
				return false;
			}
			for (Class<?> implemented : each.getInterfaces()) {
				if (implemented != shape && (shape.isAssignableFrom(implemented)
						|| !implemented.getPackageName().equals("java.util.function"))) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Whether code outside the class could cast to it: not a lambda, an anonymous, local or
	 * private class, nor a class of the JDK that is not public.
	 */
	private static boolean nameable(Class<?> type) {
		if (type.isHidden() || type.isAnonymousClass() || type.isLocalClass()
				|| Modifier.isPrivate(type.getModifiers())) {
			return false;
		}
		return Modifier.isPublic(type.getModifiers()) || !type.getPackageName().startsWith("java.");
	}

	/** The class, for messages: its name where it has one, and the interfaces callers see it through. */
	private static String name(Class<?> type) {
		List<String> interfaces = new ArrayList<>();
		for (Class<?> each : interfaces(type)) {
			interfaces.add(simple(each));
		}
		String seen = String.join(" & ", interfaces);
		String canonical = type.getCanonicalName();
		if (type.isHidden() || canonical == null) {
			return seen.isEmpty() ? simple(type.getSuperclass()) : seen;
		}
		return seen.isEmpty() ? simple(type) : simple(type) + " (" + seen + ")";
	}

	/** The interfaces of a class's hierarchy, without those another one extends. */
	private static Set<Class<?>> interfaces(Class<?> type) {
		Set<Class<?>> all = new LinkedHashSet<>();
		for (Class<?> each = type; each != null; each = each.getSuperclass()) {
			all.addAll(List.of(each.getInterfaces()));
		}
		all.removeIf((candidate) -> all.stream().anyMatch((other) -> other != candidate && candidate.isAssignableFrom(other)));
		return all;
	}

	private static String simple(Class<?> type) {
		String canonical = type.getCanonicalName();
		String name = (canonical != null) ? canonical : type.getName();
		String packageName = type.getPackageName();
		return packageName.isEmpty() ? name : name.substring(packageName.length() + 1);
	}

	/** A shape of work that runs later which is not bound when it is known only from the result. */
	enum Shape {

		/** An {@code Iterator} a caller may cast to another type: {@code ListIterator}, ... */
		ITERATOR,

		/** A {@code Spliterator}, or a {@code BaseStream} other than the four streams. */
		SPLITERATOR,

		/** A {@code Future} or {@code CompletionStage}. */
		FUTURE,

		/** A {@code Flow.Publisher}, a Reactive Streams {@code Publisher}, a Kotlin {@code Flow}. */
		PUBLISHER,

		/** A {@code Mono} or {@code Flux} where the reactive Wallet client is absent. */
		MONO_OR_FLUX,

		/** A lambda of an interface other than {@code Supplier}, {@code Callable}, {@code Runnable} and {@code Iterable}. */
		FUNCTION,

		/** A {@code Supplier}, {@code Callable} or {@code Runnable} of a class a caller may cast to. */
		WORK_OF_ITS_OWN_CLASS

	}

	/**
	 * What the block that returned the result refuses, and how it says so.
	 */
	interface Policy {

		/**
		 * The failure for lazy work of a shape that is not bound.
		 * @param shape the shape
		 * @param type the result's class, for messages
		 * @return the failure to throw, or {@code null} to hand the result back as it is
		 */
		@Nullable RuntimeException refused(Shape shape, String type);

		/**
		 * The failure of a {@code Mono} or {@code Flux} subscribed while automatic context
		 * propagation is off.
		 * @return the failure
		 */
		RuntimeException notPropagating();

	}

}
