package io.github.walletproject.routing;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.auth.WalletCredentials;

/**
 * What work handed back for later runs inside, wherever and whenever it runs: the project of
 * a {@code @WalletProject} method, or the credentials of a {@code callAs} block. Each step of
 * the work binds it around itself and restores the thread afterwards.
 */
sealed interface WorkScope {

	/**
	 * Run a step inside the scope.
	 * @param <T> the result type
	 * @param work the step
	 * @return its result
	 */
	<T> T get(Supplier<T> work);

	/**
	 * Run a step that may throw a checked exception inside the scope.
	 * @param <T> the result type
	 * @param work the step
	 * @return its result
	 * @throws Exception what the step throws
	 */
	<T> T call(Callable<T> work) throws Exception;

	/**
	 * Run a step inside the scope.
	 * @param work the step
	 */
	default void run(Runnable work) {
		get(() -> {
			work.run();
			return null;
		});
	}

	/**
	 * Bind the scope into the subscriber's Reactor Context of a {@code Mono} or {@code Flux},
	 * on every subscription. Only called where Reactor is present.
	 * @param publisher the {@code Mono} or {@code Flux}
	 * @return the bound publisher
	 */
	Object reactive(Object publisher);

	/** The project of a {@code @WalletProject} method. */
	record Project(ResolvedProject project) implements WorkScope {

		@Override
		public <T> T get(Supplier<T> work) {
			return ProjectContext.callWith(this.project, work::get);
		}

		@Override
		public <T> T call(Callable<T> work) throws Exception {
			return ProjectContext.callWith(this.project, work::call);
		}

		@Override
		public Object reactive(Object publisher) {
			return (publisher instanceof reactor.core.publisher.Mono<?> mono)
					? WalletReactive.withProject(this.project, mono)
					: WalletReactive.withProject(this.project, (reactor.core.publisher.Flux<?>) publisher);
		}

	}

	/** The credentials a {@code callAs} block signs with. */
	record Credentials(WalletCredentials credentials) implements WorkScope {

		@Override
		public <T> T get(Supplier<T> work) {
			try {
				return CredentialsContext.callWith(this.credentials, work::get);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				// a Supplier throws no checked exception; rethrown as it came if one sneaked through
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public <T> T call(Callable<T> work) throws Exception {
			return CredentialsContext.callWith(this.credentials, work);
		}

		@Override
		public Object reactive(Object publisher) {
			return (publisher instanceof reactor.core.publisher.Mono<?> mono)
					? WalletReactive.withCredentials(this.credentials, mono)
					: WalletReactive.withCredentials(this.credentials, (reactor.core.publisher.Flux<?>) publisher);
		}

		@Override
		public String toString() {
			return "Credentials[" + this.credentials + "]";
		}

	}

}
