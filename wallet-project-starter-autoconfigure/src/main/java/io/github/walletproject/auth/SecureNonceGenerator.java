package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The default {@link NonceGenerator}: 32 characters of URL-safe Base64 over 24 bytes (192
 * bits) from a CSPRNG.
 * <p>
 * A single shared {@link SecureRandom} serializes all callers; this generator keeps a small
 * array of independent DRBG instances and picks one by thread id, so two threads rarely
 * contend. It works the same on platform and virtual threads (no thread-locals).
 */
public final class SecureNonceGenerator implements NonceGenerator {

	private static final int NONCE_BYTES = 24;

	private static final int NONCE_CHARS = 32;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom[] stripes;

	private final int mask;

	/** The random bytes and their Base64, reused: the nonce string is the only object made. */
	private final Pool<Scratch> scratch = new Pool<>(Scratch::new);

	/** Create a generator with one DRBG per two processors' worth of threads. */
	public SecureNonceGenerator() {
		int wanted = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
		int size = Integer.highestOneBit(wanted - 1) << 1;
		this.stripes = new SecureRandom[size];
		for (int i = 0; i < size; i++) {
			this.stripes[i] = newRandom();
		}
		this.mask = size - 1;
	}

	@Override
	@SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
	public String nextNonce() {
		Scratch scratch = this.scratch.take();
		this.stripes[(int) (Thread.currentThread().getId() & this.mask)].nextBytes(scratch.random);
		ENCODER.encode(scratch.random, scratch.text);
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

	/** One nonce's working arrays. */
	private static final class Scratch {

		final byte[] random = new byte[NONCE_BYTES];

		final byte[] text = new byte[NONCE_CHARS];

	}

	@Override
	public String toString() {
		return "SecureNonceGenerator[DRBG x" + this.stripes.length + "]";
	}

}
