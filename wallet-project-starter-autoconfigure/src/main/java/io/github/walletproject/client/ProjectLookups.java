package io.github.walletproject.client;

import java.util.List;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.WalletCredentials;

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
	 * The projects a set of credentials may use.
	 * @param credentials the credentials
	 * @return the projects
	 */
	List<Project> accessibleProjects(WalletCredentials credentials);

}
