package io.github.walletproject.sample.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.autoconfigure.WalletProperties;
import io.github.walletproject.client.ClientInfo;
import io.github.walletproject.client.Project;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.sample.mode.SampleMode;
import io.github.walletproject.sample.web.Views.AccessibleProject;
import io.github.walletproject.sample.web.Views.AccessibleProjects;
import io.github.walletproject.sample.web.Views.ClientView;
import io.github.walletproject.sample.web.Views.ConfiguredProject;
import io.github.walletproject.sample.web.Views.ErrorView;
import io.github.walletproject.sample.web.Views.Overview;
import io.github.walletproject.sample.web.Views.ProjectBalance;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The multi-project views: what is configured, what the credentials may access, and every
 * configured project's balance side by side.
 */
@RestController
@RequestMapping("/api")
class DashboardController {

	private final WalletProjects wallet;

	private final ProjectBalances balances;

	private final SampleMode mode;

	private final WalletProperties properties;

	DashboardController(WalletProjects wallet, ProjectBalances balances, SampleMode mode, WalletProperties properties) {
		this.wallet = wallet;
		this.balances = balances;
		this.mode = mode;
		this.properties = properties;
	}

	@GetMapping("/overview")
	Overview overview() {
		List<ConfiguredProject> projects = this.wallet.configuredProjects()
			.values()
			.stream()
			.map(project -> new ConfiguredProject(project.alias(), project.id(), ProjectBalances.credentials(project)))
			.toList();
		String defaultProject = this.properties.getDefaultProject();
		return new Overview(this.mode.kind().name(), this.mode.apiBaseUrl(),
				StringUtils.hasText(defaultProject) ? defaultProject : null, projects, client());
	}

	private ClientView client() {
		try {
			ClientInfo client = this.wallet.client();
			return new ClientView(client.title(), client.type(), client.permissions(), null);
		}
		catch (RuntimeException ex) {
			return new ClientView(null, null, List.of(), ErrorView.of(ex));
		}
	}

	/**
	 * Every configured project's balance; a failing project carries its error and the others
	 * still load.
	 * @return one entry per configured project
	 */
	@GetMapping("/balances")
	List<ProjectBalance> balances() {
		return this.balances.all();
	}

	/**
	 * The projects each set of credentials may access: the default credentials, then every
	 * project that signs with credentials of its own.
	 * @return one entry per set of credentials
	 */
	@GetMapping("/projects/accessible")
	List<AccessibleProjects> accessible() {
		Map<Long, String> aliases = new LinkedHashMap<>();
		Map<String, List<String>> usedBy = new LinkedHashMap<>();
		Map<String, String> representative = new LinkedHashMap<>();
		usedBy.put(WalletCredentials.DEFAULT, new ArrayList<>());
		for (ResolvedProject project : this.wallet.configuredProjects().values()) {
			aliases.put(project.id(), project.alias());
			String credentials = ProjectBalances.credentials(project);
			usedBy.computeIfAbsent(credentials, name -> new ArrayList<>()).add(project.alias());
			representative.putIfAbsent(credentials, project.alias());
		}
		List<AccessibleProjects> result = new ArrayList<>();
		usedBy.forEach((credentials, users) -> {
			try {
				List<Project> projects = credentials.equals(WalletCredentials.DEFAULT) ? this.wallet.accessibleProjects()
						: this.wallet.accessibleProjects(representative.get(credentials));
				result.add(new AccessibleProjects(credentials, users,
						projects.stream().map(p -> AccessibleProject.of(p, aliases.get(p.id()))).toList(), null));
			}
			catch (RuntimeException ex) {
				result.add(new AccessibleProjects(credentials, users, List.of(), ErrorView.of(ex)));
			}
		});
		return result;
	}

}
