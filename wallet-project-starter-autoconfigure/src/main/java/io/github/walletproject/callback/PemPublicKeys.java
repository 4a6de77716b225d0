package io.github.walletproject.callback;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads an RSA public key from PEM text: a {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo)
 * or a {@code CERTIFICATE}, the forms OpenSSL (and so Paysera's PHP client) accepts.
 */
final class PemPublicKeys {

	private PemPublicKeys() {
	}

	static PublicKey parse(String pem) {
		String text = pem.trim();
		try {
			if (text.contains("-----BEGIN CERTIFICATE-----")) {
				return CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(body(text, "CERTIFICATE")))
					.getPublicKey();
			}
			if (text.contains("-----BEGIN PUBLIC KEY-----")) {
				return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(text, "PUBLIC KEY")));
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a valid RSA public key (" + ex.getClass().getSimpleName() + ")", ex);
		}
		throw new IllegalArgumentException("no PEM 'PUBLIC KEY' or 'CERTIFICATE' block found");
	}

	private static byte[] body(String text, String label) {
		String begin = "-----BEGIN " + label + "-----";
		String end = "-----END " + label + "-----";
		int start = text.indexOf(begin) + begin.length();
		int stop = text.indexOf(end, start);
		if (stop < 0) {
			throw new IllegalArgumentException("PEM block '" + label + "' has no end line");
		}
		return Base64.getMimeDecoder().decode(text.substring(start, stop));
	}

}
