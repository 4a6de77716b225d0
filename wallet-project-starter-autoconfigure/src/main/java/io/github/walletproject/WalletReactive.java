package io.github.walletproject;

import java.util.Optional;
import java.util.function.Function;

import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Binds a Wallet API project to a reactive chain: the reactive counterpart of
 * {@link ProjectContext}. The project travels in the subscriber's Reactor {@code Context}
 * (a thread-local cannot follow a chain across threads), and every call of the reactive Wallet
 * client ({@code walletWebClient}) made inside the chain carries it:
 *
 * <pre class="code">
 * Mono&lt;String&gt; balance = WalletReactive.withProject("shop",
 *         walletWebClient.get().uri("wallet/2112/balance").retrieve().bodyToMono(String.class));
 * </pre>
 *
 * The binding applies to every subscription, so {@code retry()}, {@code repeat()} and
 * resubscription keep it. Bindings nest as on the servlet side: the innermost wins (the
 * binding nearest to the call), and a per-request {@code WalletRequestAttributes.project(...)}
 * wins over both. {@code @WalletProject} on a method that returns a {@code Mono} or a
 * {@code Flux} binds the same way.
 * <p>
 * The key is the one of {@link ProjectContextThreadLocalAccessor}, so with Micrometer context
 * propagation ({@code Hooks.enableAutomaticContextPropagation()}) a blocking call inside the
 * chain (on a bounded-elastic thread, say) sees the project as its {@link ProjectContext},
 * and {@code contextCapture()} carries a {@code ProjectContext} binding into a chain.
 * <p>
 * A user's credentials ({@link CredentialsContext}) travel the same way, under the key of
 * {@link CredentialsContextThreadLocalAccessor}: {@link #withCredentials(WalletCredentials, Mono)},
 * or a chain subscribed inside {@code CredentialsContext.callWith(...)} (the subscribing
 * thread's credentials are used when the context carries none).
 */
public final class WalletReactive {

	private WalletReactive() {
	}

	/**
	 * Run a {@code Mono} with a project bound, on every subscription.
	 * @param <T> the value type
	 * @param project an alias or a project id
	 * @param mono the work
	 * @return the bound work
	 * @throws InvalidProjectException when the value is malformed
	 */
	public static <T> Mono<T> withProject(String project, Mono<T> mono) {
		return mono.contextWrite(bind(project));
	}

	/**
	 * Run a {@code Mono} with a project bound, on every subscription.
	 * @param <T> the value type
	 * @param project the project
	 * @param mono the work
	 * @return the bound work
	 */
	public static <T> Mono<T> withProject(ProjectRef project, Mono<T> mono) {
		return mono.contextWrite(bind(project));
	}

	/**
	 * Run a {@code Flux} with a project bound, on every subscription.
	 * @param <T> the element type
	 * @param project an alias or a project id
	 * @param flux the work
	 * @return the bound work
	 * @throws InvalidProjectException when the value is malformed
	 */
	public static <T> Flux<T> withProject(String project, Flux<T> flux) {
		return flux.contextWrite(bind(project));
	}

	/**
	 * Run a {@code Flux} with a project bound, on every subscription.
	 * @param <T> the element type
	 * @param project the project
	 * @param flux the work
	 * @return the bound work
	 */
	public static <T> Flux<T> withProject(ProjectRef project, Flux<T> flux) {
		return flux.contextWrite(bind(project));
	}

	/**
	 * Bind the project bound to this thread now ({@code ProjectContext}, {@code @WalletProject})
	 * to a {@code Mono} that may be subscribed later, elsewhere. Without a binding here the
	 * {@code Mono} is returned as it is.
	 * @param <T> the value type
	 * @param mono the work
	 * @return the bound work
	 */
	public static <T> Mono<T> withCurrentProject(Mono<T> mono) {
		ProjectBinding binding = ProjectBinding.current();
		return (binding != null) ? withProject(binding.project(), mono) : mono;
	}

	/**
	 * Bind the project bound to this thread now to a {@code Flux} that may be subscribed
	 * later, elsewhere. Without a binding here the {@code Flux} is returned as it is.
	 * @param <T> the element type
	 * @param flux the work
	 * @return the bound work
	 */
	public static <T> Flux<T> withCurrentProject(Flux<T> flux) {
		ProjectBinding binding = ProjectBinding.current();
		return (binding != null) ? withProject(binding.project(), flux) : flux;
	}

	/**
	 * A {@code contextWrite} function that binds a project:
	 * {@code mono.contextWrite(WalletReactive.bind("shop"))}.
	 * @param project an alias or a project id
	 * @return the function
	 * @throws InvalidProjectException when the value is malformed
	 */
	public static Function<Context, Context> bind(String project) {
		return bind(ProjectRef.parse(project, "WalletReactive"));
	}

	/**
	 * A {@code contextWrite} function that binds a project.
	 * @param project the project
	 * @return the function
	 */
	public static Function<Context, Context> bind(ProjectRef project) {
		if (project == null) {
			throw new InvalidProjectException("Empty project from WalletReactive: name a configured alias or a "
					+ "positive project id");
		}
		return context -> context.put(ProjectContextThreadLocalAccessor.KEY,
				ProjectBinding.nested(project, binding(context)));
	}

	/**
	 * The project bound in a subscriber's context.
	 * @param context the context ({@code Mono.deferContextual(context -> ...)})
	 * @return the reference as it was bound, or empty
	 */
	public static Optional<ProjectRef> current(ContextView context) {
		ProjectBinding binding = binding(context);
		return (binding != null) ? Optional.of(binding.project()) : Optional.empty();
	}

	/**
	 * The binding a subscriber's context carries.
	 * @param context the context
	 * @return the innermost binding, or {@code null}
	 */
	public static @Nullable ProjectBinding binding(ContextView context) {
		Object value = context.getOrDefault(ProjectContextThreadLocalAccessor.KEY, null);
		return (value instanceof ProjectBinding binding) ? binding : null;
	}

	/**
	 * Sign the Wallet API calls of a {@code Mono} with given credentials (a user's token), on
	 * every subscription: the reactive counterpart of {@link CredentialsContext#callWith}. The
	 * project of each call is chosen as usual.
	 * @param <T> the value type
	 * @param credentials the credentials
	 * @param mono the work
	 * @return the bound work
	 */
	public static <T> Mono<T> withCredentials(WalletCredentials credentials, Mono<T> mono) {
		return mono.contextWrite(bindCredentials(credentials));
	}

	/**
	 * Sign the Wallet API calls of a {@code Flux} with given credentials, on every subscription.
	 * @param <T> the element type
	 * @param credentials the credentials
	 * @param flux the work
	 * @return the bound work
	 */
	public static <T> Flux<T> withCredentials(WalletCredentials credentials, Flux<T> flux) {
		return flux.contextWrite(bindCredentials(credentials));
	}

	/**
	 * A {@code contextWrite} function that binds credentials; the innermost wins.
	 * @param credentials the credentials
	 * @return the function
	 */
	public static Function<Context, Context> bindCredentials(WalletCredentials credentials) {
		if (credentials == null) {
			throw new IllegalArgumentException("Credentials must not be null");
		}
		return context -> context.put(CredentialsContextThreadLocalAccessor.KEY, credentials);
	}

	/**
	 * The credentials a subscriber's context carries.
	 * @param context the context
	 * @return the credentials, or {@code null} when the calls use their project's configured ones
	 */
	public static @Nullable WalletCredentials credentials(ContextView context) {
		Object value = context.getOrDefault(CredentialsContextThreadLocalAccessor.KEY, null);
		return (value instanceof WalletCredentials credentials) ? credentials : null;
	}

}
