package io.github.walletproject.benchmarks;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.auth.SecureNonceGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Nonce generation, meant to be run with 1 and with 2 threads: the starter's
 * {@link SecureNonceGenerator} (shared by all threads, as in an application) against the
 * naive alternative, one {@code SecureRandom} DRBG shared by every thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class NonceBenchmarks {

	@Benchmark
	public String nonceGenerator(Nonces nonces) {
		return nonces.generator.nextNonce();
	}

	@Benchmark
	public String nonceSharedDrbg(Nonces nonces) {
		byte[] bytes = new byte[24];
		nonces.shared.nextBytes(bytes);
		return Nonces.ENCODER.encodeToString(bytes);
	}

	/**
	 * The generators, shared by all threads.
	 */
	@State(Scope.Benchmark)
	public static class Nonces {

		static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

		final SecureNonceGenerator generator = new SecureNonceGenerator();

		final SecureRandom shared;

		public Nonces() {
			try {
				this.shared = SecureRandom.getInstance("DRBG");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
