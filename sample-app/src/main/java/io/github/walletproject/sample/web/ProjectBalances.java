package io.github.walletproject.sample.web;

import java.util.List;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.Project;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.fanout.ProjectResult;
import io.github.walletproject.fanout.ProjectSelection;
import io.github.walletproject.fanout.WalletFanOut;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.sample.web.Views.Amount;
import io.github.walletproject.sample.web.Views.ErrorView;
import io.github.walletproject.sample.web.Views.ProjectBalance;

import org.springframework.stereotype.Component;

/**
 * Reads projects' details and balances into {@link ProjectBalance}s: all configured projects
 * at once with the starter's {@link WalletFanOut} (each read with its project bound, at most
 * {@code paysera.wallet.fan-out.concurrency} at a time, within its deadline), one failure
 * never hiding the other projects.
 */
@Component
class ProjectBalances {

	private final WalletProjects wallet;

	private final WalletFanOut fanOut;

	ProjectBalances(WalletProjects wallet, WalletFanOut fanOut) {
		this.wallet = wallet;
		this.fanOut = fanOut;
	}

	/**
	 * The balances of all configured projects, side by side, in configuration order.
	 * @return one entry per project: its balance, or its error (a refusal, a Wallet API error,
	 * a timeout)
	 */
	List<ProjectBalance> all() {
		// the task names no project: the fan-out binds each one around its task
		List<ProjectResult<ProjectBalance>> results = this.fanOut.forEachProject(ProjectSelection.configured(),
				project -> view(project, this.wallet.project(), this.wallet.balance()));
		return results.stream()
			.map(result -> result.hasValue() ? result.value() : failed(result.project(), result.error().orElseThrow()))
			.toList();
	}

	/**
	 * A project's balance, routed to that project (whatever is bound around the call).
	 * @param project the project
	 * @return its balance or its error
	 */
	ProjectBalance of(ResolvedProject project) {
		String key = project.name();
		try {
			return view(project, this.wallet.project(key), this.wallet.balance(key));
		}
		catch (RuntimeException ex) {
			return failed(project, ex);
		}
	}

	private static ProjectBalance view(ResolvedProject project, Project details, WalletBalance balance) {
		return new ProjectBalance(project.alias(), project.id(), credentials(project), details.title(),
				details.walletId(), Amount.of(balance), null);
	}

	private static ProjectBalance failed(ResolvedProject project, Throwable error) {
		return new ProjectBalance(project.alias(), project.id(), credentials(project), null, null, List.of(),
				ErrorView.of(error));
	}

	static String credentials(ResolvedProject project) {
		WalletCredentials credentials = project.credentials();
		return credentials.name();
	}

}
