package io.github.walletproject.access;

import java.util.List;
import java.util.function.Supplier;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.client.Project;
import io.github.walletproject.routing.ProjectRegistry;

/**
 * Where the list of projects a set of credentials may use comes from. Built in:
 * {@link #remote} ({@code GET user/{user}/projects}) and {@link #configured} (the configured
 * projects). Declare a bean of
 * this type to use another source; the result is cached either way.
 */
@FunctionalInterface
public interface AccessibleProjectsSource {

	/**
	 * Load the accessible projects.
	 * @param credentials the credentials in question
	 * @return the projects they may use
	 */
	List<Project> load(WalletCredentials credentials);

	/**
	 * The configured projects, for every set of credentials.
	 * @param registry the configured projects
	 * @return the source
	 */
	static AccessibleProjectsSource configured(ProjectRegistry registry) {
		return new ConfiguredAccessibleProjectsSource(registry);
	}

	/**
	 * The projects {@code GET user/{user}/projects} lists for the credentials.
	 * @param api the starter's own client, looked up when first needed
	 * @param user {@code me} or a user id
	 * @return the source
	 */
	static AccessibleProjectsSource remote(Supplier<InternalWalletApi> api, String user) {
		return new RemoteAccessibleProjectsSource(api, user);
	}

}
