package io.github.walletproject.callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The Spring MVC endpoint Paysera posts callbacks to: reads the raw form body itself
 * ({@link CallbackForm}: one decoder for names and values), or the parts of a
 * {@code multipart/form-data} form, so that {@code event} is verified over the exact bytes
 * sent, in whatever charset the form names (UTF-8 when it names none);
 * refuses {@code event} or {@code sign} given twice or named in the query string under any
 * spelling; and answers with the {@link CallbackOutcome}'s status.
 */
final class CallbackEndpoint implements HandlerFunction<ServerResponse> {

	/** The largest body read; a callback is a few kilobytes. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final CallbackHandler handler;

	CallbackEndpoint(CallbackHandler handler) {
		this.handler = handler;
	}

	static RouterFunction<ServerResponse> route(String path, CallbackHandler handler) {
		return RouterFunctions.route().POST(path, new CallbackEndpoint(handler)).build();
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		CallbackOutcome outcome = read(request.servletRequest());
		return ServerResponse.status(outcome.httpStatus())
			.contentType(MediaType.TEXT_PLAIN)
			.body((outcome.httpStatus() == 200) ? "OK" : outcome.tag());
	}

	private CallbackOutcome read(HttpServletRequest servlet) throws IOException {
		String from = servlet.getRemoteAddr();
		Charset charset;
		try {
			if (isMultipart(servlet.getContentType())) {
				return readParts(servlet, from);
			}
			charset = formCharset(servlet.getContentType());
		}
		catch (IllegalArgumentException ex) {
			return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
					+ ": " + ex.getMessage());
		}
		try {
			String query = servlet.getQueryString();
			if (query != null && !query.isEmpty()) {
				CallbackForm parameters = CallbackForm.parse(query.getBytes(StandardCharsets.ISO_8859_1), charset);
				if (!parameters.values("event").isEmpty() || !parameters.values("sign").isEmpty()) {
					return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
							+ ": the query string names the field 'event' or 'sign' (they are read from the body only)");
				}
			}
			byte[] raw;
			try (InputStream in = servlet.getInputStream()) {
				raw = in.readNBytes(MAX_BODY_BYTES + 1);
			}
			if (raw.length > MAX_BODY_BYTES) {
				return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
						+ ": its body is larger than " + MAX_BODY_BYTES + " bytes");
			}
			if (raw.length == 0 && servlet.getContentLengthLong() > 0) {
				return this.handler.refused(CallbackOutcome.BODY_UNAVAILABLE, "Could not verify a Paysera callback "
						+ "from " + from + " (answered 500 so that it is sent again): its body of "
						+ servlet.getContentLengthLong() + " bytes was read before the endpoint, most likely by a servlet "
						+ "filter that read the request's parameters; the signature covers the exact bytes of the body, "
						+ "so let no filter read the parameters of " + servlet.getRequestURI());
			}
			CallbackForm form = CallbackForm.parse(raw, charset);
			List<byte[]> events = form.values("event");
			List<byte[]> signs = form.values("sign");
			if (events.size() > 1 || signs.size() > 1) {
				String twice = (events.size() > 1) ? "event" : "sign";
				return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
						+ ": form field '" + twice + "' is given " + Math.max(events.size(), signs.size())
						+ " times (once expected)");
			}
			byte[] event = events.isEmpty() ? null : events.get(0);
			String sign = signs.isEmpty() ? null : new String(signs.get(0), StandardCharsets.ISO_8859_1);
			return this.handler.handle(event, charset, sign, from);
		}
		catch (CallbackForm.MalformedFormException ex) {
			return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
					+ ": its form cannot be decoded: " + ex.getMessage());
		}
	}

	/**
	 * A {@code multipart/form-data} form (what PHP's cURL sends for an array of fields), read
	 * from the parts the servlet container parsed: {@code event} is the exact bytes of its part,
	 * its charset the one the part names, else UTF-8.
	 */
	private CallbackOutcome readParts(HttpServletRequest servlet, String from) throws IOException {
		java.util.Collection<jakarta.servlet.http.Part> parts;
		try {
			parts = servlet.getParts();
		}
		catch (IllegalStateException | jakarta.servlet.ServletException ex) {
			return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
					+ ": its multipart form cannot be read (" + ex.getClass().getSimpleName() + "); multipart requests "
					+ "need spring.servlet.multipart.enabled=true (Boot's default) and a body within "
					+ "spring.servlet.multipart.max-request-size");
		}
		List<jakarta.servlet.http.Part> events = parts.stream().filter(part -> "event".equals(part.getName())).toList();
		List<jakarta.servlet.http.Part> signs = parts.stream().filter(part -> "sign".equals(part.getName())).toList();
		if (events.size() > 1 || signs.size() > 1) {
			String twice = (events.size() > 1) ? "event" : "sign";
			return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
					+ ": form field '" + twice + "' is given " + Math.max(events.size(), signs.size())
					+ " times (once expected)");
		}
		if ((!events.isEmpty() && events.get(0).getSize() > MAX_BODY_BYTES)
				|| (!signs.isEmpty() && signs.get(0).getSize() > MAX_BODY_BYTES)) {
			return this.handler.refused(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
					+ ": a field is larger than " + MAX_BODY_BYTES + " bytes");
		}
		byte[] event = events.isEmpty() ? null : bytes(events.get(0));
		Charset charset = events.isEmpty() ? StandardCharsets.UTF_8 : partCharset(events.get(0));
		String sign = signs.isEmpty() ? null : new String(bytes(signs.get(0)), StandardCharsets.ISO_8859_1);
		return this.handler.handle(event, charset, sign, from);
	}

	private static byte[] bytes(jakarta.servlet.http.Part part) throws IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readNBytes(MAX_BODY_BYTES);
		}
	}

	private static Charset partCharset(jakarta.servlet.http.Part part) {
		try {
			Charset charset = (part.getContentType() != null) ? MediaType.parseMediaType(part.getContentType()).getCharset()
					: null;
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("its event part names a content type or charset this JVM does not know");
		}
	}

	private static boolean isMultipart(String contentType) {
		try {
			return contentType != null
					&& MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * The charset of a form: the one its content type names, else UTF-8.
	 * @throws IllegalArgumentException when the content type is not a form, or names a
	 * charset this JVM does not know
	 */
	private static Charset formCharset(String contentType) {
		if (contentType == null) {
			return StandardCharsets.UTF_8;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw new IllegalArgumentException("its content type cannot be read (" + ex.getMessage() + ")");
		}
		if (!MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
			throw new IllegalArgumentException("its content type is " + type.getType() + "/" + type.getSubtype()
					+ ", not application/x-www-form-urlencoded or multipart/form-data");
		}
		try {
			Charset charset = type.getCharset();
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("its content type names a charset this JVM does not know");
		}
	}

}
