package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The form encoding Paysera uses for the MAC {@code ext} field: PHP's {@code urlencode} /
 * {@code http_build_query}. Every byte of the UTF-8 form except {@code A-Z a-z 0-9 - _ .}
 * becomes {@code %XX} with upper-case hex, and a space becomes {@code +}.
 */
public final class ExtEncoding {

	/** The characters that stay as they are. */
	private static final boolean[] UNRESERVED = new boolean[128];

	/** What every other byte becomes: {@code +} for a space, otherwise {@code %XX}. */
	private static final String[] ESCAPED = new String[256];

	static {
		for (int c = 0; c < 128; c++) {
			UNRESERVED[c] = ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') || c == '-'
					|| c == '_' || c == '.';
		}
		for (int b = 0; b < 256; b++) {
			ESCAPED[b] = (b == ' ') ? "+" : String.format(Locale.ROOT, "%%%02X", b);
		}
	}

	private ExtEncoding() {
	}

	/**
	 * Encode one name or value the way PHP's {@code urlencode} does.
	 * @param value the text to encode
	 * @return the encoded text
	 */
	public static String encode(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 128 || !UNRESERVED[c]) {
				StringBuilder out = new StringBuilder(value.length() + 16);
				appendEncoded(out, value);
				return out.toString();
			}
		}
		return value;
	}

	/**
	 * Append {@code value} encoded the way PHP's {@code urlencode} does.
	 * @param out where to append
	 * @param value the text to encode
	 */
	public static void appendEncoded(StringBuilder out, String value) {
		int length = value.length();
		int kept = 0; // start of the run of characters that stay as they are
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 128 && UNRESERVED[c]) {
				continue;
			}
			out.append(value, kept, i);
			if (c >= 128) {
				// rare: encode the UTF-8 bytes of the rest
				for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
					appendByte(out, b & 0xFF);
				}
				return;
			}
			appendByte(out, c);
			kept = i + 1;
		}
		out.append(value, kept, length);
	}

	/**
	 * Whether an ASCII character is left as it is.
	 * @param c a character below 128
	 * @return {@code true} for {@code A-Z a-z 0-9 - _ .}
	 */
	static boolean isUnreserved(int c) {
		return UNRESERVED[c];
	}

	private static void appendByte(StringBuilder out, int b) {
		if (b < 128 && UNRESERVED[b]) {
			out.append((char) b);
		}
		else {
			out.append(ESCAPED[b]);
		}
	}

	/**
	 * Build a form-encoded parameter list in the iteration order of {@code parameters},
	 * leaving out parameters whose value is {@code null}.
	 * @param parameters names and values, in the order they must appear
	 * @return {@code name=value&name=value}, or the empty string
	 */
	public static String build(Map<String, String> parameters) {
		return build("", parameters);
	}

	/**
	 * Append form-encoded parameters to an already encoded list, in one pass: like
	 * {@code prefix + "&" + build(parameters)}, without the {@code &} when either side is
	 * empty.
	 * @param encodedPrefix an encoded parameter list such as {@code project_id=1221}, or the
	 * empty string
	 * @param parameters names and values, in the order they must appear
	 * @return the combined list, or the empty string
	 */
	public static String build(String encodedPrefix, Map<String, String> parameters) {
		if (parameters.isEmpty()) {
			return encodedPrefix;
		}
		StringBuilder out = new StringBuilder(encodedPrefix.length() + 24 * parameters.size());
		out.append(encodedPrefix);
		for (Map.Entry<String, String> entry : parameters.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			if (out.length() > 0) {
				out.append('&');
			}
			appendEncoded(out, entry.getKey());
			out.append('=');
			appendEncoded(out, entry.getValue());
		}
		return out.toString();
	}

}
