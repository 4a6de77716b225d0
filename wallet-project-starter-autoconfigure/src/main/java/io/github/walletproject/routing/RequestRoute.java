package io.github.walletproject.routing;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Where one request goes: to a {@linkplain ProjectRoute project} (signed with its credentials,
 * carrying its id), or {@linkplain AccountRoute account-level} (signed with given credentials,
 * carrying no project). Never both.
 */
public sealed interface RequestRoute permits RequestRoute.ProjectRoute, RequestRoute.AccountRoute {

	/**
	 * The credentials that sign the request.
	 * @return the credentials
	 */
	WalletCredentials credentials();

	/**
	 * The project the request is for.
	 * @return the project, or {@code null} for an account-level request
	 */
	@Nullable ResolvedProject project();

	/**
	 * The same route signed with other credentials (a user's token bound by
	 * {@code CredentialsContext}).
	 * @param credentials the credentials
	 * @return the route
	 */
	default RequestRoute signedWith(WalletCredentials credentials) {
		ResolvedProject project = project();
		return (project == null) ? new AccountRoute(credentials)
				: new ProjectRoute(new ResolvedProject(project.id(), project.alias(), credentials, project.walletId()));
	}

	/**
	 * A request for a project.
	 *
	 * @param project the project
	 */
	record ProjectRoute(ResolvedProject project) implements RequestRoute {

		/**
		 * Check the project.
		 */
		public ProjectRoute {
			Assert.notNull(project, "Project must not be null");
		}

		@Override
		public WalletCredentials credentials() {
			return this.project.credentials();
		}

		@Override
		public String toString() {
			return "project " + this.project;
		}

	}

	/**
	 * An account-level request: no project.
	 *
	 * @param credentials the credentials that sign it
	 */
	record AccountRoute(WalletCredentials credentials) implements RequestRoute {

		/**
		 * Check the credentials.
		 */
		public AccountRoute {
			Assert.notNull(credentials, "Credentials must not be null");
		}

		@Override
		public @Nullable ResolvedProject project() {
			return null;
		}

		@Override
		public String toString() {
			return "account-level (" + this.credentials.name() + ")";
		}

	}

}
