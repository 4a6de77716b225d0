package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The default {@link NonceGenerator}: 32 characters of URL-safe Base64 over 24 bytes (192
 * bits) from a CSPRNG.
 * <p>
 * A single shared {@link SecureRandom} serializes all callers; this generator keeps
 * independent DRBG instances in a small pool, each with the arrays it writes, so a DRBG
 * serves one thread at a time and two threads share nothing they write. A DRBG is made (and
 * seeded) by the first thread that finds none waiting; after that, the pool holds about one
 * per thread that makes nonces at the same moment. It works the same on platform and
 * virtual threads (no thread-locals).
 */
public final class SecureNonceGenerator implements NonceGenerator {

	private static final int NONCE_BYTES = 24;

	private static final int NONCE_CHARS = 32;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/** A DRBG with the random bytes and their Base64: the nonce string is the only object made. */
	private final Pool<Scratch> scratch = new Pool<>(Scratch::new);

	/** Create a generator; its first DRBG is made here. */
	public SecureNonceGenerator() {
		this.scratch.give(this.scratch.take());
	}

	@Override
	public String nextNonce() {
		Scratch scratch = this.scratch.take();
		scratch.random.nextBytes(scratch.bytes);
		ENCODER.encode(scratch.bytes, scratch.text);
		String nonce = new String(scratch.text, StandardCharsets.ISO_8859_1);
		this.scratch.give(scratch);
		return nonce;
	}

	private static SecureRandom newRandom() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	}

	/** One DRBG and the working arrays of its nonces. */
	private static final class Scratch {

		final SecureRandom random = newRandom();

		final byte[] bytes = new byte[NONCE_BYTES];

		final byte[] text = new byte[NONCE_CHARS];

	}

	@Override
	public String toString() {
		return "SecureNonceGenerator[pooled DRBGs]";
	}

}
