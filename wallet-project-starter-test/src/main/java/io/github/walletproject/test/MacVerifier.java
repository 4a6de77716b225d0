package io.github.walletproject.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a Paysera MAC {@code Authorization} header against the request as it was received,
 * the way the Wallet API does: it parses the header, recomputes {@code body_hash} from the
 * received body bytes and the MAC over {@code ts, nonce, METHOD, request-uri, host, port, ext}
 * with the key of the header's MAC id. Written independently of the client's signer, so a
 * signer bug cannot hide itself here.
 */
public final class MacVerifier {

	private final Function<String, String> keys;

	/**
	 * Create a verifier.
	 * @param keys the MAC key of a MAC id, or {@code null} for an unknown id
	 */
	public MacVerifier(Function<String, String> keys) {
		this.keys = keys;
	}

	/**
	 * A verifier for a single client.
	 * @param macId the MAC id
	 * @param macKey its key
	 * @return the verifier
	 */
	public static MacVerifier of(String macId, String macKey) {
		return new MacVerifier(id -> macId.equals(id) ? macKey : null);
	}

	/**
	 * Verify one received request.
	 * @param method the method as received
	 * @param requestUri the raw path and query as received ({@code /rest/v1/x?a=%20})
	 * @param host the host the request was addressed to (without port)
	 * @param port the port the request was addressed to
	 * @param body the body bytes as received (empty for none)
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @return the verification
	 */
	public Verification verify(String method, String requestUri, String host, int port, byte[] body,
			String authorization) {
		if (authorization == null || !authorization.startsWith("MAC ")) {
			return Verification.failed("no MAC Authorization header");
		}
		Map<String, String> fields;
		try {
			fields = parseHeader(authorization.substring(4));
		}
		catch (IllegalArgumentException ex) {
			return Verification.failed("malformed Authorization header: " + ex.getMessage());
		}
		String id = fields.get("id");
		String ts = fields.get("ts");
		String nonce = fields.get("nonce");
		String mac = fields.get("mac");
		String ext = fields.getOrDefault("ext", "");
		if (id == null || ts == null || nonce == null || mac == null) {
			return Verification.failed("Authorization header lacks id, ts, nonce or mac");
		}
		if (!ts.matches("[0-9]{1,12}")) {
			return Verification.failed("ts is not a Unix time in seconds");
		}
		if (fields.containsKey("ext") && ext.isEmpty()) {
			return Verification.failed("empty ext must be left out of the header");
		}
		Map<String, String> extParameters;
		try {
			extParameters = parseForm(ext);
		}
		catch (IllegalArgumentException ex) {
			return Verification.failed("ext is not form-encoded: " + ex.getMessage());
		}
		if (!ext.isEmpty() && !ext.equals(phpEncode(extParameters))) {
			return Verification.failed("ext is not encoded the way PHP http_build_query encodes it");
		}
		String bodyHash = extParameters.get("body_hash");
		if (body.length > 0) {
			String expected = base64(sha256(body));
			if (bodyHash == null) {
				return Verification.failed("body has " + body.length + " bytes but ext has no body_hash");
			}
			if (!bodyHash.equals(expected)) {
				return Verification.failed("body_hash does not match the body received");
			}
			if (!ext.startsWith("body_hash=")) {
				return Verification.failed("body_hash must be the first ext parameter");
			}
		}
		else if (bodyHash != null) {
			return Verification.failed("body is empty but ext has a body_hash");
		}
		String key = this.keys.apply(id);
		if (key == null) {
			return Verification.failed("unknown MAC id", id, ts, nonce, extParameters);
		}
		String normalized = ts + '\n' + nonce + '\n' + method.toUpperCase(Locale.ROOT) + '\n' + requestUri + '\n'
				+ host.toLowerCase(Locale.ROOT) + '\n' + port + '\n' + ext + '\n';
		String expectedMac = base64(hmac(key, normalized));
		if (!MessageDigest.isEqual(expectedMac.getBytes(StandardCharsets.US_ASCII),
				mac.getBytes(StandardCharsets.US_ASCII))) {
			return Verification.failed("MAC does not match", id, ts, nonce, extParameters);
		}
		return new Verification(true, null, id, Long.parseLong(ts), nonce, extParameters);
	}

	private static Map<String, String> parseHeader(String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		int i = 0;
		String[] order = { "id", "ts", "nonce", "mac", "ext" };
		int expected = 0;
		while (i < text.length()) {
			int eq = text.indexOf("=\"", i);
			if (eq < 0) {
				throw new IllegalArgumentException("expected name=\"value\"");
			}
			String name = text.substring(i, eq);
			int end = text.indexOf('"', eq + 2);
			if (end < 0) {
				throw new IllegalArgumentException("unterminated value of " + name);
			}
			while (expected < order.length && !order[expected].equals(name)) {
				expected++;
			}
			if (expected == order.length) {
				throw new IllegalArgumentException("unexpected, repeated or out-of-order field " + name);
			}
			expected++; // each field at most once
			fields.put(name, text.substring(eq + 2, end));
			i = end + 1;
			if (i < text.length()) {
				if (!text.startsWith(", ", i)) {
					throw new IllegalArgumentException("fields must be separated by \", \"");
				}
				i += 2;
			}
		}
		return fields;
	}

	/**
	 * Parse a PHP-style form-encoded list, keeping order.
	 * @param form the encoded text
	 * @return the decoded parameters
	 */
	public static Map<String, String> parseForm(String form) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (form.isEmpty()) {
			return parameters;
		}
		for (String pair : form.split("&", -1)) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("parameter without name=value");
			}
			String name = decode(pair.substring(0, eq));
			if (parameters.put(name, decode(pair.substring(eq + 1))) != null) {
				throw new IllegalArgumentException("parameter " + name + " appears twice");
			}
		}
		return Collections.unmodifiableMap(parameters);
	}

	private static String decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+') {
				out.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new IllegalArgumentException("truncated %-escape");
				}
				out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				out.write(c);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Encode parameters the way PHP's {@code http_build_query} does.
	 * @param parameters the parameters
	 * @return the encoded list
	 */
	public static String phpEncode(Map<String, String> parameters) {
		StringBuilder out = new StringBuilder();
		parameters.forEach((name, value) -> {
			if (out.length() > 0) {
				out.append('&');
			}
			out.append(phpEncode(name)).append('=').append(phpEncode(value));
		});
		return out.toString();
	}

	/**
	 * Encode one value the way PHP's {@code urlencode} does.
	 * @param value the value
	 * @return the encoded value
	 */
	public static String phpEncode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.') {
				out.append((char) c);
			}
			else if (c == ' ') {
				out.append('+');
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

	private static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(String key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * The outcome of a verification.
	 *
	 * @param valid whether the signature is valid
	 * @param error why not, or {@code null}
	 * @param macId the MAC id of the header, or {@code null}
	 * @param timestamp the header's timestamp, or 0
	 * @param nonce the header's nonce, or {@code null}
	 * @param ext the decoded ext parameters
	 */
	public record Verification(boolean valid, String error, String macId, long timestamp, String nonce,
			Map<String, String> ext) {

		static Verification failed(String error) {
			return new Verification(false, error, null, 0, null, Map.of());
		}

		static Verification failed(String error, String macId, String ts, String nonce, Map<String, String> ext) {
			long timestamp = 0;
			try {
				timestamp = Long.parseLong(ts);
			}
			catch (NumberFormatException ex) {
				// left at 0
			}
			return new Verification(false, error, macId, timestamp, nonce, ext);
		}

	}

}
