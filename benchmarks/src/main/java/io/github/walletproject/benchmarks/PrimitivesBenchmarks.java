package io.github.walletproject.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.walletproject.auth.MacSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The floor: only the cryptography a signature cannot do without, on the same inputs, with
 * every object and buffer reused — the random bytes of one nonce from a DRBG of this
 * thread's own (the generator the signer's nonce source uses), SHA-256 of the body (POST),
 * HMAC-SHA256 of the normalized request string with a reused {@link Mac}, and Base64 of the
 * hash and the MAC. No string is built, no header assembled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class PrimitivesBenchmarks {

	@Benchmark
	public void floorGet(Crypto crypto, Blackhole blackhole) throws GeneralSecurityException {
		crypto.random.nextBytes(crypto.nonce);
		crypto.mac.update(crypto.getMessage);
		crypto.mac.doFinal(crypto.macBytes, 0);
		blackhole.consume(crypto.base64.encode(crypto.macBytes, crypto.macText));
		blackhole.consume(crypto.nonce);
	}

	@Benchmark
	public void floorPost(Crypto crypto, Blackhole blackhole) throws GeneralSecurityException {
		crypto.random.nextBytes(crypto.nonce);
		crypto.sha256.update(Inputs.POST_BODY);
		crypto.sha256.digest(crypto.hash, 0, crypto.hash.length);
		blackhole.consume(crypto.base64.encode(crypto.hash, crypto.hashText));
		crypto.mac.update(crypto.postMessage);
		crypto.mac.doFinal(crypto.macBytes, 0);
		blackhole.consume(crypto.base64.encode(crypto.macBytes, crypto.macText));
		blackhole.consume(crypto.nonce);
	}

	/**
	 * One thread's crypto objects and buffers.
	 */
	@State(Scope.Thread)
	public static class Crypto {

		SecureRandom random;

		Mac mac;

		MessageDigest sha256;

		final Base64.Encoder base64 = Base64.getEncoder();

		final byte[] nonce = new byte[24];

		final byte[] hash = new byte[32];

		final byte[] macBytes = new byte[32];

		final byte[] hashText = new byte[44];

		final byte[] macText = new byte[44];

		byte[] getMessage;

		byte[] postMessage;

		@Setup(Level.Trial)
		public void create() throws GeneralSecurityException {
			this.random = SecureRandom.getInstance("DRBG");
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(Inputs.MAC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			this.sha256 = MessageDigest.getInstance("SHA-256");
			// the exact strings a signer MACs for these requests (with a typical ts and 32-char nonce)
			String ts = "1700000000";
			String nonce = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm";
			String bodyHash = java.net.URLEncoder.encode(
					Base64.getEncoder().encodeToString(this.sha256.digest(Inputs.POST_BODY)), StandardCharsets.UTF_8);
			this.getMessage = MacSigner.normalizedRequestString(ts, nonce, "GET", Inputs.GET_URI, "project_id=1221")
				.getBytes(StandardCharsets.UTF_8);
			this.postMessage = MacSigner
				.normalizedRequestString(ts, nonce, "POST", Inputs.POST_URI,
						"body_hash=" + bodyHash + "&project_id=1221&location_id=77")
				.getBytes(StandardCharsets.UTF_8);
		}

	}

}
