package io.github.walletproject.benchmarks;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.auth.CloningMacSigner;
import io.github.walletproject.auth.LegacyMacSigner;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.PooledMacSigner;
import io.github.walletproject.auth.SecureNonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * TEMPORARY, for the signer decision of issue 12: {@link SignerBenchmarks} for three signers,
 * chosen by {@code -p variant=…}: {@code legacy} (the byte-buffer fast path before the
 * rewrite), {@code cloning} (the plain rewrite: a {@code Mac} cloned per call), {@code pooled}
 * (the plain rewrite with a small striped pool of {@code Mac}s) and {@code candidate} (the
 * rewritten {@link MacSigner}: pooled {@code Mac}s and SHA-256 digests, {@code ext} in one
 * builder).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class SignerVariantsBenchmarks {

	private static final byte[] NO_BODY = new byte[0];

	@Benchmark
	public String signerGet(Signing signing) {
		return signing.signer.sign("GET", Inputs.GET_URI, NO_BODY, Inputs.GET_EXT, signing.time.timestamp(),
				signing.nonces.nextNonce());
	}

	@Benchmark
	public String signerPost(Signing signing) {
		return signing.signer.sign("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT,
				signing.time.timestamp(), signing.nonces.nextNonce());
	}

	/** One signer of each kind, behind one call. */
	interface Signer {

		String sign(String method, URI uri, byte[] body, Map<String, String> ext, long ts, String nonce);

	}

	/**
	 * The chosen signer and its inputs, shared by all threads.
	 */
	@State(Scope.Benchmark)
	public static class Signing {

		@Param({ "legacy", "cloning", "pooled", "candidate" })
		String variant;

		Signer signer;

		final SecureNonceGenerator nonces = new SecureNonceGenerator();

		final ServerTimeOffset time = new ServerTimeOffset(Clock.systemUTC());

		@Setup(Level.Trial)
		public void choose() {
			this.signer = switch (this.variant) {
				case "legacy" -> new LegacyMacSigner(Inputs.MAC_ID, Inputs.MAC_KEY)::authorization;
				case "cloning" -> new CloningMacSigner(Inputs.MAC_ID, Inputs.MAC_KEY)::authorization;
				case "candidate" -> new MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY)::authorization;
				case "pooled" -> new PooledMacSigner(Inputs.MAC_ID, Inputs.MAC_KEY)::authorization;
				default -> throw new IllegalArgumentException(this.variant);
			};
			MacSigner reference = new MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY);
			String expected = reference.authorization("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT, 1, "n");
			String actual = this.signer.sign("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT, 1, "n");
			if (!expected.equals(actual)) {
				throw new IllegalStateException(this.variant + " signs differently: " + actual);
			}
		}

	}

}
