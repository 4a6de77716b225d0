package io.github.walletproject.access;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ResolvedProject;

/**
 * Decides, before a request is built, whether the project's credentials may act for it.
 * Declare a bean of this type to replace the built-in checks.
 */
@FunctionalInterface
public interface ProjectAccessChecker {

	/** Lets every project through ({@code paysera.wallet.access.source=none}). */
	ProjectAccessChecker NONE = project -> {
	};

	/**
	 * Check one project.
	 * @param project the project a call is routed to
	 * @throws ProjectAccessDeniedException when the credentials may not use it
	 * @throws ProjectAccessUnavailableException when it cannot be decided (fail closed)
	 */
	void check(ResolvedProject project);

}
