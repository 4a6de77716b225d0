package io.github.walletproject.autoconfigure;

import java.util.List;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.client.Project;
import io.github.walletproject.client.ProjectLookups;

/**
 * Lookups for {@code WalletProjects} when the access auto-configuration is off: straight to
 * the API, checked first.
 */
record UncachedLookups(InternalWalletApi internal, ProjectAccessChecker checker, String user) implements ProjectLookups {

	@Override
	public Project details(ResolvedProject project) {
		this.checker.check(project);
		return this.internal.project(project);
	}

	@Override
	public List<Project> accessibleProjects(WalletCredentials credentials) {
		return this.internal.userProjects(this.user, credentials);
	}

}
