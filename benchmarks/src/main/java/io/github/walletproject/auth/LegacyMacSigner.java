package io.github.walletproject.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * TEMPORARY, for measuring only: the byte-buffer fast path {@code MacSigner} had before the
 * rewrite (commit e56bacb), with its own copy of the unreserved table.
 * <p>
 * Paysera Wallet API MAC signer: a pure function from a request and its timestamp and nonce
 * to the value of the {@code Authorization} header.
 * <p>
 * The signed string is {@code ts, nonce, METHOD, request-uri, host, port, ext}, each
 * followed by a line feed; the MAC is Base64(HMAC-SHA256) keyed by the UTF-8 bytes of the
 * MAC key. {@code ext} starts with {@code body_hash} when the body has at least one byte,
 * followed by the given parameters in their iteration order, PHP-form-encoded.
 * <p>
 * Instances are immutable and thread-safe. The key never leaves this object: it is not
 * returned, printed by {@link #toString()} or put into exception messages.
 * <p>
 * Signing writes the signed string and the header straight into reusable byte buffers (kept
 * with a {@link Mac} in a small pool striped by thread), so that apart from the header
 * itself a signature allocates next to nothing beyond what the JDK's HMAC and SHA-256 do.
 * {@link #normalizedRequestString} is the plain reference of the same rules.
 */
public final class LegacyMacSigner {

	private static final String HMAC = "HmacSHA256";

	private static final int STRIPES = stripes();

	/**
	 * Slots sit this many array elements apart (128 bytes or more), so that threads taking
	 * and returning workspaces in neighbouring slots do not write to the same cache line.
	 */
	private static final int SLOT_SPACING = 32;

	private static final Base64.Encoder BASE64 = Base64.getEncoder();

	private static final byte[] BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		.getBytes(StandardCharsets.US_ASCII);

	private static final boolean[] UNRESERVED = new boolean[128];

	static {
		for (int c = 0; c < 128; c++) {
			UNRESERVED[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.';
		}
	}

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] BODY_HASH = ascii("body_hash=");

	private static final byte[] NONCE_FIELD = ascii("\", nonce=\"");

	private static final byte[] MAC_FIELD = ascii("\", mac=\"");

	private static final byte[] EXT_FIELD = ascii(", ext=\"");

	/** Buffers that grew past this size for an unusual request are not kept. */
	private static final int MAX_KEPT_BUFFER = 8192;

	private final String macId;

	/** {@code MAC id="<id>", ts="}: the constant start of every header. */
	private final byte[] headerStart;

	private final SecretKeySpec key;

	private final Mac prototype;

	private final AtomicReferenceArray<Workspace> workspaces = new AtomicReferenceArray<>(
			STRIPES * SLOT_SPACING);

	/**
	 * Create a signer.
	 * @param macId the MAC id: a client id or an access token
	 * @param macKey the MAC key, used as the UTF-8 bytes of this string (never Base64-decoded)
	 */
	public LegacyMacSigner(String macId, String macKey) {
		if (macId == null || macId.isEmpty()) {
			throw new IllegalArgumentException("MAC id must not be empty");
		}
		if (macKey == null || macKey.isEmpty()) {
			throw new IllegalArgumentException("MAC key must not be empty");
		}
		checkHeaderSafe(macId, "MAC id");
		this.macId = macId;
		this.headerStart = ascii("MAC id=\"" + macId + "\", ts=\"");
		this.key = new SecretKeySpec(macKey.getBytes(StandardCharsets.UTF_8), HMAC);
		try {
			this.prototype = Mac.getInstance(HMAC);
			this.prototype.init(this.key);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * The MAC id this signer puts in the header.
	 * @return the MAC id
	 */
	public String macId() {
		return this.macId;
	}

	/**
	 * Build the whole {@code Authorization} header value for one request.
	 * @param method the HTTP method (upper-cased here)
	 * @param uri the URI exactly as it is sent (raw path and raw query are signed)
	 * @param body the exact body bytes sent; {@code null} or empty for no body
	 * @param extParameters routing parameters such as {@code project_id}, in their
	 * iteration order; {@code null} values are left out
	 * @param timestamp Unix time in seconds
	 * @param nonce a fresh nonce
	 * @return the header value, {@code MAC id="…", ts="…", nonce="…", mac="…"[, ext="…"]}
	 */
	public String authorization(String method, URI uri, byte @Nullable [] body, Map<String, String> extParameters,
			long timestamp, String nonce) {
		return sign(method, uri, body, extParameters, null, "", timestamp, nonce);
	}

	/**
	 * Like {@link #authorization(String, URI, byte[], Map, long, String)} with routing
	 * parameters that are already form-encoded ({@code project_id=1221&location_id=77}).
	 * @param method the HTTP method
	 * @param uri the URI exactly as it is sent
	 * @param body the exact body bytes sent, or {@code null}
	 * @param encodedParameters encoded routing parameters, or the empty string
	 * @param timestamp Unix time in seconds
	 * @param nonce a fresh nonce
	 * @return the header value
	 */
	public String authorization(String method, URI uri, byte @Nullable [] body, String encodedParameters,
			long timestamp, String nonce) {
		return authorization(method, uri, body, encodedParameters, "", timestamp, nonce);
	}

	/**
	 * Like {@link #authorization(String, URI, byte[], String, long, String)} with the encoded
	 * routing parameters in two parts, joined with {@code &} (no string is built to join them).
	 * @param method the HTTP method
	 * @param uri the URI exactly as it is sent
	 * @param body the exact body bytes sent, or {@code null}
	 * @param encodedParameters encoded routing parameters, such as {@code project_id=1221}, or
	 * the empty string
	 * @param moreEncodedParameters encoded parameters that follow, such as
	 * {@code location_id=77}, or the empty string
	 * @param timestamp Unix time in seconds
	 * @param nonce a fresh nonce
	 * @return the header value
	 */
	public String authorization(String method, URI uri, byte @Nullable [] body, String encodedParameters,
			String moreEncodedParameters, long timestamp, String nonce) {
		if (!isAscii(encodedParameters) || !isAscii(moreEncodedParameters)) {
			// not produced by ExtEncoding: keep it verbatim in the header, UTF-8 in the signed string
			return referenceAuthorization(method, uri, body, join(encodedParameters, moreEncodedParameters), timestamp,
					nonce);
		}
		return sign(method, uri, body, null, encodedParameters, moreEncodedParameters, timestamp, nonce);
	}

	private static String join(String first, String second) {
		if (second.isEmpty()) {
			return first;
		}
		return first.isEmpty() ? second : first + '&' + second;
	}

	private String sign(String method, URI uri, byte @Nullable [] body, @Nullable Map<String, String> parameters,
			@Nullable String encodedParameters, String moreEncodedParameters, long timestamp, String nonce) {
		checkHeaderSafe(nonce, "nonce");
		String host = uri.getHost();
		if (host == null) {
			throw new IllegalArgumentException("URI has no host: a Wallet API URL must be absolute");
		}
		if (!isAscii(method) || !isAscii(host)) {
			// case mapping outside ASCII can change the length: take the plain route
			return referenceAuthorization(method, uri, body, (parameters != null) ? ExtEncoding.build(parameters)
					: join(encodedParameters, moreEncodedParameters), timestamp, nonce);
		}
		String path = uri.getRawPath();
		if (path == null || path.isEmpty()) {
			path = "/";
		}
		String query = uri.getRawQuery();
		if (query != null && query.isEmpty()) {
			query = null;
		}
		int port = port(uri);
		int slot = slot();
		Workspace workspace = this.workspaces.getAndSet(slot, null);
		if (workspace == null) {
			workspace = new Workspace(newMac());
		}
		// on an exception the workspace is simply not returned to the pool
		Buffer message = workspace.message;
		// ts \n nonce \n METHOD \n request-uri \n host \n port \n ext \n: reserve the worst case of
		// the fixed part (UTF-8 takes up to 3 bytes per char), then write without further checks
		message.length = 0;
		message.ensure(40 + nonce.length() + 3 * (method.length() + path.length() + host.length()
				+ ((query != null) ? query.length() + 1 : 0)) + 146);
		byte[] out = message.bytes;
		int at = writeDigits(out, 0, timestamp);
		int tsEnd = at;
		out[at++] = '\n';
		at = writeAscii(out, at, nonce);
		out[at++] = '\n';
		at = writeCased(out, at, method, true);
		out[at++] = '\n';
		at = writeUtf8(out, at, path);
		if (query != null) {
			out[at++] = '?';
			at = writeUtf8(out, at, query);
		}
		out[at++] = '\n';
		at = writeCased(out, at, host, false);
		out[at++] = '\n';
		at = writeDigits(out, at, port);
		out[at++] = '\n';
		int extStart = at;
		if (body != null && body.length > 0) {
			at = writeBodyHash(workspace, body, out, at);
		}
		message.length = at;
		if (parameters != null) {
			putParameters(message, parameters, extStart);
		}
		else {
			putEncodedPart(message, encodedParameters, extStart);
			putEncodedPart(message, moreEncodedParameters, extStart);
		}
		message.put('\n');
		int extEnd = message.length - 1;
		out = message.bytes;

		mac(workspace, out, message.length);

		Buffer header = workspace.header;
		int extLength = extEnd - extStart;
		header.length = 0;
		header.ensure(this.headerStart.length + tsEnd + nonce.length() + extLength + 80);
		byte[] text = header.bytes;
		System.arraycopy(this.headerStart, 0, text, 0, this.headerStart.length);
		at = this.headerStart.length;
		System.arraycopy(out, 0, text, at, tsEnd);
		at += tsEnd;
		System.arraycopy(NONCE_FIELD, 0, text, at, NONCE_FIELD.length);
		at += NONCE_FIELD.length;
		at = writeAscii(text, at, nonce);
		System.arraycopy(MAC_FIELD, 0, text, at, MAC_FIELD.length);
		at += MAC_FIELD.length;
		at = writeBase64(text, at, workspace.digest, false);
		text[at++] = '"';
		if (extLength > 0) {
			System.arraycopy(EXT_FIELD, 0, text, at, EXT_FIELD.length);
			at += EXT_FIELD.length;
			System.arraycopy(out, extStart, text, at, extLength);
			at += extLength;
			text[at++] = '"';
		}
		// every byte of the header is ASCII: one copy makes the string
		String value = new String(text, 0, at, StandardCharsets.ISO_8859_1);
		if (out.length <= MAX_KEPT_BUFFER && text.length <= MAX_KEPT_BUFFER) {
			this.workspaces.lazySet(slot, workspace);
		}
		return value;
	}

	/** {@code body_hash=} and the form-encoded Base64 SHA-256 of the body; room is reserved. */
	private static int writeBodyHash(Workspace workspace, byte[] body, byte[] out, int at) {
		System.arraycopy(BODY_HASH, 0, out, at, BODY_HASH.length);
		MessageDigest sha256 = workspace.sha256();
		sha256.update(body);
		digest(sha256, workspace.digest);
		return writeBase64(out, at + BODY_HASH.length, workspace.digest, true);
	}

	/** HMAC of the signed string into {@code workspace.digest}. */
	private static void mac(Workspace workspace, byte[] message, int length) {
		Mac mac = workspace.mac;
		mac.update(message, 0, length);
		try {
			mac.doFinal(workspace.digest, 0);
		}
		catch (ShortBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int writeDigits(byte[] out, int at, long value) {
		if (value < 0) {
			return writeAscii(out, at, Long.toString(value));
		}
		int end = at + digits(value);
		long rest = value;
		int i = end;
		do {
			long next = rest / 10;
			out[--i] = (byte) ('0' + (int) (rest - next * 10));
			rest = next;
		}
		while (rest > 0);
		return end;
	}

	private static int digits(long value) {
		int digits = 1;
		for (long limit = 10; digits < 19 && value >= limit; limit *= 10) {
			digits++;
		}
		return digits;
	}

	/** Text known to be ASCII, with room for it. */
	@SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly right for ASCII
	private static int writeAscii(byte[] out, int at, String text) {
		int count = text.length();
		text.getBytes(0, count, out, at);
		return at + count;
	}

	/** Text as UTF-8, with room for three bytes per char. */
	private static int writeUtf8(byte[] out, int at, String text) {
		int count = text.length();
		for (int i = 0; i < count; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
				System.arraycopy(rest, 0, out, at, rest.length);
				return at + rest.length;
			}
			out[at++] = (byte) c;
		}
		return at;
	}

	/** ASCII text, upper- or lower-cased, with room for it. */
	private static int writeCased(byte[] out, int at, String text, boolean upper) {
		int count = text.length();
		for (int i = 0; i < count; i++) {
			char c = text.charAt(i);
			if (upper) {
				out[at + i] = (byte) ((c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c);
			}
			else {
				out[at + i] = (byte) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
			}
		}
		return at + count;
	}

	/**
	 * Standard Base64 with padding; {@code formEncoded} writes {@code + / =} as
	 * {@code %2B %2F %3D}, as {@code body_hash} needs. Room for three bytes per char.
	 */
	private static int writeBase64(byte[] out, int at, byte[] source, boolean formEncoded) {
		int full = source.length - source.length % 3;
		int i = 0;
		while (i < full) {
			int bits = (source[i] & 0xFF) << 16 | (source[i + 1] & 0xFF) << 8 | (source[i + 2] & 0xFF);
			at = writeBase64Char(out, at, BASE64_ALPHABET[(bits >>> 18) & 0x3F], formEncoded);
			at = writeBase64Char(out, at, BASE64_ALPHABET[(bits >>> 12) & 0x3F], formEncoded);
			at = writeBase64Char(out, at, BASE64_ALPHABET[(bits >>> 6) & 0x3F], formEncoded);
			at = writeBase64Char(out, at, BASE64_ALPHABET[bits & 0x3F], formEncoded);
			i += 3;
		}
		int left = source.length - full;
		if (left > 0) {
			int bits = (source[i] & 0xFF) << 16 | ((left == 2) ? (source[i + 1] & 0xFF) << 8 : 0);
			at = writeBase64Char(out, at, BASE64_ALPHABET[(bits >>> 18) & 0x3F], formEncoded);
			at = writeBase64Char(out, at, BASE64_ALPHABET[(bits >>> 12) & 0x3F], formEncoded);
			at = writeBase64Char(out, at, (left == 2) ? BASE64_ALPHABET[(bits >>> 6) & 0x3F] : (byte) '=',
					formEncoded);
			at = writeBase64Char(out, at, (byte) '=', formEncoded);
		}
		return at;
	}

	private static int writeBase64Char(byte[] out, int at, byte c, boolean formEncoded) {
		if (formEncoded && (c == '+' || c == '/' || c == '=')) {
			out[at] = '%';
			out[at + 1] = (c == '=') ? (byte) '3' : (byte) '2';
			out[at + 2] = (c == '+') ? (byte) 'B' : (c == '/') ? (byte) 'F' : (byte) 'D';
			return at + 3;
		}
		out[at] = c;
		return at + 1;
	}

	private static void putEncodedPart(Buffer message, String encoded, int extStart) {
		if (encoded.isEmpty()) {
			return;
		}
		message.ensure(encoded.length() + 2);
		if (message.length > extStart) {
			message.bytes[message.length++] = '&';
		}
		message.length = writeAscii(message.bytes, message.length, encoded);
	}

	private static void putParameters(Buffer out, Map<String, String> parameters, int extStart) {
		if (parameters.isEmpty()) {
			return;
		}
		for (Map.Entry<String, String> entry : parameters.entrySet()) {
			String value = entry.getValue();
			if (value == null) {
				continue;
			}
			if (out.length > extStart) {
				out.put('&');
			}
			putEncoded(out, entry.getKey());
			out.put('=');
			putEncoded(out, value);
		}
	}

	/** {@link ExtEncoding#appendEncoded}, written as bytes. */
	private static void putEncoded(Buffer out, String value) {
		int length = value.length();
		// ASCII takes at most 3 bytes per char (%XX): reserve that once, write with a local index
		out.ensure(3 * length);
		byte[] bytes = out.bytes;
		int at = out.length;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 128) {
				out.length = at;
				for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
					out.ensure(3);
					out.length = putEncodedByte(out.bytes, out.length, b & 0xFF);
				}
				return;
			}
			at = putEncodedByte(bytes, at, c);
		}
		out.length = at;
	}

	private static int putEncodedByte(byte[] bytes, int at, int b) {
		if (b < 128 && UNRESERVED[b]) {
			bytes[at] = (byte) b;
			return at + 1;
		}
		if (b == ' ') {
			bytes[at] = '+';
			return at + 1;
		}
		bytes[at] = '%';
		bytes[at + 1] = HEX[(b >> 4) & 0xF];
		bytes[at + 2] = HEX[b & 0xF];
		return at + 3;
	}

	private String referenceAuthorization(String method, URI uri, byte @Nullable [] body, String encodedParameters,
			long timestamp, String nonce) {
		checkHeaderSafe(nonce, "nonce");
		String ext = ext(body, encodedParameters);
		String ts = Long.toString(timestamp);
		byte[] message = MacSigner.normalizedRequestString(ts, nonce, method, uri, ext).getBytes(StandardCharsets.UTF_8);
		String mac = BASE64.encodeToString(newMac().doFinal(message));
		StringBuilder header = new StringBuilder(80 + this.macId.length() + nonce.length() + ext.length());
		header.append("MAC id=\"").append(this.macId)
			.append("\", ts=\"").append(ts)
			.append("\", nonce=\"").append(nonce)
			.append("\", mac=\"").append(mac).append('"');
		if (!ext.isEmpty()) {
			header.append(", ext=\"").append(ext).append('"');
		}
		return header.toString();
	}

	/**
	 * The string that is signed for a request, exactly as Paysera reconstructs it.
	 * @param timestamp Unix time in seconds
	 * @param nonce the nonce
	 * @param method the HTTP method
	 * @param uri the URI as sent
	 * @param ext the encoded ext value
	 * @return the normalized request string, ending with a line feed
	 */
	public static String normalizedRequestString(String timestamp, String nonce, String method, URI uri, String ext) {
		String host = uri.getHost();
		if (host == null) {
			throw new IllegalArgumentException("URI has no host: a Wallet API URL must be absolute");
		}
		String path = uri.getRawPath();
		String query = uri.getRawQuery();
		StringBuilder text = new StringBuilder(96 + ext.length() + ((path != null) ? path.length() : 0));
		text.append(timestamp).append('\n')
			.append(nonce).append('\n')
			.append(method.toUpperCase(Locale.ROOT)).append('\n')
			.append((path == null || path.isEmpty()) ? "/" : path);
		if (query != null && !query.isEmpty()) {
			text.append('?').append(query);
		}
		text.append('\n').append(host.toLowerCase(Locale.ROOT)).append('\n').append(port(uri)).append('\n')
			.append(ext).append('\n');
		return text.toString();
	}

	/**
	 * The {@code ext} value for a body and encoded routing parameters.
	 * @param body the body bytes, or {@code null}
	 * @param encodedParameters encoded routing parameters, or the empty string
	 * @return {@code body_hash=…&…}, or the empty string
	 */
	String ext(byte @Nullable [] body, String encodedParameters) {
		if (body == null || body.length == 0) {
			return encodedParameters;
		}
		StringBuilder ext = new StringBuilder(64 + encodedParameters.length());
		ext.append("body_hash=");
		byte[] hash;
		try {
			hash = MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
		for (byte b : BASE64.encode(hash)) {
			switch (b) {
				case '+' -> ext.append("%2B");
				case '/' -> ext.append("%2F");
				case '=' -> ext.append("%3D");
				default -> ext.append((char) b);
			}
		}
		if (!encodedParameters.isEmpty()) {
			ext.append('&').append(encodedParameters);
		}
		return ext.toString();
	}

	private Mac newMac() {
		try {
			return (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			try {
				Mac mac = Mac.getInstance(HMAC);
				mac.init(this.key);
				return mac;
			}
			catch (NoSuchAlgorithmException | InvalidKeyException inner) {
				throw new IllegalStateException("HmacSHA256 is not available", inner);
			}
		}
	}

	private static void digest(MessageDigest digest, byte[] into) {
		try {
			digest.digest(into, 0, into.length);
		}
		catch (java.security.DigestException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int port(URI uri) {
		int port = uri.getPort();
		if (port != -1) {
			return port;
		}
		return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
	}

	@SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
	private static int slot() {
		return (int) (Thread.currentThread().getId() & (STRIPES - 1)) * SLOT_SPACING;
	}

	private static int stripes() {
		int wanted = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
		return Integer.highestOneBit(wanted - 1) << 1;
	}

	private static void checkHeaderSafe(String value, String what) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
				throw new IllegalArgumentException(what + " contains a character that cannot appear in a MAC header "
						+ "(only printable ASCII except '\"' and '\\' is allowed)");
			}
		}
	}

	private static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public String toString() {
		return "LegacyMacSigner[key hidden]";
	}

	/**
	 * What one signature works with, owned by one thread at a time.
	 */
	private static final class Workspace {

		final Mac mac;

		private @Nullable MessageDigest sha256;

		/** The body hash, then the MAC. */
		final byte[] digest = new byte[32];

		final Buffer message = new Buffer(256);

		final Buffer header = new Buffer(256);

		Workspace(Mac mac) {
			this.mac = mac;
		}

		MessageDigest sha256() {
			MessageDigest digest = this.sha256;
			if (digest == null) {
				try {
					digest = MessageDigest.getInstance("SHA-256");
				}
				catch (NoSuchAlgorithmException ex) {
					throw new IllegalStateException("SHA-256 is not available", ex);
				}
				this.sha256 = digest;
			}
			return digest;
		}

	}

	/**
	 * A growable byte buffer.
	 */
	private static final class Buffer {

		byte[] bytes;

		int length;

		Buffer(int capacity) {
			this.bytes = new byte[capacity];
		}

		void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

		void put(char c) {
			ensure(1);
			this.bytes[this.length++] = (byte) c;
		}

		void put(byte b) {
			ensure(1);
			this.bytes[this.length++] = b;
		}

	}

}
