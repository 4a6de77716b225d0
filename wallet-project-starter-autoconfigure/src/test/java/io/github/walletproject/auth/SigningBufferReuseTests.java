package io.github.walletproject.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link MacSigner} writes every signature into a {@link SigningBuffer} it reuses: nothing
 * of an earlier request may reach a later signature. Each expected header here is built by
 * hand from the protocol notes with the JDK's {@code Mac} and {@code Base64}, not with the
 * signer's own code.
 */
class SigningBufferReuseTests {

	private static final String ID = "wkVd93h2uS";

	private static final String KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU";

	private static final long TS = 1343818800L;

	private static final String NONCE = "nQnNaSNyubfPErjRO55yaaEYo9YZfKHN";

	private final MacSigner signer = new MacSigner(ID, KEY);

	/** The short GET of the tests: signed string and header written out by hand. */
	private static final String SHORT_SIGNED = "1343818800\n" + NONCE + "\nGET\n/rest/v1/server\nwallet.paysera.com\n443\n"
			+ "project_id=1\n";

	private static final String SHORT_HEADER_START = "MAC id=\"wkVd93h2uS\", ts=\"1343818800\", nonce=\"" + NONCE
			+ "\", mac=\"";

	@Test
	void aShortRequestAfterALongOneSignsExactlyItsOwnBytes() throws Exception {
		URI longUri = URI.create("https://wallet.paysera.com/rest/v1/" + "segment/".repeat(40) + "end?q="
				+ "x".repeat(300));
		byte[] longBody = ("{\"text\":\"" + "y".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
		Map<String, String> longExt = new LinkedHashMap<>();
		longExt.put("project_id", "1221");
		longExt.put("location_id", "77 & more ".repeat(30));
		String first = this.signer.authorization("POST", longUri, longBody, longExt, TS + 12345, "n".repeat(64));
		assertThat(first).contains("ext=\"body_hash=");

		String second = this.signer.authorization("GET", URI.create("https://wallet.paysera.com/rest/v1/server"), null,
				Map.of("project_id", "1"), TS, NONCE);

		assertThat(second).isEqualTo(SHORT_HEADER_START + hmac(SHORT_SIGNED) + "\", ext=\"project_id=1\"");
	}

	@Test
	void aRequestWithoutExtAfterOneWithExtHasNoExt() throws Exception {
		URI uri = URI.create("https://wallet.paysera.com/rest/v1/server");
		this.signer.authorization("POST", uri, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "project_id=1221",
				"location_id=77", TS, NONCE);

		String header = this.signer.authorization("GET", uri, new byte[0], "", "", TS, NONCE);

		String signed = "1343818800\n" + NONCE + "\nGET\n/rest/v1/server\nwallet.paysera.com\n443\n\n";
		assertThat(header).isEqualTo(SHORT_HEADER_START + hmac(signed) + "\"");
	}

	@Test
	void aBufferThatGrewPastTheLimitIsNotKeptAndTheNextSignatureIsRight() throws Exception {
		URI huge = URI.create("https://wallet.paysera.com/rest/v1/x?q=" + "z".repeat(3 * SigningBuffer.KEEP_AT_MOST));
		this.signer.authorization("GET", huge, null, "project_id=1", TS, NONCE);

		String header = this.signer.authorization("GET", URI.create("https://wallet.paysera.com/rest/v1/server"), null,
				"project_id=1", TS, NONCE);

		assertThat(header).isEqualTo(SHORT_HEADER_START + hmac(SHORT_SIGNED) + "\", ext=\"project_id=1\"");
	}

	@Test
	void aSignatureThatFailedHalfWayDoesNotSpoilTheNext() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.authorization("GET",
				URI.create("/relative/" + "p".repeat(500)), null, "project_id=1", TS, NONCE));

		String header = this.signer.authorization("GET", URI.create("https://wallet.paysera.com/rest/v1/server"), null,
				"project_id=1", TS, NONCE);

		assertThat(header).isEqualTo(SHORT_HEADER_START + hmac(SHORT_SIGNED) + "\", ext=\"project_id=1\"");
	}

	@Test
	void threadsSigningAtOnceEachGetTheirOwnRequestsSignature() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				Callable<Boolean> work = () -> {
					for (int i = 0; i < 2_000; i++) {
						String id = thread + "-" + i + "-" + "w".repeat((i * 7 + thread) % 97);
						String signed = "1343818800\n" + NONCE + "\nGET\n/rest/v1/wallet/" + id + "\nwallet.paysera.com\n443\n"
								+ "project_id=" + thread + "\n";
						String header = this.signer.authorization("GET",
								URI.create("https://wallet.paysera.com/rest/v1/wallet/" + id), null, "project_id=" + thread, TS,
								NONCE);
						if (!header.equals(SHORT_HEADER_START + hmac(signed) + "\", ext=\"project_id=" + thread + "\"")) {
							return false;
						}
					}
					return true;
				};
				results.add(pool.submit(work));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void extEncodingOfALongValueThenAShortOneGivesTheShortOneOnly() {
		assertThat(ExtEncoding.encode("a b/".repeat(500))).isEqualTo("a+b%2F".repeat(500));
		assertThat(ExtEncoding.encode("x y")).isEqualTo("x+y");
		assertThat(ExtEncoding.build(Map.of("k", "v w"))).isEqualTo("k=v+w");
	}

	private static String hmac(String signed) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

}
