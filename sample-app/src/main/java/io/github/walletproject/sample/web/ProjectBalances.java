package io.github.walletproject.sample.web;

import java.util.List;

import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.Project;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.sample.web.Views.Amount;
import io.github.walletproject.sample.web.Views.ErrorView;
import io.github.walletproject.sample.web.Views.ProjectBalance;

import org.springframework.stereotype.Component;

/**
 * Reads a project's details and balance into a {@link ProjectBalance}, turning any failure
 * into the card's error so it never hides the other projects.
 */
@Component
class ProjectBalances {

	private final WalletProjects wallet;

	ProjectBalances(WalletProjects wallet) {
		this.wallet = wallet;
	}

	/**
	 * The balances of all configured projects, side by side, in configuration order.
	 * @return one entry per project
	 */
	List<ProjectBalance> all() {
		return this.wallet.configuredProjects().values().stream().map(this::of).toList();
	}

	/**
	 * A project's balance, routed to that project (whatever is bound around the call).
	 * @param project the project
	 * @return its balance or its error
	 */
	ProjectBalance of(ResolvedProject project) {
		String key = project.name();
		String title = null;
		Long walletId = null;
		try {
			Project details = this.wallet.project(key);
			title = details.title();
			walletId = details.walletId();
			WalletBalance balance = this.wallet.balance(key);
			return new ProjectBalance(project.alias(), project.id(), credentials(project), title, walletId,
					Amount.of(balance), null);
		}
		catch (RuntimeException ex) {
			return new ProjectBalance(project.alias(), project.id(), credentials(project), title, walletId, List.of(),
					ErrorView.of(ex));
		}
	}

	static String credentials(ResolvedProject project) {
		WalletCredentials credentials = project.credentials();
		return credentials.name();
	}

}
