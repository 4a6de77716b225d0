package io.github.walletproject.sample.web;

import java.io.IOException;

import io.github.walletproject.ProjectContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the project chosen in this browser session (see {@link CurrentProjectController})
 * for the whole request, so every Wallet API call made while handling it goes to that
 * project unless code nearer the call binds another one (an {@code @WalletProject} method,
 * say). The binding is opened and closed on the request thread, in try-with-resources, so it
 * never leaks into the next request served by the same thread.
 */
public final class CurrentProjectFilter extends OncePerRequestFilter {

	/** Session attribute holding the chosen project (an alias or an id). */
	public static final String SESSION_ATTRIBUTE = CurrentProjectFilter.class.getName() + ".project";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String project = sessionProject(request);
		if (project == null) {
			chain.doFilter(request, response);
			return;
		}
		try (ProjectContext.Scope scope = ProjectContext.open(project)) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * The project chosen in the request's session.
	 * @param request the request
	 * @return the alias or id, or {@code null} when none was chosen
	 */
	static String sessionProject(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? (String) session.getAttribute(SESSION_ATTRIBUTE) : null;
	}

}
