package io.github.walletproject.sample.web;

import java.util.List;
import java.util.Map;

import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.money.CurrencyFunds;
import io.github.walletproject.client.Project;
import io.github.walletproject.sample.pay.PayViews;
import io.github.walletproject.sample.pay.PayViews.PayCard;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the dashboard API. Amounts are decimal strings, so {@code 1284.50}
 * reaches the page as written, without a detour through floating point.
 */
public final class Views {

	private Views() {
	}

	/**
	 * What went wrong, for a card or an error response.
	 * @param type the exception's simple class name, such as {@code ProjectAccessDeniedException}
	 * @param message its message (the starter's messages carry no secrets)
	 */
	public record ErrorView(String type, String message) {

		static ErrorView of(Throwable ex) {
			return new ErrorView(PayViews.typeName(ex),
					(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName());
		}

	}

	/**
	 * One currency of a balance.
	 * @param currency the currency code
	 * @param atDisposal the amount at disposal
	 * @param reserved the reserved amount
	 * @param total at disposal plus reserved
	 */
	public record Amount(String currency, String atDisposal, String reserved, String total) {

		static List<Amount> of(WalletBalance balance) {
			return balance.currencies().values().stream().map(Amount::of).toList();
		}

		static Amount of(CurrencyFunds balance) {
			return new Amount(balance.currency(), balance.atDisposal().amount().toPlainString(),
					balance.reserved().amount().toPlainString(), balance.total().amount().toPlainString());
		}

	}

	/**
	 * A configured project.
	 * @param alias its alias
	 * @param id its project id
	 * @param credentials {@code default}, or the alias whose own credentials sign its calls
	 */
	public record ConfiguredProject(String alias, long id, String credentials) {
	}

	/**
	 * The client the default credentials belong to.
	 * @param title its title
	 * @param type its type
	 * @param permissions its permissions
	 * @param error why it could not be read, or {@code null}
	 */
	public record ClientView(String title, String type, List<String> permissions, ErrorView error) {
	}

	/**
	 * What the page shows first.
	 * @param mode {@code DEMO} or {@code LIVE}
	 * @param apiBaseUrl the Wallet API base URL in use
	 * @param defaultProject the default project, or {@code null}
	 * @param projects the configured projects
	 * @param client the API client of the default credentials
	 */
	public record Overview(String mode, String apiBaseUrl, String defaultProject, List<ConfiguredProject> projects,
			ClientView client) {
	}

	/**
	 * A project with its default wallet's balance, or the error that prevented reading it.
	 * @param alias the alias, or {@code null} for a project reached by id
	 * @param id the project id
	 * @param credentials which credentials sign its calls
	 * @param title the project's title, when it could be read
	 * @param walletId its default wallet, when known
	 * @param currencies the balance per currency (empty on error)
	 * @param error the error, or {@code null}
	 */
	public record ProjectBalance(String alias, long id, String credentials, String title, Long walletId,
			List<Amount> currencies, ErrorView error) {
	}

	/**
	 * The projects one set of credentials may use.
	 * @param credentials {@code default}, or the alias of a project with credentials of its own
	 * @param usedBy the configured aliases that sign with these credentials
	 * @param projects the accessible projects
	 * @param error why they could not be listed, or {@code null}
	 */
	public record AccessibleProjects(String credentials, List<String> usedBy, List<AccessibleProject> projects,
			ErrorView error) {
	}

	/**
	 * An accessible project.
	 * @param id the id
	 * @param title the title
	 * @param description the description
	 * @param walletId the default wallet
	 * @param configuredAs the alias it is configured under, or {@code null}
	 */
	public record AccessibleProject(long id, String title, String description, Long walletId, String configuredAs) {

		static AccessibleProject of(Project project, String alias) {
			return new AccessibleProject(project.id(), project.title(), project.description(), project.walletId(),
					alias);
		}

	}

	/**
	 * The project requests of this browser session run with.
	 * @param project the alias (or id) bound, or {@code null} when none
	 * @param source {@code session} (chosen in this session), {@code default}
	 * ({@code paysera.wallet.default-project}) or {@code none}
	 * @param balance the project and its balance, or {@code null} when none
	 */
	public record CurrentProject(String project, String source, ProjectBalance balance) {
	}

	/**
	 * What the page renders on its first paint, embedded in it by {@link DashboardPageController}:
	 * the same JSON the page's endpoints answer, so the page needs no fetch to show it.
	 * @param overview {@code /api/overview}
	 * @param current {@code /api/current}
	 * @param balances {@code /api/balances}
	 * @param accessible {@code /api/projects/accessible}
	 * @param metrics {@code /api/metrics}
	 * @param demoRequests {@code /api/demo/requests}, or {@code null} outside demo mode
	 * @param pay {@code /api/pay}: the session's pay card
	 */
	public record InitialState(Overview overview, CurrentProject current, List<ProjectBalance> balances,
			List<AccessibleProjects> accessible, List<Map<String, Object>> metrics,
			@Nullable List<Map<String, Object>> demoRequests, PayCard pay) {
	}

	/**
	 * A request to switch the session's project.
	 * @param project an alias or a project id
	 */
	public record SwitchRequest(String project) {
	}

}
