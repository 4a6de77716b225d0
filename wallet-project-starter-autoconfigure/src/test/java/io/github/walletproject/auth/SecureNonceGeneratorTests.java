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

/**
 * {@link SecureNonceGenerator} in milliseconds (the million-nonce run is
 * {@link SecureNonceGeneratorMillionTests}): every nonce the server sees is new, and fits the
 * MAC header.
 */
class SecureNonceGeneratorTests {

	private final SecureNonceGenerator generator = new SecureNonceGenerator();

	@Test
	void aNonceIs32CharactersOfUrlSafeBase64() {
		for (int i = 0; i < 100; i++) {
			assertThat(this.generator.nextNonce()).matches("[A-Za-z0-9_-]{32}");
		}
	}

	@Test
	void noncesFromOneThreadAndFromSeveralNeverRepeat() throws Exception {
		Set<String> seen = new HashSet<>();
		List<String> own = generate(2_000);
		seen.addAll(own);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<String>>> others = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				others.add(executor.submit(() -> generate(500)));
			}
			for (Future<List<String>> other : others) {
				seen.addAll(other.get());
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(seen).hasSize(4_000);
	}

	@Test
	void twoGeneratorsNeverShareANonce() {
		SecureNonceGenerator other = new SecureNonceGenerator();
		Set<String> seen = new HashSet<>(generate(500));
		for (int i = 0; i < 500; i++) {
			assertThat(seen.add(other.nextNonce())).isTrue();
		}
	}

	private List<String> generate(int count) {
		List<String> nonces = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			nonces.add(this.generator.nextNonce());
		}
		return nonces;
	}

}
