package io.github.walletproject.routing;

import io.github.walletproject.WalletException;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Work handed back out of a block that signs with given credentials
 * ({@code WalletUserTokens.callAs}), bound to those credentials the way a
 * {@code @WalletProject} method's results are bound to its project ({@link BoundWork}), so
 * that it is signed as the user whenever and wherever it runs. The block's result type is a
 * type variable, so the decision is made from the result itself by the rules of a
 * {@code @WalletProject} method declared {@code Object} ({@link ByResult}), and where it
 * cannot be bound it is refused, never handed back to be signed with the application's
 * credentials:
 * <ul>
 * <li>bound: a {@code Stream}, {@code IntStream}, {@code LongStream} or
 * {@code DoubleStream}; an {@code Iterator} whose class implements {@code Iterator} and
 * nothing else a caller could cast it to (as {@code Stream.iterator()} and
 * {@code List.iterator()} hand out); an {@code Iterable} that is not a {@code Collection},
 * and a {@code Supplier}, {@code Callable} or {@code Runnable}, that is a lambda of that one
 * interface or of an anonymous or private class implementing only it (what it hands out by the
 * same rules); the content of an {@code Optional}; a {@code Mono} or {@code Flux}, into its
 * subscriber's Reactor Context, when the reactive Wallet client (Spring WebFlux) is present,
 * failing on subscription, before anything runs, while Reactor's automatic context
 * propagation is off (a blocking Wallet call inside would find no user bound);</li>
 * <li>refused with a {@link WalletException}: any other {@code Iterator}
 * ({@code ListIterator}, {@code PrimitiveIterator}), a {@code Spliterator}, another publisher
 * (a {@code Mono} or {@code Flux} too without WebFlux), a Kotlin {@code Flow}, a lambda of any
 * other interface, and a {@code Supplier}, {@code Callable} or {@code Runnable} of a class a
 * caller could cast it to (wrapping it could break the caller's type);</li>
 * <li>handed back as it is: everything else, finished values (collections, records), an
 * {@code Iterable} of a type of its own (a Spring Data {@code Page}), and futures (their work
 * started inside the block).</li>
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
		return (T) new ByResult(LazyResults.reactiveClient(), new Refusals(block)).bind(result, scope);
	}

	/** What a block refuses: every shape of work not bound but futures, whose work started inside it. */
	private record Refusals(String block) implements ByResult.Policy {

		@Override
		public @Nullable RuntimeException refused(ByResult.Shape shape, String type) {
			if (shape == ByResult.Shape.FUTURE) {
				return null;
			}
			String fix = (shape == ByResult.Shape.ITERATOR)
					? "Return the finished values (a List) or a Stream, or run that work inside the block; an "
							+ "Iterator is bound only where its class implements Iterator and nothing else a caller "
							+ "could cast it to."
					: "Return a Stream, a Supplier, Callable or Runnable lambda, a Mono or Flux (with "
							+ "spring-webflux), or a finished value (a List), or run that work inside the block.";
			return new WalletException(this.block + " returned " + type + ", whose work would run after "
					+ this.block + " returned, when its credentials are no longer bound, and be signed with the "
					+ "application's own credentials. " + fix);
		}

		@Override
		public RuntimeException notPropagating() {
			return new WalletException(this.block + " returned a Mono or Flux, subscribed while Reactor's automatic "
					+ "context propagation is off: a blocking Wallet call inside it (WalletApi, WalletProjects, "
					+ "walletRestClient, on a bounded-elastic thread) would find no user bound and be signed with "
					+ "the application's own credentials, so nothing of it runs. Set " + ReactorPropagation.PROPERTY
					+ "=auto (Spring Boot then calls Hooks.enableAutomaticContextPropagation(), so every thread of "
					+ "the chain sees the user), or make the Wallet calls inside the block.");
		}

	}

}
