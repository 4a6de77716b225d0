package io.github.walletproject.sample.web;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.autoconfigure.WalletProperties;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.sample.web.Views.CurrentProject;
import io.github.walletproject.sample.web.Views.SwitchRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser session's current project. {@link CurrentProjectFilter} binds it for every
 * {@code /api} request, so the plain, unrouted {@code wallet.current()} and
 * {@code wallet.balance()} here run against it.
 */
@RestController
@RequestMapping("/api/current")
class CurrentProjectController {

	private final WalletProjects wallet;

	private final ProjectBalances balances;

	private final WalletProperties properties;

	CurrentProjectController(WalletProjects wallet, ProjectBalances balances, WalletProperties properties) {
		this.wallet = wallet;
		this.balances = balances;
		this.properties = properties;
	}

	/**
	 * The project this request runs with and its balance.
	 * @return the current project
	 */
	@GetMapping
	CurrentProject current() {
		String source = ProjectContext.isBound() ? "session" : "default";
		ResolvedProject project;
		try {
			project = this.wallet.current(); // the session's binding, else paysera.wallet.default-project
		}
		catch (NoProjectBoundException ex) {
			return new CurrentProject(null, "none", null);
		}
		return new CurrentProject(project.name(), source, this.balances.of(project));
	}

	/**
	 * Remember a project for this browser session.
	 * @param request the alias or id
	 * @param session the session
	 * @return the new current project and its balance
	 */
	@PutMapping
	CurrentProject select(@RequestBody SwitchRequest request, HttpSession session) {
		if (request == null || request.project() == null || request.project().isBlank()) {
			throw new InvalidProjectException("Name a project: a configured alias or a project id");
		}
		ResolvedProject project = this.wallet.resolve(request.project().trim()); // refuses unknown aliases
		session.setAttribute(CurrentProjectFilter.SESSION_ATTRIBUTE, project.name());
		// this request still runs with the previous binding; answer for the new one
		try (ProjectContext.Scope scope = ProjectContext.open(project.name())) {
			return current();
		}
	}

	/**
	 * Forget the session's project: requests go back to the default project.
	 * @param session the session
	 * @return what is current without a session choice
	 */
	@DeleteMapping
	CurrentProject reset(HttpSession session) {
		session.removeAttribute(CurrentProjectFilter.SESSION_ATTRIBUTE);
		// this request is still bound to the old choice; answer for the default project
		String defaultProject = this.properties.getDefaultProject();
		if (!StringUtils.hasText(defaultProject)) {
			return new CurrentProject(null, "none", null);
		}
		ResolvedProject project = this.wallet.resolve(defaultProject);
		return new CurrentProject(project.name(), "default", this.balances.of(project));
	}

}
