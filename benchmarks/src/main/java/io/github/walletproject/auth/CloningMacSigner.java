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
 * TEMPORARY, for measuring only: the plain MacSigner rewrite with a Mac cloned per call.
 * <p>
 * Paysera Wallet API MAC signer: a pure function from a request and its timestamp and nonce
 * to the value of the {@code Authorization} header.
 * <p>
 * The rules, in the order of the protocol:
 * <ol>
 * <li>{@code ext}: {@code body_hash} = Base64(SHA-256(body)) when the body has at least one
 * byte, then the routing parameters in the caller's order, form-encoded
 * ({@link ExtEncoding});</li>
 * <li>the signed string ({@link #normalizedRequestString}): {@code ts, nonce, METHOD,
 * request-uri, host, port, ext}, each followed by a line feed;</li>
 * <li>{@code mac} = Base64(HMAC-SHA256(key = the MAC key's UTF-8 bytes, message = the UTF-8
 * bytes of the signed string));</li>
 * <li>the header: {@code MAC id="…", ts="…", nonce="…", mac="…"} and {@code , ext="…"} when
 * {@code ext} is not empty.</li>
 * </ol>
 * Instances are immutable and thread-safe: each signature works on its own copy of a keyed
 * {@link Mac}. The key never leaves this object: it is not returned, printed by
 * {@link #toString()} or put into exception messages.
 */
public final class CloningMacSigner {

	private static final String HMAC_SHA256 = "HmacSHA256";

	private final String macId;

	/** Keyed once; never used itself, only cloned (a {@code Mac} is not thread-safe). */
	private final Mac keyedMac;

	/**
	 * Create a signer.
	 * @param macId the MAC id: a client id or an access token
	 * @param macKey the MAC key, used as the UTF-8 bytes of this string (never Base64-decoded)
	 */
	public CloningMacSigner(String macId, String macKey) {
		Assert.hasLength(macId, "MAC id must not be empty");
		Assert.hasLength(macKey, "MAC key must not be empty");
		checkHeaderSafe(macId, "MAC id");
		this.macId = macId;
		try {
			this.keyedMac = Mac.getInstance(HMAC_SHA256);
			this.keyedMac.init(new SecretKeySpec(macKey.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
		}
		catch (GeneralSecurityException ex) {
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
		String ts = Long.toString(timestamp);
		String ext = ext(body, encodedParameters);
		byte[] signed = normalizedRequestString(ts, nonce, method, uri, ext).getBytes(StandardCharsets.UTF_8);
		String mac = Base64.getEncoder().encodeToString(((Mac) copy(this.keyedMac)).doFinal(signed));
		String header = "MAC id=\"" + this.macId + "\", ts=\"" + ts + "\", nonce=\"" + nonce + "\", mac=\"" + mac + "\"";
		return ext.isEmpty() ? header : header + ", ext=\"" + ext + "\"";
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
		String requestUri = ((path == null || path.isEmpty()) ? "/" : path)
				+ ((query == null || query.isEmpty()) ? "" : "?" + query);
		return timestamp + '\n' + nonce + '\n' + method.toUpperCase(Locale.ROOT) + '\n' + requestUri + '\n'
				+ host.toLowerCase(Locale.ROOT) + '\n' + port(uri) + '\n' + ext + '\n';
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
		String bodyHash = "body_hash=" + ExtEncoding.encode(Base64.getEncoder().encodeToString(sha256(body)));
		return join(bodyHash, encodedParameters);
	}

	private static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static Object copy(Mac prototype) {
		try {
			return prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 of this JDK cannot be copied", ex);
		}
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

	@Override
	public String toString() {
		return "CloningMacSigner[key hidden]";
	}

}
