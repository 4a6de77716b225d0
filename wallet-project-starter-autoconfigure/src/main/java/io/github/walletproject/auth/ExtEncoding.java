package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The form encoding Paysera uses for the MAC {@code ext} field: PHP's {@code urlencode} /
 * {@code http_build_query}. Every byte of the UTF-8 form except {@code A-Z a-z 0-9 - _ .}
 * becomes {@code %XX} with upper-case hex, and a space becomes {@code +}.
 */
public final class ExtEncoding {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private static final boolean[] UNRESERVED = new boolean[128];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			UNRESERVED[c] = true;
		}
		for (char c = 'A'; c <= 'Z'; c++) {
			UNRESERVED[c] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			UNRESERVED[c] = true;
		}
		UNRESERVED['-'] = true;
		UNRESERVED['_'] = true;
		UNRESERVED['.'] = true;
	}

	private ExtEncoding() {
	}

	/**
	 * Encode one name or value the way PHP's {@code urlencode} does.
	 * @param value the text to encode
	 * @return the encoded text
	 */
	public static String encode(String value) {
		int length = value.length();
		int i = 0;
		while (i < length) {
			char c = value.charAt(i);
			if (c >= 128 || !UNRESERVED[c]) {
				break;
			}
			i++;
		}
		if (i == length) {
			return value;
		}
		StringBuilder out = new StringBuilder(length + 16);
		out.append(value, 0, i);
		appendEncoded(out, value.substring(i));
		return out.toString();
	}

	/**
	 * Append {@code value} encoded the way PHP's {@code urlencode} does.
	 * @param out where to append
	 * @param value the text to encode
	 */
	public static void appendEncoded(StringBuilder out, String value) {
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 128) {
				appendAscii(out, c);
			}
			else {
				// rare: fall back to the UTF-8 bytes of the rest
				byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
				for (byte b : bytes) {
					int unsigned = b & 0xFF;
					if (unsigned < 128) {
						appendAscii(out, (char) unsigned);
					}
					else {
						appendHex(out, unsigned);
					}
				}
				return;
			}
		}
	}

	private static void appendAscii(StringBuilder out, char c) {
		if (UNRESERVED[c]) {
			out.append(c);
		}
		else if (c == ' ') {
			out.append('+');
		}
		else {
			appendHex(out, c);
		}
	}

	private static void appendHex(StringBuilder out, int b) {
		out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
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
