package io.github.walletproject.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A million nonces from {@link SecureNonceGenerator} — from the calling thread and from a few
 * others, which use other DRBG stripes — contain no duplicate, and every one is 32 characters
 * of URL-safe Base64 (no padding), which also keeps it inside the characters a MAC header
 * allows.
 */
class SecureNonceGeneratorMillionTests {

	private static final int TOTAL = 1_000_000;

	private static final int THREADS = 4;

	@Test
	void aMillionNoncesHaveNoDuplicateAndUseTheAllowedAlphabetAndLength() throws Exception {
		SecureNonceGenerator generator = new SecureNonceGenerator();
		List<String[]> batches = new ArrayList<>();
		batches.add(generate(generator, TOTAL / 2));
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<String[]>> futures = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				futures.add(executor.submit(() -> generate(generator, TOTAL / 2 / THREADS)));
			}
			for (Future<String[]> future : futures) {
				batches.add(future.get());
			}
		}
		finally {
			executor.shutdownNow();
		}

		Set<String> seen = new HashSet<>(TOTAL * 2);
		int count = 0;
		for (String[] batch : batches) {
			for (String nonce : batch) {
				assertAllowed(nonce);
				if (!seen.add(nonce)) {
					fail("duplicate nonce after %d nonces: %s", count, nonce);
				}
				count++;
			}
		}
		assertThat(count).isEqualTo(TOTAL);
		assertThat(seen).hasSize(TOTAL);
	}

	private static String[] generate(NonceGenerator generator, int count) {
		String[] nonces = new String[count];
		for (int i = 0; i < count; i++) {
			nonces[i] = generator.nextNonce();
		}
		return nonces;
	}

	private static void assertAllowed(String nonce) {
		if (nonce == null || nonce.length() != 32) {
			fail("nonce is not 32 characters long: %s", nonce);
		}
		for (int i = 0; i < nonce.length(); i++) {
			char c = nonce.charAt(i);
			boolean urlSafeBase64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!urlSafeBase64) {
				fail("nonce has a character outside URL-safe Base64 at %d: %s", i, nonce);
			}
		}
	}

	@Test
	void checkRejectsWhatItShould() {
		assertAllowed("abcdefghijklmnopqrstuvwxyzAB-_09");
		for (String bad : new String[] { "abc", "abcdefghijklmnopqrstuvwxyzAB-_0+", "abcdefghijklmnopqrstuvwxyzAB-_0/",
				"abcdefghijklmnopqrstuvwxyzAB-_0=", "abcdefghijklmnopqrstuvwxyzAB-_09x" }) {
			org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertAllowed(bad));
		}
	}

}
