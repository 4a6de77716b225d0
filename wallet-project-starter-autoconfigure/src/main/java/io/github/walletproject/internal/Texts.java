package io.github.walletproject.internal;

import java.util.Collection;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Helpers for putting untrusted values into messages: quoted, control characters escaped,
 * length bounded, so that a hostile value cannot forge log lines or headers.
 * <p>
 * Internal API: not for use outside this library.
 */
public final class Texts {

	private static final int MAX = 80;

	private Texts() {
	}

	/**
	 * Quote a value for a message.
	 * @param value the value, possibly hostile
	 * @return {@code 'value'} with non-printable characters as {@code \\uXXXX}, or {@code null}
	 */
	public static String quote(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		String text = value.toString();
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8).append('\'');
		int limit = Math.min(text.length(), MAX);
		for (int i = 0; i < limit; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else if (c == '\'') {
				out.append("\\'");
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > MAX) {
			out.append("…(").append(text.length()).append(" chars)");
		}
		return out.append('\'').toString();
	}

	/**
	 * Join a collection for a message.
	 * @param values the values
	 * @return {@code a, b, c}, or {@code (none)}
	 */
	public static String list(Collection<?> values) {
		if (values.isEmpty()) {
			return "(none)";
		}
		return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	/**
	 * The first line of the message of the innermost cause, for messages about a failure.
	 * @param ex the failure
	 * @return the message, or the innermost cause's simple class name when it has none
	 */
	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		if (message == null) {
			return root.getClass().getSimpleName();
		}
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
