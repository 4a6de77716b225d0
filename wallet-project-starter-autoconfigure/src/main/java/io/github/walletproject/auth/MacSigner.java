package io.github.walletproject.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
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
 */
public final class MacSigner {

	private static final String HMAC = "HmacSHA256";

	private static final int STRIPES = stripes();

	private static final Base64.Encoder BASE64 = Base64.getEncoder();

	private final String macId;

	private final SecretKeySpec key;

	private final Mac prototype;

	private final AtomicReferenceArray<Mac> macs = new AtomicReferenceArray<>(STRIPES);

	private final AtomicReferenceArray<MessageDigest> digests = new AtomicReferenceArray<>(STRIPES);

	/**
	 * Create a signer.
	 * @param macId the MAC id: a client id or an access token
	 * @param macKey the MAC key, used as the UTF-8 bytes of this string (never Base64-decoded)
	 */
	public MacSigner(String macId, String macKey) {
		if (macId == null || macId.isEmpty()) {
			throw new IllegalArgumentException("MAC id must not be empty");
		}
		if (macKey == null || macKey.isEmpty()) {
			throw new IllegalArgumentException("MAC key must not be empty");
		}
		checkHeaderSafe(macId, "MAC id");
		this.macId = macId;
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
		return authorization(method, uri, body, ExtEncoding.build(extParameters), timestamp, nonce);
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
		checkHeaderSafe(nonce, "nonce");
		String ext = ext(body, encodedParameters);
		String ts = Long.toString(timestamp);
		String mac = mac(ts, nonce, method, uri, ext);
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
		StringBuilder text = new StringBuilder(96 + ext.length() + path.length());
		text.append(timestamp).append('\n')
			.append(nonce).append('\n')
			.append(method.toUpperCase(Locale.ROOT)).append('\n')
			.append(path.isEmpty() ? "/" : path);
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
		appendEncodedBase64(ext, sha256(body));
		if (!encodedParameters.isEmpty()) {
			ext.append('&').append(encodedParameters);
		}
		return ext.toString();
	}

	private String mac(String ts, String nonce, String method, URI uri, String ext) {
		byte[] message = normalizedRequestString(ts, nonce, method, uri, ext).getBytes(StandardCharsets.UTF_8);
		int slot = slot();
		Mac mac = this.macs.getAndSet(slot, null);
		if (mac == null) {
			mac = newMac();
		}
		byte[] result = mac.doFinal(message);
		this.macs.lazySet(slot, mac);
		return BASE64.encodeToString(result);
	}

	private byte[] sha256(byte[] body) {
		int slot = slot();
		MessageDigest digest = this.digests.getAndSet(slot, null);
		if (digest == null) {
			try {
				digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is not available", ex);
			}
		}
		byte[] hash = digest.digest(body);
		this.digests.lazySet(slot, digest);
		return hash;
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

	private static void appendEncodedBase64(StringBuilder out, byte[] hash) {
		byte[] base64 = BASE64.encode(hash);
		for (byte b : base64) {
			switch (b) {
				case '+' -> out.append("%2B");
				case '/' -> out.append("%2F");
				case '=' -> out.append("%3D");
				default -> out.append((char) b);
			}
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
		return (int) (Thread.currentThread().getId() & (STRIPES - 1));
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

	@Override
	public String toString() {
		return "MacSigner[key hidden]";
	}

}
