package io.github.walletproject.routing;

import org.jspecify.annotations.Nullable;

/**
 * How the result of one {@code @WalletProject} method is handed back: as it is, or wrapped so
 * that the work it carries runs with the method's project bound. Chosen once per method, at
 * startup, by {@link LazyResults}.
 */
interface ResultBinding {

	/** Hands the result back as it is: it carries no work that runs later. */
	ResultBinding AS_IS = (result, project) -> result;

	/**
	 * The result to hand back.
	 * @param result what the method returned
	 * @param scope what the method ran in: its project
	 * @return the result, or a wrapper that binds {@code scope} around its work
	 */
	@Nullable Object bind(@Nullable Object result, WorkScope scope);

}
