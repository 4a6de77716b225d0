package io.github.walletproject.benchmarks;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.SecureNonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The whole {@code Authorization} header, as the client interceptor produces it for each
 * attempt: a fresh timestamp (clock plus server offset) and nonce from the default
 * {@link SecureNonceGenerator}, then {@link MacSigner#authorization} with the routing
 * parameters as a map. One signer and one nonce generator are shared by all threads, as in an
 * application.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class SignerBenchmarks {

	private static final byte[] NO_BODY = new byte[0];

	@Benchmark
	public String signerGet(Signing signing) {
		return signing.signer.authorization("GET", Inputs.GET_URI, NO_BODY, Inputs.GET_EXT, signing.time.timestamp(),
				signing.nonces.nextNonce());
	}

	@Benchmark
	public String signerPost(Signing signing) {
		return signing.signer.authorization("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT,
				signing.time.timestamp(), signing.nonces.nextNonce());
	}

	/**
	 * The signer and its inputs, shared by all threads.
	 */
	@State(Scope.Benchmark)
	public static class Signing {

		final MacSigner signer = new MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY);

		final SecureNonceGenerator nonces = new SecureNonceGenerator();

		final ServerTimeOffset time = new ServerTimeOffset(Clock.systemUTC());

	}

}
