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

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletReactive;
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
 * <li>bound into the subscriber's Reactor Context on every subscription
 * ({@link WalletReactive}), which the reactive Wallet client reads: a {@code Mono} or a
 * {@code Flux}, when Spring WebFlux (the reactive Wallet client) is present and Reactor's
 * automatic context propagation is on ({@link ReactorPropagation}), so that a blocking Wallet
 * call inside the chain sees the project too; without it refused at startup, and a result
 * subscribed while it is off fails before anything runs;</li>
 * <li>refused at startup, naming the method: a future ({@code CompletionStage},
 * {@code Future}) or another reactive publisher (a {@code Mono} or {@code Flux} too where
 * WebFlux is absent) unless the method is {@code @Async} (the binding then
 * applies on the executor thread around the whole work); any other functional interface,
 * {@code Spliterator} or stream or iterator type; and any of these inside a type that is not
 * bound ({@code List<Supplier<T>>}, {@code Map<K, Stream<V>>}, arrays);</li>
 * <li>decided from the result when the method returns ({@link ByResult}), by these same rules
 * where wrapping cannot break the caller's type: a result declared as {@code Object} or as a
 * type variable the class does not resolve. Lazy work it cannot bind (an {@code Iterator} a
 * caller could cast to {@code ListIterator}, a {@code Spliterator}, a future or publisher
 * unless the method is {@code @Async}, a lambda of another interface) fails the call with a
 * {@link WalletProjectDeclarationException} naming the method and the fix, before any of it is
 * handed back; finished values, and an {@code Iterable} of a type of its own (a Spring Data
 * {@code Page}), are handed back as they are.</li>
 * </ul>
 * The type is the return type of the most specific method, resolved against the bean's class:
 * a generic interface method {@code R run()} called through a JDK proxy is decided by what
 * {@code R} is for that class ({@code Query<Stream<Balance>>}: a {@code Stream}).
 */
final class LazyResults {

	private static final @Nullable Class<?> REACTIVE_PUBLISHER = type("org.reactivestreams.Publisher");

	private static final @Nullable Class<?> KOTLIN_FLOW = type("kotlinx.coroutines.flow.Flow");

