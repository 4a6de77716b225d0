package io.github.walletproject.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
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

	private static final Base64.Encoder BASE64 = Base64.getEncoder();

	/** SHA-256 digests for body hashes; they hold no key, so all signers share them. */
	private static final Pool<MessageDigest> SHA256 = new Pool<>(MacSigner::newSha256);

	private final String macId;

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
		return authorization(method, uri, body, ExtEncoding.build(extParameters), timestamp, nonce);
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
		return authorization(method, uri, body, join(encodedParameters, moreEncodedParameters), timestamp, nonce);
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
		String ts = Long.toString(timestamp);
		String ext = ext(body, encodedParameters);
		String mac = hmac(normalizedRequestString(ts, nonce, method, uri, ext));
		String extStart = ext.isEmpty() ? "" : ", ext=\"";
		String extEnd = ext.isEmpty() ? "" : "\"";
		return "MAC id=\"" + this.macId + "\", ts=\"" + ts + "\", nonce=\"" + nonce + "\", mac=\"" + mac + '"' + extStart
				+ ext + extEnd;
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
		if (path == null || path.isEmpty()) {
			path = "/";
		}
		String query = (uri.getRawQuery() != null) ? uri.getRawQuery() : "";
		String questionMark = query.isEmpty() ? "" : "?";
		return timestamp + '\n' + nonce + '\n' + method.toUpperCase(Locale.ROOT) + '\n' + path + questionMark + query
				+ '\n' + host.toLowerCase(Locale.ROOT) + '\n' + port(uri) + '\n' + ext + '\n';
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
		MessageDigest sha256 = SHA256.take();
		byte[] hash = sha256.digest(body);
		SHA256.give(sha256);
		StringBuilder ext = new StringBuilder(64 + encodedParameters.length()).append("body_hash=");
		ExtEncoding.appendEncoded(ext, BASE64.encodeToString(hash));
		if (!encodedParameters.isEmpty()) {
			ext.append('&').append(encodedParameters);
		}
		return ext.toString();
	}

	private String hmac(String signed) {
		Mac mac = this.macs.take();
		byte[] digest = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
		this.macs.give(mac);
		return BASE64.encodeToString(digest);
	}

	private static String join(String first, String second) {
		if (second.isEmpty()) {
			return first;
		}
		return first.isEmpty() ? second : first + '&' + second;
	}

	private static int port(URI uri) {
		int port = uri.getPort();
		if (port != -1) {
			return port;
		}
		return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
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

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "MacSigner[key hidden]";
	}

}
