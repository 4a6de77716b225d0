package io.github.walletproject.callback;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Spring MVC endpoint Paysera posts callbacks to: reads the form fields {@code event}
 * and {@code sign} (as UTF-8, from the body only: a query string that names them is refused)
 * and answers with the {@link CallbackOutcome}'s status.
 */
final class CallbackEndpoint implements HandlerFunction<ServerResponse> {

	private final CallbackHandler handler;

	CallbackEndpoint(CallbackHandler handler) {
		this.handler = handler;
	}

	static RouterFunction<ServerResponse> route(String path, CallbackHandler handler) {
		return RouterFunctions.route().POST(path, new CallbackEndpoint(handler)).build();
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws UnsupportedEncodingException {
		HttpServletRequest servlet = request.servletRequest();
		String from = servlet.getRemoteAddr();
		CallbackOutcome outcome;
		if (namesAField(servlet.getQueryString())) {
			outcome = this.handler.handle(null, null, from + " (event or sign in the query string)");
		}
		else {
			if (servlet.getCharacterEncoding() == null) {
				servlet.setCharacterEncoding(StandardCharsets.UTF_8.name());
			}
			outcome = this.handler.handle(servlet.getParameter("event"), servlet.getParameter("sign"), from);
		}
		return ServerResponse.status(outcome.httpStatus())
			.contentType(MediaType.TEXT_PLAIN)
			.body((outcome.httpStatus() == 200) ? "OK" : outcome.tag());
	}

	private static boolean namesAField(String query) {
		if (query == null || query.isEmpty()) {
			return false;
		}
		var parameters = UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
		return parameters.containsKey("event") || parameters.containsKey("sign");
	}

}
