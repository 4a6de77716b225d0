package io.github.walletproject.client;

import java.util.List;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * The cached lookups behind {@link WalletProjects}: a project's details, and the projects a
 * set of credentials may use. Implemented by the access checks.
 */
public interface ProjectLookups {

	/**
	 * The details of a project ({@code GET project/{id}}), after checking that its credentials
	 * may use it.
	 * @param project the project
	 * @return its details
	 * @throws ProjectAccessDeniedException when the credentials may not use it
	 */
	Project details(ResolvedProject project);

	/**
	 * The default wallet of a project, for a call that is access-checked on its own: from
	 * cached details without a second check, otherwise from {@link #details}.
	 * @param project the project
	 * @return the wallet id, or {@code null} when the project has none
	 */
	default @Nullable Long walletId(ResolvedProject project) {
		return details(project).walletId();
	}

	/**
	 * The projects a set of credentials may use.
	 * @param credentials the credentials
	 * @return the projects
	 */
	List<Project> accessibleProjects(WalletCredentials credentials);

}
