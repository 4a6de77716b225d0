package io.github.walletproject.callback;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Checks a callback's {@code sign}: RSA PKCS#1 v1.5 with SHA-256 over the exact bytes of
 * {@code event} as sent (percent-decoded, never re-encoded), with Paysera's key. When the signature does not verify, the key is
 * fetched again (at most once per interval) and tried once more, so that a rotated key is
 * picked up.
 */
final class CallbackSignatureVerifier {

	private final CallbackPublicKey keys;

	CallbackSignatureVerifier(CallbackPublicKey keys) {
		this.keys = keys;
	}

	/**
	 * Verify one callback.
	 * @param event the {@code event} field's bytes as sent
	 * @param sign the {@code sign} field as received
	 * @return the result
	 * @throws CallbackPublicKey.KeyUnavailableException when no key can be had
	 */
	Result verify(byte[] event, String sign) {
		byte[] signature;
		try {
			// line breaks are allowed (PEM-style wrapping); any other character outside Base64 is not
			signature = Base64.getDecoder().decode(sign.replaceAll("[\\r\\n]", ""));
		}
		catch (IllegalArgumentException ex) {
			return Result.BAD_BASE64;
		}
		if (signature.length == 0) {
			return Result.BAD_BASE64;
		}
		byte[] data = event;
		if (verifies(data, signature, this.keys.current())) {
			return Result.VALID;
		}
		PublicKey refreshed = this.keys.refreshed();
		return (refreshed != null && verifies(data, signature, refreshed)) ? Result.VALID : Result.INVALID;
	}

	private static boolean verifies(byte[] data, byte[] signature, @Nullable PublicKey key) {
		if (key == null) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance("SHA256withRSA");
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			// a signature of the wrong length or a key that is not RSA: not valid
			return false;
		}
	}

	enum Result {

		VALID, BAD_BASE64, INVALID

	}

}
