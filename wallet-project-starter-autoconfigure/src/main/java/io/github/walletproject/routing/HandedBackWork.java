package io.github.walletproject.routing;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.walletproject.WalletException;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Work handed back out of a block that signs with given credentials
 * ({@code WalletUserTokens.callAs}), bound to those credentials the way a
 * {@code @WalletProject} method's results are bound to its project ({@link BoundWork}), so
 * that it is signed as the user whenever and wherever it runs. The block's result type is a
 * type variable, so the decision is made from the result itself, and where it cannot be
 * bound it is refused, never handed back to be signed with the application's credentials:
 * <ul>
 * <li>bound: a {@code Stream}, {@code IntStream}, {@code LongStream} or
 * {@code DoubleStream}; a {@code Supplier}, {@code Callable} or {@code Runnable} lambda (and
 * what it hands out, by the same rules); the content of an {@code Optional}; a {@code Mono} or
 * {@code Flux}, into its subscriber's Reactor Context, when the reactive Wallet client (Spring
 * WebFlux) is present;</li>
 * <li>refused with a {@link WalletException}: an {@code Iterator}, a {@code Spliterator},
 * another publisher (a {@code Mono} or {@code Flux} too without WebFlux), a Kotlin
 * {@code Flow}, a lambda of any other functional interface, and a {@code Supplier},
 * {@code Callable} or {@code Runnable} that is not a lambda (wrapping it could break the
 * caller's type);</li>
 * <li>handed back as it is: everything else, finished values (lists, records) and futures
 * among them (their work started inside the block).</li>
 * </ul>
 */
public final class HandedBackWork {

	private HandedBackWork() {
	}

	/**
	 * Bind the result of a block to the credentials it signed with, or refuse it.
	 * @param <T> the result type
	 * @param result what the block returned
	 * @param credentials the credentials the block signed with
	 * @param block the block, for messages, e.g. {@code WalletUserTokens.callAs}
	 * @return the result, bound where it carries work that runs later
	 * @throws WalletException when it carries such work in a shape that cannot be bound
	 */
	@SuppressWarnings("unchecked")
	public static <T> @Nullable T bind(@Nullable T result, WalletCredentials credentials, String block) {
		WorkScope scope = new WorkScope.Credentials(credentials);
		return (T) strict(block).bind(result, scope);
	}

	private static ResultBinding strict(String block) {
		return new ResultBinding() {

			@Override
			public @Nullable Object bind(@Nullable Object result, WorkScope scope) {
				return strict(result, scope, this, block);
			}

		};
	}

	private static @Nullable Object strict(@Nullable Object result, WorkScope scope, ResultBinding self,
			String block) {
		if (result == null) {
			return null;
		}
		if (LazyResults.reactiveClient() && LazyResults.isMonoOrFlux(result)) {
			return LazyResults.reactive(result, scope);
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
			return optional.map((content) -> self.bind(content, scope));
		}
		boolean lambda = result.getClass().isHidden();
		if (lambda && result instanceof Supplier<?>) {
			return BoundWork.supplier(self).bind(result, scope);
		}
		if (lambda && result instanceof Callable<?>) {
			return BoundWork.callable(self).bind(result, scope);
		}
		if (lambda && result instanceof Runnable) {
			return BoundWork.RUNNABLE.bind(result, scope);
		}
		String shape = LazyResults.unbindable(result);
		if (shape == null && (result instanceof Supplier<?> || result instanceof Callable<?>
				|| result instanceof Runnable)) {
			shape = result.getClass().getSimpleName();
		}
		if (shape != null) {
			throw new WalletException(block + " returned a " + shape + ", whose work would run after " + block
					+ " returned, when its credentials are no longer bound, and be signed with the application's "
					+ "own credentials. Return a Stream, a Supplier, Callable or Runnable lambda, a Mono or Flux "
					+ "(with spring-webflux), or a finished value (a List), or run that work inside the block.");
		}
		return result;
	}

}
