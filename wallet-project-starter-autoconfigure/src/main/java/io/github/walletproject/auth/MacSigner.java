package io.github.walletproject.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Paysera Wallet API MAC signer: a pure function from a request and its timestamp and nonce
 * to the value of the {@code Authorization} header.
 * <p>
 * The rules, in the order of the protocol:
 * <ol>
 * <li>{@code ext}: {@code body_hash} = Base64(SHA-256(body)) when the body has at least one
 * byte, then the routing parameters in the caller's order, all form-encoded
 * ({@link ExtEncoding});</li>
 * <li>the signed string ({@link #normalizedRequestString}): {@code ts, nonce, METHOD,
 * request-uri, host, port, ext}, each followed by a line feed;</li>
 * <li>{@code mac} = Base64(HMAC-SHA256(key = the MAC key's UTF-8 bytes, message = the UTF-8
 * bytes of the signed string));</li>
 * <li>the header: {@code MAC id="…", ts="…", nonce="…", mac="…"}, then {@code , ext="…"}
 * unless {@code ext} is empty.</li>
 * </ol>
 * Instances are immutable and thread-safe (a signature borrows a keyed {@link Mac} of its own
 * from a small pool). The key never leaves this object: it is not returned, printed by
 * {@link #toString()} or put into exception messages.
 */
public final class MacSigner {

	private static final String HMAC_SHA256 = "HmacSHA256";

	private static final byte[] NONCE_FIELD = "\", nonce=\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MAC_FIELD = "\", mac=\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EXT_FIELD = ", ext=\"".getBytes(StandardCharsets.US_ASCII);

	/** Working memory of signatures; it holds no key, so all signers share it. */
	private static final Pool<SigningBuffer> BUFFERS = new Pool<>(() -> new SigningBuffer(512));

	private final String macId;

	/** {@code MAC id="<id>", ts="}: the header's start, the same for every signature. */
	private final byte[] headerStart;

	/** HMAC-SHA256 instances keyed with the MAC key. */
	private final Pool<Mac> macs;

	/**
	 * Create a signer.
	 * @param macId the MAC id: a client id or an access token
	 * @param macKey the MAC key, used as the UTF-8 bytes of this string (never Base64-decoded)
	 */
	public MacSigner(String macId, String macKey) {
		Assert.hasLength(macId, "MAC id must not be empty");
		Assert.hasLength(macKey, "MAC key must not be empty");
		checkHeaderSafe(macId, "MAC id");
		this.macId = macId;
		this.headerStart = ("MAC id=\"" + macId + "\", ts=\"").getBytes(StandardCharsets.US_ASCII);
		SecretKeySpec key = new SecretKeySpec(macKey.getBytes(StandardCharsets.UTF_8), HMAC_SHA256);
		this.macs = new Pool<>(() -> newMac(key));
		this.macs.give(this.macs.take()); // fail here, not on the first request, if HmacSHA256 is missing
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
		return sign(method, uri, body, "", "", extParameters, timestamp, nonce);
	}

	/**
	 * Like {@link #authorization(String, URI, byte[], String, long, String)} with the encoded
	 * routing parameters in two parts, joined with {@code &}.
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
		return sign(method, uri, body, encodedParameters, moreEncodedParameters, null, timestamp, nonce);
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
		return sign(method, uri, body, encodedParameters, "", null, timestamp, nonce);
	}

	/**
	 * The protocol, once: the signed string, its MAC and the header are written one after
	 * the other into a borrowed {@link SigningBuffer}; the header is the only object made
	 * (apart from what the JDK's HMAC makes inside).
	 */
	private String sign(String method, URI uri, byte @Nullable [] body, String encodedParameters,
			String moreEncodedParameters, @Nullable Map<String, String> parameters, long timestamp, String nonce) {
		SigningBuffer out = BUFFERS.take().reset();
		// 1 + 2: the signed string, with ext in its place
		int timestampEnd = out.digits(timestamp).length();
		int nonceStart = out.ascii('\n').length();
		int nonceEnd = out.text(nonce).length();
		checkHeaderSafe(out.array(), nonceStart, nonceEnd, "nonce");
		writeRequest(out.ascii('\n'), method, uri);
		int extStart = out.length();
		writeExt(out, body, encodedParameters, moreEncodedParameters, parameters);
		int extEnd = out.length();
		out.ascii('\n');
		// 3: mac
		Mac mac = this.macs.take();
		mac.update(out.array(), 0, out.length());
		try {
			mac.doFinal(out.digest(), 0);
		}
		catch (ShortBufferException ex) {
			throw new IllegalStateException("HmacSHA256 does not fit 32 bytes", ex);
		}
		this.macs.give(mac);
		out.encodeDigest();
		// 4: the header
		int headerStart = out.length();
		out.bytes(this.headerStart).copy(0, timestampEnd).bytes(NONCE_FIELD).copy(nonceStart, nonceEnd).bytes(MAC_FIELD)
			.bytes(out.base64()).ascii('"');
		if (extEnd > extStart) {
			out.bytes(EXT_FIELD).copy(extStart, extEnd).ascii('"');
		}
		String header = out.toString(headerStart, out.length());
		if (out.reusable()) {
			BUFFERS.give(out);
		}
		return header;
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
		SigningBuffer out = new SigningBuffer(256);
		out.text(timestamp).ascii('\n').text(nonce).ascii('\n');
		writeRequest(out, method, uri);
		out.text(ext).ascii('\n');
		return out.toString(0, out.length());
	}

	/**
	 * The lines of the signed string between the nonce and {@code ext}: method, request-uri,
	 * host and port, each followed by a line feed.
	 */
	private static void writeRequest(SigningBuffer out, String method, URI uri) {
		String host = uri.getHost();
		if (host == null) {
			throw new IllegalArgumentException("URI has no host: a Wallet API URL must be absolute");
		}
		String path = uri.getRawPath();
		if (path == null || path.isEmpty()) {
			path = "/";
		}
		String query = uri.getRawQuery();
		out.text(method, true).ascii('\n').text(path);
		if (query != null && !query.isEmpty()) {
			out.ascii('?').text(query);
		}
		out.ascii('\n').text(host, false).ascii('\n').digits(port(uri)).ascii('\n');
	}

	/**
	 * Write {@code ext}: {@code body_hash} for a body of at least one byte, then the encoded
	 * parameters, then those of the map, joined with {@code &}.
	 */
	private static void writeExt(SigningBuffer out, byte @Nullable [] body, String encodedParameters,
			String moreEncodedParameters, @Nullable Map<String, String> parameters) {
		out.startParameters();
		if (body != null && body.length > 0) {
			out.hashBase64(body);
			out.text("body_hash=");
			ExtEncoding.encodeInto(out, out.base64(), 0, out.base64().length);
		}
		if (!encodedParameters.isEmpty()) {
			out.separateParameter();
			out.text(encodedParameters);
		}
		if (!moreEncodedParameters.isEmpty()) {
			out.separateParameter();
			out.text(moreEncodedParameters);
		}
		if (parameters != null) {
			parameters.forEach(out.parameters);
		}
	}

	/**
	 * The {@code ext} value for a body and encoded routing parameters.
	 * @param body the body bytes, or {@code null}
	 * @param encodedParameters encoded routing parameters, or the empty string
	 * @return {@code body_hash=…&…}, or the empty string
	 */
	String ext(byte @Nullable [] body, String encodedParameters) {
		SigningBuffer out = new SigningBuffer(128);
		writeExt(out, body, encodedParameters, "", null);
		return out.toString(0, out.length());
	}

	private static int port(URI uri) {
		int port = uri.getPort();
		if (port != -1) {
			return port;
		}
		return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
	}

	private static void checkHeaderSafe(String value, String what) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		checkHeaderSafe(bytes, 0, bytes.length, what);
	}

	/** The UTF-8 bytes of a header value: any byte of a non-ASCII character is negative. */
	private static void checkHeaderSafe(byte[] bytes, int from, int to, String what) {
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b < 0x20 || b > 0x7E || b == '"' || b == '\\') {
				throw new IllegalArgumentException(what + " contains a character that cannot appear in a MAC header "
						+ "(only printable ASCII except '\"' and '\\' is allowed)");
			}
		}
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(HMAC_SHA256);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "MacSigner[key hidden]";
	}

}
