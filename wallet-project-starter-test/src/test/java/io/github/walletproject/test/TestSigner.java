package io.github.walletproject.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small Paysera MAC signer written for these tests only, straight from the protocol notes
 * (the test module does not depend on the starter's signer). {@link #header} signs whatever
 * {@code ext} it is given verbatim, so tests can build correctly-signed headers that break one
 * rule at a time.
 */
final class TestSigner {

	private TestSigner() {
	}

	/**
	 * A correct header: {@code body_hash} first when the body has a byte, then the already
	 * encoded routing parameters.
	 */
	static String sign(String id, String key, String method, String requestUri, String host, int port, byte[] body,
			String encodedParameters, long ts, String nonce) {
		String ext = encodedParameters;
		if (body != null && body.length > 0) {
			ext = "body_hash=" + bodyHash(body) + (encodedParameters.isEmpty() ? "" : "&" + encodedParameters);
		}
		return header(id, key, Long.toString(ts), nonce, method, requestUri, host, port, ext, false);
	}

	/**
	 * A header over exactly the given {@code ext}; {@code ext} is left out when empty unless
	 * {@code forceExt}.
	 */
	static String header(String id, String key, String ts, String nonce, String method, String requestUri, String host,
			int port, String ext, boolean forceExt) {
		String mac = mac(key, ts + "\n" + nonce + "\n" + method + "\n" + requestUri + "\n" + host + "\n" + port + "\n"
				+ ext + "\n");
		String header = "MAC id=\"" + id + "\", ts=\"" + ts + "\", nonce=\"" + nonce + "\", mac=\"" + mac + "\"";
		return (ext.isEmpty() && !forceExt) ? header : header + ", ext=\"" + ext + "\"";
	}

	/** Base64(SHA-256(body)), form-encoded ({@code +}, {@code /} and {@code =} escaped). */
	static String bodyHash(byte[] body) {
		try {
			String base64 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
			return base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String mac(String key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