	/** The reactive Wallet client is there to carry a Reactor Context binding: WebFlux and Reactor. */
	private static final boolean REACTIVE_CLIENT = type("org.springframework.web.reactive.function.client.WebClient") != null
			&& type("reactor.util.context.Context") != null;

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
		return binding(method, userClass, value, location, selectors, REACTIVE_CLIENT);
	}

	/**
	 * The binding of a method's results, or a declaration failure naming the method.
	 * @param method the most specific method
	 * @param userClass the bean's class
	 * @param value the annotation value, for messages
	 * @param location the method, for messages
	 * @param selectors makes the failure
	 * @param reactive whether the reactive Wallet client (Spring WebFlux) is present
	 * @return the binding
	 */
	static ResultBinding binding(Method method, Class<?> userClass, String value, String location,
			ProjectSelectors selectors, boolean reactive) {
		ResolvableType type = ResolvableType.forMethodReturnType(method, userClass);
		Class<?> raw = type.resolve(Object.class);
		boolean async = AnnotatedElementUtils.hasAnnotation(method, Async.class)
				|| AnnotatedElementUtils.hasAnnotation(userClass, Async.class);
		Site site = new Site(reactive, async, location, value, simple(type), selectors);
		if (reactive && Reactor.isMonoOrFlux(raw)) {
			return site.checked(site.monoOrFlux()); // bound into the subscriber's Context on every subscription
		}
		if (isDeferred(raw)) {
			if (!async) {
				if (isReactor(raw)) {
					throw selectors.declaration(location, value, "it returns a " + raw.getSimpleName() + ", whose "
							+ "work runs when it is subscribed, on any thread, when the project binding is gone; the "
							+ "starter binds the project into the Reactor Context of a Mono or Flux only when Spring "
							+ "WebFlux (the reactive Wallet client) is on the classpath.", "Add "
									+ "org.springframework:spring-webflux (spring-boot-starter-webflux) to use "
									+ "walletWebClient, or return the finished result instead.");
				}
				throw selectors.declaration(location, value, "it returns a " + raw.getSimpleName()
						+ ", whose work may run after the method returned, on any thread, when the project binding "
						+ "is gone.", "Make the method @Async (the project is then bound on the executor thread "
								+ "around the whole work), return the finished result instead, or bind the project "
								+ "inside the deferred work with ProjectContext.callWith(...) or context propagation.");
			}
			try {
				insideUnbound(type, 0, site);
			}
			catch (Unbindable ex) {
				throw refused(type, ex, value, location, selectors);
			}
			return ResultBinding.AS_IS;
		}
		try {
			return site.checked(of(type, 0, site));
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

	private static ResultBinding of(ResolvableType type, int depth, Site reactive) {
		Class<?> raw = type.resolve();
		if (raw == null || raw == Object.class) {
			return reactive.byResult();
		}
		if (depth > MAX_DEPTH) {
			return ResultBinding.AS_IS;
		}
		if (reactive.present() && Reactor.isMonoOrFlux(raw)) {
			return reactive.monoOrFlux();
		}
		if (raw == Stream.class) {
			return BoundWork.stream(content(type, depth, reactive));
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
			return BoundWork.iterator(content(type, depth, reactive));
		}
		if (raw == Iterable.class) {
			return BoundWork.iterable(content(type, depth, reactive));
		}
		if (raw == Supplier.class) {
			return BoundWork.supplier(content(type, depth, reactive));
		}
		if (raw == Callable.class) {
			return BoundWork.callable(content(type, depth, reactive));
		}
		if (raw == Runnable.class) {
			return BoundWork.RUNNABLE;
		}
		if (raw == Optional.class) {
			ResultBinding content = content(type, depth, reactive);
			return (content != ResultBinding.AS_IS) ? BoundWork.optional(content) : ResultBinding.AS_IS;
		}
		if (isLazy(raw)) {
			throw new Unbindable(simple(type));
		}
		insideUnbound(type, depth, reactive);
		return ResultBinding.AS_IS;
	}

	private static ResultBinding content(ResolvableType type, int depth, Site reactive) {
		return of(type.getGeneric(0), depth + 1, reactive);
	}

	/**
	 * Refuses work nested in a type that is handed back as it is: its generics and its array
	 * component must carry none. What is declared {@code Object} there is not known and passes.
	 */
	private static void insideUnbound(ResolvableType type, int depth, Site reactive) {
		if (type.isArray()) {
			nested(type.getComponentType(), depth, reactive);
		}
		for (ResolvableType generic : type.getGenerics()) {
			nested(generic, depth, reactive);
		}
	}

	private static void nested(ResolvableType type, int depth, Site reactive) {
		ResultBinding binding = of(type, depth + 1, reactive);
		if (binding != ResultBinding.AS_IS && !(binding instanceof ByResult)) {
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
		return CompletionStage.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type) || isPublisher(type);
	}

	/**
	 * Binds a {@code Mono} or {@code Flux} that an {@code @HttpExchange} method of a Wallet HTTP
	 * interface returned: its request is made when it is subscribed, after the method returned.
	 * @param result the method's result
	 * @param project the method's project
	 * @return the result, bound when it is a {@code Mono} or {@code Flux} and WebFlux is present
	 */
	static @Nullable Object exchangeResult(@Nullable Object result, ResolvedProject project) {
		return REACTIVE_CLIENT ? Reactor.bind(result, new WorkScope.Project(project)) : result;
	}

	/**
	 * Whether the reactive Wallet client (Spring WebFlux and Reactor) is present, to carry a
	 * binding in a Reactor Context.
	 * @return {@code true} when it is
	 */
	static boolean reactiveClient() {
		return REACTIVE_CLIENT;
	}

	/**
	 * Whether a result is a {@code Mono} or {@code Flux}; only asked where Reactor is present.
	 * @param result the result
	 * @return {@code true} when it is one
	 */
	static boolean isMonoOrFlux(Object result) {
		return Reactor.isMonoOrFlux(result.getClass());
	}

	/**
	 * Bind a {@code Mono} or {@code Flux} into its subscriber's Context on every subscription,
	 * failing on subscription, before anything runs, while automatic context propagation is
	 * off; only asked where the reactive client is present.
	 * @param result the {@code Mono} or {@code Flux}
	 * @param scope the scope
	 * @param refusal the failure while propagation is off
	 * @return the bound result
	 */
	static Object reactive(Object result, WorkScope scope, Supplier<RuntimeException> refusal) {
		return Reactor.checked(result, scope, refusal);
	}

	/**
	 * Whether a class is a publisher of work the starter does not bind by itself: a
	 * {@code Flow.Publisher}, a Reactive Streams {@code Publisher} (a {@code Mono} or
	 * {@code Flux} among them), a Kotlin {@code Flow}.
	 * @param type the class
	 * @return {@code true} when it is one
	 */
	static boolean isPublisher(Class<?> type) {
		return Flow.Publisher.class.isAssignableFrom(type) || is(REACTIVE_PUBLISHER, type) || is(KOTLIN_FLOW, type);
	}

	/**
	 * Whether a class is one of Reactor's publishers, told by its name so that Reactor need not
	 * be present.
	 * @param type the class
	 * @return {@code true} when it is one
	 */
	static boolean isReactor(Class<?> type) {
		return type.getName().startsWith("reactor.core.publisher.");
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

	/**
	 * Where a result binding is decided: the method, for messages, whether a {@code Mono} or
	 * {@code Flux} was found in its result type, and what is refused of a result known only when
	 * it is returned.
	 */
	private static final class Site implements ByResult.Policy {

		private final boolean present;

		private final boolean async;

		private final String location;

		private final String value;

		private final String declared;

		private final ProjectSelectors selectors;

		private boolean monoOrFlux;

		private @Nullable ByResult byResult;

		Site(boolean present, boolean async, String location, String value, String declared,
				ProjectSelectors selectors) {
			this.present = present;
			this.async = async;
			this.location = location;
			this.value = value;
			this.declared = declared;
			this.selectors = selectors;
		}

		/** Whether the reactive Wallet client (WebFlux and Reactor) is present. */
		boolean present() {
			return this.present;
		}

		/** The binding of a result declared {@code Object} or as an unresolved type variable. */
		ResultBinding byResult() {
			if (this.byResult == null) {
				this.byResult = new ByResult(this.present, this);
			}
			return this.byResult;
		}

		/**
		 * A result of a shape the starter does not bind, known only now that it is returned:
		 * refused as the same shape declared is refused at startup, saying how to fix it. An
		 * {@code @Async} method hands back its futures and publishers (the project is bound on
		 * the executor thread around the whole work), and an object of a class of its own is
		 * handed back as it is, as when it is declared.
		 */
		@Override
		public @Nullable RuntimeException refused(ByResult.Shape shape, String type) {
			String fix = switch (shape) {
				case ITERATOR -> "Declare the method's return type as Iterator<T> (the starter then binds it, "
						+ "whatever its class), or return the finished values (a List). An Iterator returned as "
						+ this.declared + " is bound only where its class implements Iterator and nothing else a "
						+ "caller could cast it to.";
				case SPLITERATOR -> "Return a Stream (StreamSupport.stream(spliterator, false)), which is bound, "
						+ "or the finished values.";
				case FUNCTION -> "Return a Supplier, Callable or Runnable lambda, which is bound, or bind the "
						+ "project inside the work with ProjectContext.callWith(...).";
				case MONO_OR_FLUX -> "Add org.springframework:spring-webflux (spring-boot-starter-webflux) to "
						+ "use walletWebClient, or return the finished result instead.";
				case FUTURE, PUBLISHER -> "Make the method @Async (the project is then bound on the executor "
						+ "thread around the whole work), return the finished result instead, or bind the project "
						+ "inside the deferred work with ProjectContext.callWith(...).";
				case WORK_OF_ITS_OWN_CLASS -> null;
			};
			boolean deferred = shape == ByResult.Shape.FUTURE || shape == ByResult.Shape.PUBLISHER
					|| shape == ByResult.Shape.MONO_OR_FLUX;
			if (fix == null || (this.async && deferred)) {
				return null;
			}
			return this.selectors.declaration(this.location, this.value, "it returned " + type
					+ " (it is declared to return " + this.declared + "), whose work would run after the method "
					+ "returned, when the project binding is gone, and go to another project; the call fails "
					+ "before any of it is handed back. " + fix, fix);
		}

		/** The binding of a {@code Mono} or {@code Flux} found in the result type. */
		ResultBinding monoOrFlux() {
			this.monoOrFlux = true;
			return Reactor.binding(this::notPropagating);
		}

		/**
		 * The binding decided, once it is not refused for another reason: a method whose result
		 * carries a {@code Mono} or {@code Flux} is refused now when automatic context
		 * propagation is off and Boot is not going to turn it on.
		 */
		ResultBinding checked(ResultBinding binding) {
			if (this.monoOrFlux && !ReactorPropagation.declared(this.selectors.environment())) {
				throw notPropagating();
			}
			return binding;
		}

		@Override
		public WalletProjectDeclarationException notPropagating() {
			return this.selectors.declaration(this.location, this.value, "it returns a Mono or Flux whose work runs "
					+ "when it is subscribed, on other threads, and automatic context propagation is off: a blocking "
					+ "Wallet call inside it (WalletApi, WalletProjects, walletRestClient, on a bounded-elastic "
					+ "thread) would find no project bound and go to paysera.wallet.default-project.", "Set "
							+ ReactorPropagation.PROPERTY + "=auto (Spring Boot then calls "
							+ "Hooks.enableAutomaticContextPropagation(), so every thread of the chain sees the "
							+ "project), or remove @WalletProject from the method and bind the chain with "
							+ "WalletReactive.withProject(...), making only walletWebClient calls inside it.");
		}

	}

	/**
	 * Binds the project of a {@code Mono} or {@code Flux} into its subscriber's Context. Only
	 * loaded when Reactor is present.
	 */
	private static final class Reactor {

		private Reactor() {
		}

		/**
		 * A {@code Mono} or {@code Flux} of an annotated method, bound on every subscription,
		 * which fails with {@code refusal} and runs nothing when automatic context propagation
		 * is off at that subscription.
		 */
		static ResultBinding binding(Supplier<RuntimeException> refusal) {
			return (result, scope) -> checked(result, scope, refusal);
		}

		static boolean isMonoOrFlux(Class<?> type) {
			return reactor.core.publisher.Mono.class.isAssignableFrom(type)
					|| reactor.core.publisher.Flux.class.isAssignableFrom(type);
		}

		static @Nullable Object checked(@Nullable Object result, WorkScope scope,
				Supplier<RuntimeException> refusal) {
			if (result instanceof reactor.core.publisher.Mono<?> mono) {
				return reactor.core.publisher.Mono.defer(() -> ReactorPropagation.active()
						? (reactor.core.publisher.Mono<?>) scope.reactive(mono)
						: reactor.core.publisher.Mono.error(refusal.get()));
			}
			if (result instanceof reactor.core.publisher.Flux<?> flux) {
				return reactor.core.publisher.Flux.defer(() -> ReactorPropagation.active()
						? (reactor.core.publisher.Flux<?>) scope.reactive(flux)
						: reactor.core.publisher.Flux.error(refusal.get()));
			}
			return result;
		}

		/** An exchange of the reactive client: it reads the Context itself, nothing blocking runs inside. */
		static @Nullable Object bind(@Nullable Object result, WorkScope scope) {
			return (result instanceof reactor.core.publisher.Mono<?> || result instanceof reactor.core.publisher.Flux<?>)
					? scope.reactive(result) : result;
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
