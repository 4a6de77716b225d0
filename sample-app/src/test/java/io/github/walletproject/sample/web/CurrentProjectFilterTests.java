package io.github.walletproject.sample.web;

import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.ProjectContext;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The session's project is bound for exactly the duration of the request.
 */
class CurrentProjectFilterTests {

	private final CurrentProjectFilter filter = new CurrentProjectFilter();

	@Test
	void theSessionsProjectIsBoundWhileTheRequestRunsAndUnboundAfterwards() throws Exception {
		List<String> seen = new ArrayList<>();

		this.filter.doFilter(requestWithSession("marketplace"), new MockHttpServletResponse(),
				(request, response) -> seen.add(ProjectContext.current().orElse(null)));

		assertThat(seen).containsExactly("marketplace");
		assertThat(ProjectContext.isBound()).isFalse();
	}

	@Test
	void theBindingIsRemovedEvenWhenTheRequestFails() {
		assertThatIllegalStateException().isThrownBy(() -> this.filter.doFilter(requestWithSession("shop"),
				new MockHttpServletResponse(), (request, response) -> {
					throw new IllegalStateException("boom");
				}));

		assertThat(ProjectContext.isBound()).isFalse();
	}

	@Test
	void withoutASessionChoiceNothingIsBoundAndNoSessionIsCreated() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/current");
		List<Boolean> bound = new ArrayList<>();

		this.filter.doFilter(request, new MockHttpServletResponse(),
				(req, response) -> bound.add(ProjectContext.isBound()));

		assertThat(bound).containsExactly(false);
		assertThat(request.getSession(false)).isNull();
	}

	private static MockHttpServletRequest requestWithSession(String project) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/current");
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(CurrentProjectFilter.SESSION_ATTRIBUTE, project);
		request.setSession(session);
		return request;
	}

}
