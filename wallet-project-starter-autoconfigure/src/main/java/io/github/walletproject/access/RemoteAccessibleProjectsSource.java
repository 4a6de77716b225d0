package io.github.walletproject.access;

import java.util.List;
import java.util.function.Supplier;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.Project;
import io.github.walletproject.client.InternalWalletApi;
import org.springframework.util.Assert;

/**
 * Lists accessible projects with {@code GET user/{user}/projects}, signed with the
 * credentials in question and sent without a project on the starter's own client (never
 * routed, never access-checked). Needs the {@code projects} scope;
 * the user {@code me} works with a user access token only.
 */
final class RemoteAccessibleProjectsSource implements AccessibleProjectsSource {

	private final Supplier<InternalWalletApi> api;

	private final String user;

	/**
	 * Create the source.
	 * @param api the Wallet API client, looked up lazily
	 * @param user a user id, or {@code me}
	 */
	RemoteAccessibleProjectsSource(Supplier<InternalWalletApi> api, String user) {
		Assert.notNull(api, "Api must not be null");
		Assert.notNull(user, "User must not be null");
		this.api = api;
		this.user = user;
	}

	@Override
	public List<Project> load(WalletCredentials credentials) {
		return this.api.get().userProjects(this.user, credentials);
	}

	@Override
	public String toString() {
		return "remote (GET user/" + this.user + "/projects)";
	}

}
