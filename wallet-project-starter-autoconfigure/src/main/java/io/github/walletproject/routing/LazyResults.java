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
import io.github.walletproject.WalletReactive;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;

/**
 * Results of {@code @WalletProject} methods whose work runs after the method returned, when
 * its binding is gone. Such work must never go to another project silently:
 * <ul>
 * <li>a {@link Stream}, {@link Supplier} or {@link Callable} is handed back wrapped, so that
 * its work runs with the method's project bound, wherever and whenever it runs;</li>
 * <li>a Reactor {@code Mono} or {@code Flux}, when Spring WebFlux is present, is handed back
 * with the project bound into its subscriber's Context on every subscription
 * ({@link WalletReactive}), which the reactive Wallet client reads;</li>
 * <li>a future ({@link CompletionStage}, {@link Future}) or another reactive publisher may run
 * its work on any thread at any time: a method returning one is refused at startup unless it
 * is {@code @Async} (the binding then applies on the executor thread, around the whole work).</li>
 * </ul>
 */
final class LazyResults {

	private static final @Nullable Class<?> REACTIVE_PUBLISHER = type("org.reactivestreams.Publisher");

	private static final @Nullable Class<?> KOTLIN_FLOW = type("kotlinx.coroutines.flow.Flow");

	/** The reactive Wallet client is there to carry a Reactor Context binding: WebFlux and Reactor. */
	private static final boolean REACTIVE_CLIENT = type("org.springframework.web.reactive.function.client.WebClient") != null
			&& type("reactor.util.context.Context") != null;

	private LazyResults() {
	}

	static void check(Method method, Class<?> userClass, String value, String location, ProjectSelectors selectors) {
		check(method, userClass, value, location, selectors, REACTIVE_CLIENT);
	}

	/**
	 * The startup check of a method's return type.
	 * @param reactiveClient whether the reactive Wallet client (Spring WebFlux) is present
	 */
	static void check(Method method, Class<?> userClass, String value, String location, ProjectSelectors selectors,
			boolean reactiveClient) {
		Class<?> type = method.getReturnType();
		boolean deferred = CompletionStage.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
				|| Flow.Publisher.class.isAssignableFrom(type) || is(REACTIVE_PUBLISHER, type) || is(KOTLIN_FLOW, type);
		if (!deferred || AnnotatedElementUtils.hasAnnotation(method, Async.class)
				|| AnnotatedElementUtils.hasAnnotation(userClass, Async.class)) {
			return;
		}
		if (reactiveClient && Reactor.isMonoOrFlux(type)) {
			return; // bound into the subscriber's Context on every subscription (wrap)
		}
		if (isReactor(type)) {
			throw selectors.declaration(location, value, "it returns a " + type.getSimpleName() + ", whose work runs "
					+ "when it is subscribed, on any thread, when the project binding is gone; the starter binds the "
					+ "project into the Reactor Context of a Mono or Flux only when Spring WebFlux (the reactive Wallet "
					+ "client) is on the classpath.",
					"Add org.springframework:spring-webflux (spring-boot-starter-webflux) to use walletWebClient, "
							+ "or return the finished result instead.");
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
		if (REACTIVE_CLIENT && Reactor.isMonoOrFlux(type)) {
			return Reactor.bind(result, project);
		}
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

	private static boolean isReactor(Class<?> type) {
		return type.getName().startsWith("reactor.core.publisher.");
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
	 * Binds the project of a {@code Mono} or {@code Flux} into its subscriber's Context. Only
	 * loaded when Reactor is present.
	 */
	private static final class Reactor {

		static boolean isMonoOrFlux(Class<?> type) {
			return reactor.core.publisher.Mono.class.isAssignableFrom(type)
					|| reactor.core.publisher.Flux.class.isAssignableFrom(type);
		}

		static Object bind(Object result, ResolvedProject project) {
			if (result instanceof reactor.core.publisher.Mono<?> mono) {
				return WalletReactive.withProject(project, mono);
			}
			if (result instanceof reactor.core.publisher.Flux<?> flux) {
				return WalletReactive.withProject(project, flux);
			}
			return result;
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
