package io.github.walletproject.fanout;

import io.github.walletproject.ResolvedProject;
import org.jspecify.annotations.Nullable;

/**
 * The work a fan-out runs once per project. The project is bound while it runs, so every
 * Wallet API call it makes (the typed API, HTTP interfaces, money operations, the routed
 * {@code RestClient}) goes to that project.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ProjectTask<T> {

	/**
	 * Run the work for one project.
	 * @param project the project, also bound to the thread
	 * @return the result
	 * @throws Exception any failure: it becomes that project's {@link ProjectResult.Outcome#FAILED} result
	 */
	@Nullable T call(ResolvedProject project) throws Exception;

}
