package io.github.walletproject.access;

import java.util.List;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.Project;

/**
 * Where the list of projects a set of credentials may use comes from. Built in:
 * {@link RemoteAccessibleProjectsSource} ({@code GET user/{user}/projects}) and
 * {@link ConfiguredAccessibleProjectsSource} (the configured projects). Declare a bean of
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

}
