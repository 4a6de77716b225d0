package io.github.walletproject.access;

import java.util.List;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.Project;
import io.github.walletproject.routing.ProjectRegistry;
import org.springframework.util.Assert;

/**
 * Treats the projects configured under {@code paysera.wallet.projects} as the allow-list of
 * the credentials they use: for client credentials without the {@code projects} scope. A
 * project reached by an unconfigured id is refused.
 */
final class ConfiguredAccessibleProjectsSource implements AccessibleProjectsSource {

	private final ProjectRegistry registry;

	/**
	 * Create the source.
	 * @param registry the configured projects
	 */
	ConfiguredAccessibleProjectsSource(ProjectRegistry registry) {
		Assert.notNull(registry, "Registry must not be null");
		this.registry = registry;
	}

	@Override
	public List<Project> load(WalletCredentials credentials) {
		return this.registry.projectsOf(credentials)
			.stream()
			.map(project -> new Project(project.id(), project.text(), null, null, null))
			.toList();
	}

	@Override
	public String toString() {
		return "configured";
	}

}
