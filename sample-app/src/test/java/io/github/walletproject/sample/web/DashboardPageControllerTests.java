package io.github.walletproject.sample.web;

import java.util.List;
import java.util.Map;

import io.github.walletproject.sample.pay.PayCards;
import io.github.walletproject.sample.pay.PayViews.PayCard;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The page with its initial state: embedded safely, and left out (so the page fetches it)
 * when it cannot be built.
 */
class DashboardPageControllerTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final DashboardController dashboard = mock(DashboardController.class);

	private final CurrentProjectController current = mock(CurrentProjectController.class);

	private final StarterInsightController insight = mock(StarterInsightController.class);

	private final PayCards pay = mock(PayCards.class);

	private final DashboardPageController controller = new DashboardPageController(this.dashboard, this.current,
			this.insight, this.pay, this.json);

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");

	@Test
	void markupInAValueCannotCloseTheScriptElementAndReadsBackUnchanged() {
		Map<String, String> state = Map.of("title", "</script><script>alert(1)</script> & <!-- more");
		String embedded = DashboardPageController.scriptSafe(this.json.writeValueAsString(state));

		assertThat(embedded).doesNotContain("<").doesNotContain(">").doesNotContain("&");
		assertThat(this.json.readValue(embedded, Map.class)).isEqualTo(state);
	}

	@Test
	void theStateTakesTheMarkersPlaceBeforeThePagesScript() {
		given(this.dashboard.overview()).willReturn(new Views.Overview("DEMO", "http://127.0.0.1/rest/v1/", "shop",
				List.of(), new Views.ClientView("Riverside <Books>", "app_client", List.of(), null)));
		given(this.current.current()).willReturn(new Views.CurrentProject("shop", "default", null));
		given(this.pay.of(this.request)).willReturn(new PayCard(true, "Demo mode", null, null, List.of(), null, List.of()));

		String page = this.controller.page(this.request).getBody();

		assertThat(page).doesNotContain(DashboardPageController.MARKER)
			.contains("<script type=\"application/json\" id=\"initial-state\">{\"overview\":{\"mode\":\"DEMO\"")
			.contains("Riverside \\u003cBooks\\u003e")
			.contains("\"pay\":{\"canChange\":true")
			.containsSubsequence("id=\"initial-state\"", "<script src=\"app.js\"></script>");
	}

	@Test
	void whenTheStateCannotBeBuiltThePageIsServedWithoutItAndFetchesInstead() {
		given(this.dashboard.overview()).willThrow(new IllegalStateException("Storage offline"));

		ResponseEntity<String> page = this.controller.page(this.request);

		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).doesNotContain("initial-state")
			.doesNotContain(DashboardPageController.MARKER)
			.contains("<script src=\"app.js\"></script>");
		assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
	}

}
