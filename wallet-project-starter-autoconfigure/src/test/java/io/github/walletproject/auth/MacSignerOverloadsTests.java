package io.github.walletproject.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three ways into the signer (parameters as a map, pre-encoded, pre-encoded in two parts)
 * against each other and against a header assembled here from the signed string
 * ({@link MacSigner#normalizedRequestString}), a body hash computed here and the JDK's HMAC,
 * on many random requests: non-ASCII methods, paths and parameters, odd ports, long URIs and
 * bodies, and one signer reused (with its pooled {@code Mac}s) across requests of every shape.
 */
class MacSignerOverloadsTests {

	private static final String KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU";

	private static final String[] METHODS = { "GET", "post", "Put", "DELETE", "patch", "stra\u00DFe", "\u0390x" };

	private static final String[] TEXT = { "", "a", "1221", "x y", "ą", "€uro", "*~+/=&", "%41", "\uD83D\uDE00", "-_.",
			"Zz09" };

	private final Random random = new Random(20231);

	@Test
	void everyOverloadSignsLikeTheReferenceOnRandomRequests() throws Exception {
		MacSigner signer = new MacSigner("wkVd93h2uS", KEY);
		for (int i = 0; i < 5000; i++) {
			String method = METHODS[this.random.nextInt(METHODS.length)];
			URI uri = randomUri();
			byte[] body = randomBody();
			Map<String, String> parameters = randomParameters();
			long ts = (this.random.nextInt(10) == 0) ? this.random.nextInt(1000) : 1_700_000_000L + this.random.nextInt();
			String nonce = randomNonce();
			String encoded = ExtEncoding.build(parameters);
			String expected = reference("wkVd93h2uS", method, uri, body, encoded, ts, nonce);
			assertThat(signer.authorization(method, uri, body, parameters, ts, nonce)).as("%s %s %s", method, uri,
					parameters)
				.isEqualTo(expected);
			assertThat(signer.authorization(method, uri, body, encoded, ts, nonce)).isEqualTo(expected);
			int split = this.random.nextInt(parameters.size() + 1);
			assertThat(signer.authorization(method, uri, body, ExtEncoding.build(first(parameters, split)),
					ExtEncoding.build(rest(parameters, split)), ts, nonce))
				.as("split after %d of %s", split, parameters)
				.isEqualTo(expected);
		}
	}

	@Test
	void preEncodedParametersOutsideAsciiAreSignedAsUtf8AndKeptInTheHeader() throws Exception {
		MacSigner signer = new MacSigner("id", KEY);
		URI uri = URI.create("https://wallet.paysera.com/rest/v1/server");
		String expected = reference("id", "GET", uri, null, "project_id=1221&x=ą", 1, "n");
		assertThat(signer.authorization("GET", uri, null, "project_id=1221&x=ą", 1, "n")).isEqualTo(expected)
			.endsWith("ext=\"project_id=1221&x=ą\"");
	}

	@Test
	void theFirstCharacterPastAsciiIsSignedAsTwoUtf8Bytes() throws Exception {
		MacSigner signer = new MacSigner("id", KEY);
		URI uri = URI.create("https://wallet.paysera.com/rest/v1/server");
		for (String parameters : new String[] { "x=\u0080", "x=~\u0080~", "x=\u00ff" }) {
			assertThat(signer.authorization("GET", uri, null, parameters, 1, "n")).as(parameters)
				.isEqualTo(reference("id", "GET", uri, null, parameters, 1, "n"));
		}
	}

	private static String reference(String id, String method, URI uri, byte[] body, String encodedParameters, long ts,
			String nonce) throws Exception {
		String ext = encodedParameters;
		if (body != null && body.length > 0) {
			String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
			ext = "body_hash=" + hash.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
					+ (encodedParameters.isEmpty() ? "" : "&" + encodedParameters);
		}
		String message = MacSigner.normalizedRequestString(Long.toString(ts), nonce, method, uri, ext);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		return "MAC id=\"" + id + "\", ts=\"" + ts + "\", nonce=\"" + nonce + "\", mac=\"" + signature + "\""
				+ (ext.isEmpty() ? "" : ", ext=\"" + ext + "\"");
	}

	private static Map<String, String> first(Map<String, String> parameters, int count) {
		Map<String, String> first = new LinkedHashMap<>();
		parameters.entrySet().stream().limit(count).forEach((entry) -> first.put(entry.getKey(), entry.getValue()));
		return first;
	}

	private static Map<String, String> rest(Map<String, String> parameters, int count) {
		Map<String, String> rest = new LinkedHashMap<>();
		parameters.entrySet().stream().skip(count).forEach((entry) -> rest.put(entry.getKey(), entry.getValue()));
		return rest;
	}

	private URI randomUri() throws URISyntaxException {
		String scheme = this.random.nextBoolean() ? "https" : "http";
		String host = this.random.nextBoolean() ? "Wallet.Paysera.COM" : "127.0.0.1";
		int port = switch (this.random.nextInt(6)) {
			case 0 -> 8443;
			case 1 -> 80;
			case 2 -> Integer.MAX_VALUE;
			default -> -1;
		};
		StringBuilder path = new StringBuilder();
		int segments = this.random.nextInt(4);
		for (int s = 0; s < segments; s++) {
			path.append('/').append(TEXT[this.random.nextInt(TEXT.length)]);
		}
		if (this.random.nextInt(20) == 0) {
			path.append("/").append("long".repeat(3000));
		}
		String query = switch (this.random.nextInt(4)) {
			case 0 -> null;
			case 1 -> "";
			default -> "convert_to=EUR&q=" + TEXT[this.random.nextInt(TEXT.length)];
		};
		// the multi-argument constructor quotes what must be quoted and keeps non-ASCII as is
		return new URI(scheme, null, host, port, path.toString(), query, null);
	}

	private byte[] randomBody() {
		return switch (this.random.nextInt(4)) {
			case 0 -> null;
			case 1 -> new byte[0];
			case 2 -> "{}".getBytes(StandardCharsets.UTF_8);
			default -> {
				byte[] body = new byte[this.random.nextInt(5000) + 1];
				this.random.nextBytes(body);
				yield body;
			}
		};
	}

	private Map<String, String> randomParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		int count = this.random.nextInt(4);
		for (int p = 0; p < count; p++) {
			String name = (p == 0) ? "project_id" : "p" + p + TEXT[this.random.nextInt(TEXT.length)];
			parameters.put(name, (this.random.nextInt(6) == 0) ? null : TEXT[this.random.nextInt(TEXT.length)]);
		}
		return parameters;
	}

	private String randomNonce() {
		StringBuilder nonce = new StringBuilder();
		int length = 1 + this.random.nextInt(40);
		while (nonce.length() < length) {
			char c = (char) (0x20 + this.random.nextInt(0x5F));
			if (c != '"' && c != '\\') {
				nonce.append(c);
			}
		}
		return nonce.toString();
	}

}
