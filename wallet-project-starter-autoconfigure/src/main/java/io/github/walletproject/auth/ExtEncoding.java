package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The form encoding Paysera uses for the MAC {@code ext} field: PHP's {@code urlencode} /
 * {@code http_build_query}. Every byte of the UTF-8 form except {@code A-Z a-z 0-9 - _ .}
 * becomes {@code %XX} with upper-case hex, and a space becomes {@code +}.
 */
public final class ExtEncoding {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

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
		SigningBuffer out = new SigningBuffer(length + 16);
		encodeInto(out, value);
		return out.toString(0, out.length());
	}

	/**
	 * Append {@code value} encoded the way PHP's {@code urlencode} does.
	 * @param out where to append
	 * @param value the text to encode
	 */
	public static void appendEncoded(StringBuilder out, String value) {
		out.append(encode(value));
	}

	/**
	 * Write {@code value} encoded.
	 * @param out where to write
	 * @param value the text to encode
	 */
	static void encodeInto(SigningBuffer out, String value) {
		int length = value.length();
		byte[] to = out.reserve(3 * length);
		int at = out.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 128) {
				// rare: the UTF-8 bytes of the rest
				out.length(at);
				byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
				encodeInto(out, bytes, 0, bytes.length);
				return;
			}
			at = encodeByte(to, at, c);
		}
		out.length(at);
	}

	/**
	 * Write bytes encoded (such as the Base64 of a body hash).
	 * @param out where to write
	 * @param bytes the bytes
	 * @param from the first byte
	 * @param to the index after the last byte
	 */
	static void encodeInto(SigningBuffer out, byte[] bytes, int from, int to) {
		byte[] into = out.reserve(3 * (to - from));
		int at = out.length();
		for (int i = from; i < to; i++) {
			at = encodeByte(into, at, bytes[i] & 0xFF);
		}
		out.length(at);
	}

	/**
	 * The rule, stated once for text and bytes alike: one byte written as itself, {@code +}
	 * or {@code %XX}.
	 * @return the position after what was written
	 */
	private static int encodeByte(byte[] to, int at, int b) {
		if (b < 128 && UNRESERVED[b]) {
			to[at] = (byte) b;
			return at + 1;
		}
		if (b == ' ') {
			to[at] = '+';
			return at + 1;
		}
		to[at] = '%';
		to[at + 1] = HEX[b >> 4];
		to[at + 2] = HEX[b & 0xF];
		return at + 3;
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
		SigningBuffer out = new SigningBuffer(encodedPrefix.length() + 24 * parameters.size());
		out.startParameters();
		out.text(encodedPrefix);
		parameters.forEach(out.parameters);
		return out.toString(0, out.length());
	}

}
