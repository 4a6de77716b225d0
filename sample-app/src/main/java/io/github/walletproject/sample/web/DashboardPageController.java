package io.github.walletproject.sample.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.github.walletproject.sample.pay.PayCards;
import io.github.walletproject.sample.web.Views.InitialState;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the dashboard page with its first screen's data already in it: the page's
 * {@code static/index.html} with an {@code application/json} script element, holding what
 * {@code /api/overview}, {@code /api/current}, {@code /api/balances},
 * {@code /api/projects/accessible}, {@code /api/metrics}, {@code /api/demo/requests} and
 * {@code /api/pay} would answer, put where the page has its {@value #MARKER} marker. The page
 * renders it as soon as its script runs, and fetches from those endpoints only to refresh.
 * <p>
 * {@link CurrentProjectFilter} binds the session's project for this request too, so the
 * embedded current project is the session's.
 */
@Controller
class DashboardPageController {

	/** Where the page template takes the initial state. */
	static final String MARKER = "<!-- initial-state -->";

	private static final String TEMPLATE = "static/index.html";

	private static final Log logger = LogFactory.getLog(DashboardPageController.class);

	private final String template;

	private final DashboardController dashboard;

	private final CurrentProjectController current;

	private final StarterInsightController insight;

	private final PayCards pay;

	private final JsonMapper json;

	DashboardPageController(DashboardController dashboard, CurrentProjectController current,
			StarterInsightController insight, PayCards pay, JsonMapper json) {
		this.template = template();
		this.dashboard = dashboard;
		this.current = current;
		this.insight = insight;
		this.pay = pay;
		this.json = json;
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(HttpServletRequest request) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore()) // the session's project, its transaction and live balances
			.body(this.template.replace(MARKER, initialState(request)));
	}

	private String initialState(HttpServletRequest request) {
		InitialState state;
		try {
			// the Wallet API calls first, then the meters and the demo API's log, so they include those calls
			Views.Overview overview = this.dashboard.overview();
			Views.CurrentProject currentProject = this.current.current();
			state = new InitialState(overview, currentProject, this.dashboard.balances(), this.dashboard.accessible(),
					this.insight.metrics(), this.insight.recentDemoRequests(), this.pay.of(request));
		}
		catch (RuntimeException ex) {
			// each card handles its own failure; anything else: the page fetches, and shows each endpoint's error
			logger.warn("Serving the dashboard without its initial state: " + ex);
			return "";
		}
		return "<script type=\"application/json\" id=\"initial-state\">"
				+ scriptSafe(this.json.writeValueAsString(state)) + "</script>";
	}

	/**
	 * JSON made safe inside a script element: {@code <}, {@code >} and {@code &} become
	 * JSON unicode escapes (the same string to a JSON parser), so no value can close the
	 * element or open another one.
	 * @param json the JSON text
	 * @return the same JSON without those three characters
	 */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private static String template() {
		ClassPathResource resource = new ClassPathResource(TEMPLATE);
		String html;
		try (InputStream in = resource.getInputStream()) {
			html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the dashboard page classpath:" + TEMPLATE, ex);
		}
		if (!html.contains(MARKER)) {
			throw new IllegalStateException("classpath:" + TEMPLATE + " has no " + MARKER
					+ " marker; put it before <script src=\"app.js\"> so the page gets its initial state");
		}
		return html;
	}

}
