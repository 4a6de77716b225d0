package io.github.walletproject.test;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MacVerifier} accepts the four public worked examples of {@code mac-examples.json}
 * and rejects each of them once any single field is changed, and enforces the header and
 * {@code ext} rules of the protocol notes on otherwise correctly signed headers.
 */
class MacVerifierTests {

	private static final String ID = "wkVd93h2uS";

	private static final String KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU";

	/** A request as the verifier sees it. */
	record Received(String method, String uri, String host, int port, byte[] body, String authorization,
			MacVerifier verifier) {

		MacVerifier.Verification verify() {
			return this.verifier.verify(this.method, this.uri, this.host, this.port, this.body, this.authorization);
		}

		Received withMethod(String method) {
			return new Received(method, this.uri, this.host, this.port, this.body, this.authorization, this.verifier);
		}

		Received withUri(String uri) {
			return new Received(this.method, uri, this.host, this.port, this.body, this.authorization, this.verifier);
		}

		Received withHost(String host) {
			return new Received(this.method, this.uri, host, this.port, this.body, this.authorization, this.verifier);
		}

		Received withPort(int port) {
			return new Received(this.method, this.uri, this.host, port, this.body, this.authorization, this.verifier);
		}

		Received withBody(byte[] body) {
			return new Received(this.method, this.uri, this.host, this.port, body, this.authorization, this.verifier);
		}

		Received withAuthorization(String authorization) {
			return new Received(this.method, this.uri, this.host, this.port, this.body, authorization, this.verifier);
		}

		Received withVerifier(MacVerifier verifier) {
			return new Received(this.method, this.uri, this.host, this.port, this.body, this.authorization, verifier);
		}

		/** The value of one header field. */
		String field(String name) {
			int start = this.authorization.indexOf(name + "=\"") + name.length() + 2;
			return this.authorization.substring(start, this.authorization.indexOf('"', start));
		}

		Received withField(String name, String value) {
			return withAuthorization(this.authorization.replace(name + "=\"" + field(name) + "\"",
					name + "=\"" + value + "\""));
		}

		@Override
		public String toString() {
			return this.method + " " + this.uri;
		}

	}

	/** One example of mac-examples.json. */
	record Example(String id, JSONObject input, JSONObject expected) {

		Received received() {
			URI url = URI.create(this.input.getAsString("url"));
			Object body = this.input.get("body");
			return new Received(this.input.getAsString("method"), url.getRawPath(), url.getHost(), 443,
					(body != null) ? body.toString().getBytes(StandardCharsets.UTF_8) : new byte[0],
					this.expected.getAsString("authorization"),
					MacVerifier.of(this.input.getAsString("mac_id"), this.input.getAsString("mac_key")));
		}

		@Override
		public String toString() {
			return this.id;
		}

	}

	static List<Example> examples() throws Exception {
		try (InputStream in = MacVerifierTests.class.getResourceAsStream("/protocol/mac-examples.json")) {
			JSONObject root = (JSONObject) new JSONParser(JSONParser.MODE_RFC4627)
				.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			List<Example> examples = new ArrayList<>();
			for (Object node : (JSONArray) root.get("cases")) {
				JSONObject example = (JSONObject) node;
				examples.add(new Example(example.getAsString("id"), (JSONObject) example.get("input"),
						(JSONObject) example.get("expected")));
			}
			assertThat(examples).hasSize(4);
			return examples;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void acceptsPublicExample(Example example) {
		MacVerifier.Verification verification = example.received().verify();

		assertThat(verification.valid()).as(verification.error()).isTrue();
		assertThat(verification.error()).isNull();
		assertThat(verification.macId()).isEqualTo(example.input().getAsString("mac_id"));
		assertThat(verification.timestamp()).isEqualTo(Long.parseLong(example.input().getAsString("ts")));
		assertThat(verification.nonce()).isEqualTo(example.input().getAsString("nonce"));
		String ext = example.expected().getAsString("ext");
		if (ext.isEmpty()) {
			assertThat(verification.ext()).isEmpty();
		}
		else {
			assertThat(verification.ext()).containsOnlyKeys("body_hash");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void testSignerReproducesPublicExample(Example example) {
		Received received = example.received();
		String authorization = TestSigner.sign(example.input().getAsString("mac_id"),
				example.input().getAsString("mac_key"), received.method(), received.uri(), received.host(),
				received.port(), received.body(), "", Long.parseLong(example.input().getAsString("ts")),
				example.input().getAsString("nonce"));

		assertThat(authorization).isEqualTo(example.expected().getAsString("authorization"));
	}

	static Stream<Arguments> tampers() throws Exception {
		List<Arguments> arguments = new ArrayList<>();
		for (Example example : examples()) {
			Received original = example.received();
			boolean hasBody = original.body().length > 0;
			Map<String, UnaryOperator<Received>> tampers = new java.util.LinkedHashMap<>();
			tampers.put("method", r -> r.withMethod(r.method().equals("GET") ? "POST" : "GET"));
			tampers.put("method DELETE", r -> r.withMethod("DELETE"));
			tampers.put("uri: one more byte", r -> r.withUri(r.uri() + "1"));
			tampers.put("uri: one byte changed", r -> r.withUri(r.uri().replace("/v1/", "/v2/")));
			tampers.put("uri: query added", r -> r.withUri(r.uri() + "?a=1"));
			tampers.put("host", r -> r.withHost("wallet-api.paysera.com"));
			tampers.put("port 80", r -> r.withPort(80));
			tampers.put("port 8443", r -> r.withPort(8443));
			tampers.put("body", r -> r.withBody(hasBody ? flipLast(r.body()) : new byte[] { 'x' }));
			tampers.put("body: one byte more", r -> r.withBody(append(r.body(), (byte) ' ')));
			if (hasBody) {
				tampers.put("body: left out", r -> r.withBody(new byte[0]));
			}
			tampers.put("ext", r -> hasBody ? r.withField("ext", r.field("ext") + "&project_id=1")
					: r.withAuthorization(r.authorization() + ", ext=\"project_id=1\""));
			tampers.put("ts + 1", r -> r.withField("ts", Long.toString(Long.parseLong(r.field("ts")) + 1)));
			tampers.put("ts - 1", r -> r.withField("ts", Long.toString(Long.parseLong(r.field("ts")) - 1)));
			tampers.put("nonce", r -> r.withField("nonce", r.field("nonce").substring(1) + "X"));
			tampers.put("mac", r -> r.withField("mac", "A" + r.field("mac").substring(1)));
			tampers.put("key", r -> r.withVerifier(MacVerifier.of(ID, KEY.substring(0, KEY.length() - 1) + "V")));
			tampers.put("mac id unknown", r -> r.withVerifier(MacVerifier.of("someone-else", KEY)));
			tampers.put("header field order: nonce before ts",
					r -> r.withAuthorization(r.authorization()
						.replace("ts=\"" + r.field("ts") + "\", nonce=\"" + r.field("nonce") + "\"",
								"nonce=\"" + r.field("nonce") + "\", ts=\"" + r.field("ts") + "\"")));
			tampers.put("header field order: mac before id",
					r -> r.withAuthorization("MAC mac=\"" + r.field("mac") + "\", " + r.authorization()
						.substring(4)
						.replace(", mac=\"" + r.field("mac") + "\"", "")));
			tampers.put("header field repeated", r -> r.withAuthorization(r.authorization()
				.replace(", nonce=\"" + r.field("nonce") + "\"",
						", nonce=\"" + r.field("nonce") + "\", nonce=\"" + r.field("nonce") + "\"")));
			tampers.put("header field unknown", r -> r.withAuthorization(r.authorization() + ", foo=\"bar\""));
			tampers.put("header separator without space", r -> r.withAuthorization(r.authorization().replace(", ", ",")));
			tampers.put("header scheme", r -> r.withAuthorization(r.authorization().replace("MAC ", "Bearer ")));
			tampers.put("header missing", r -> r.withAuthorization(null));
			tampers.put("header without mac", r -> r.withAuthorization(
					r.authorization().replace(", mac=\"" + r.field("mac") + "\"", "")));
			if (!hasBody) {
				tampers.put("ext=\"\" present", r -> r.withAuthorization(r.authorization() + ", ext=\"\""));
			}
			else {
				tampers.put("ext=\"\" instead of body_hash", r -> r.withField("ext", ""));
			}
			for (Map.Entry<String, UnaryOperator<Received>> tamper : tampers.entrySet()) {
				arguments.add(Arguments.of(example, tamper.getKey(), tamper.getValue()));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("tampers")
	void rejectsSingleFieldTamper(Example example, String field, UnaryOperator<Received> tamper) {
		Received original = example.received();
		assertThat(original.verify().valid()).isTrue();
		Received tampered = tamper.apply(original);
		assertThat(tampered).as("the tamper changes something").isNotEqualTo(original);

		MacVerifier.Verification verification = tampered.verify();

		assertThat(verification.valid()).as("verification of a request with a changed %s", field).isFalse();
		assertThat(verification.error()).isNotBlank();
	}

	@Test
	void hostIsComparedInLowerCaseAndMethodInUpperCase() throws Exception {
		Received received = examples().get(0).received();

		assertThat(received.withHost("Wallet.Paysera.COM").verify().valid()).isTrue();
		assertThat(received.withMethod("get").verify().valid()).isTrue();
	}

	// ---- the header and ext rules, on correctly signed headers ------------------------------

	private static final String URI_PATH = "/rest/v1/transaction";

	private static MacVerifier.Verification verify(byte[] body, String ext) {
		return verify(body, ext, false);
	}

	private static MacVerifier.Verification verify(byte[] body, String ext, boolean forceExt) {
		String authorization = TestSigner.header(ID, KEY, "1343818800", "nonce-1", "POST", URI_PATH, "wallet.paysera.com",
				443, ext, forceExt);
		return MacVerifier.of(ID, KEY).verify("POST", URI_PATH, "wallet.paysera.com", 443, body, authorization);
	}

	private static final byte[] BODY = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsBodyHashFollowedByRoutingParametersInTheirOrder() {
		MacVerifier.Verification verification = verify(BODY,
				"body_hash=" + TestSigner.bodyHash(BODY) + "&project_id=1221&location_id=77");

		assertThat(verification.valid()).as(verification.error()).isTrue();
		assertThat(verification.ext()).containsExactly(Map.entry("body_hash", hash(BODY)),
				Map.entry("project_id", "1221"), Map.entry("location_id", "77"));
	}

	@Test
	void acceptsEmptyJsonObjectBodyWithItsBodyHash() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		assertThat(verify(body, "body_hash=" + TestSigner.bodyHash(body)).valid()).isTrue();
	}

	@Test
	void acceptsEmptyBodyWithoutBodyHash() {
		assertThat(verify(new byte[0], "").valid()).isTrue();
		assertThat(verify(new byte[0], "project_id=1221").valid()).isTrue();
	}

	@Test
	void rejectsBodyWithoutBodyHash() {
		assertThat(verify(BODY, "")).satisfies(v -> {
			assertThat(v.valid()).isFalse();
			assertThat(v.error()).isEqualTo("body has 14 bytes but ext has no body_hash");
		});
		assertThat(verify(BODY, "project_id=1221").error()).isEqualTo("body has 14 bytes but ext has no body_hash");
	}

	@Test
	void rejectsBodyHashOnEmptyBody() {
		MacVerifier.Verification verification = verify(new byte[0], "body_hash=" + TestSigner.bodyHash(new byte[0]));

		assertThat(verification.valid()).isFalse();
		assertThat(verification.error()).isEqualTo("body is empty but ext has a body_hash");
	}

	@Test
	void rejectsBodyHashOfAnotherBody() {
		MacVerifier.Verification verification = verify(BODY, "body_hash=" + TestSigner.bodyHash("{}".getBytes()));

		assertThat(verification.valid()).isFalse();
		assertThat(verification.error()).isEqualTo("body_hash does not match the body received");
	}

	@Test
	void rejectsBodyHashAfterRoutingParameters() {
		MacVerifier.Verification verification = verify(BODY,
				"project_id=1221&body_hash=" + TestSigner.bodyHash(BODY));

		assertThat(verification.valid()).isFalse();
		assertThat(verification.error()).isEqualTo("body_hash must be the first ext parameter");
	}

	@Test
	void rejectsEmptyExtField() {
		MacVerifier.Verification verification = verify(new byte[0], "", true);

		assertThat(verification.valid()).isFalse();
		assertThat(verification.error()).isEqualTo("empty ext must be left out of the header");
	}

	@Test
	void rejectsExtNotEncodedLikePhp() {
		assertThat(verify(new byte[0], "project_id=1221&note=a+b").valid()).isTrue();
		assertThat(verify(new byte[0], "project_id=1221&note=a+b").ext()).containsEntry("note", "a b");
		for (String ext : List.of("note=a%20b", "note=a*b", "note=a%2fb", "note=a~b", "note=%41")) {
			MacVerifier.Verification verification = verify(new byte[0], ext);
			assertThat(verification.valid()).as(ext).isFalse();
			assertThat(verification.error()).as(ext)
				.isEqualTo("ext is not encoded the way PHP http_build_query encodes it");
		}
	}

	@Test
	void rejectsExtThatIsNotAFormList() {
		for (String ext : List.of("project_id", "=1221", "project_id=1&project_id=2", "note=%4", "note=%zz")) {
			MacVerifier.Verification verification = verify(new byte[0], ext);
			assertThat(verification.valid()).as(ext).isFalse();
			assertThat(verification.error()).as(ext).startsWith("ext is not form-encoded");
		}
	}

	@Test
	void rejectsTimestampThatIsNotUnixSeconds() {
		String authorization = TestSigner.header(ID, KEY, "1343818800.5", "n", "GET", URI_PATH, "wallet.paysera.com", 443,
				"", false);

		MacVerifier.Verification verification = MacVerifier.of(ID, KEY)
			.verify("GET", URI_PATH, "wallet.paysera.com", 443, new byte[0], authorization);

		assertThat(verification.valid()).isFalse();
		assertThat(verification.error()).isEqualTo("ts is not a Unix time in seconds");
	}

	@Test
	void reportsWhyAWrongMacFailsWithTheHeaderFields() {
		String authorization = TestSigner.header(ID, "another key", "1343818800", "n-1", "GET", URI_PATH,
				"wallet.paysera.com", 443, "project_id=5", false);

		MacVerifier.Verification verification = MacVerifier.of(ID, KEY)
			.verify("GET", URI_PATH, "wallet.paysera.com", 443, new byte[0], authorization);

		assertThat(verification.valid()).isFalse();
		assertThat(verification.error()).isEqualTo("MAC does not match");
		assertThat(verification.macId()).isEqualTo(ID);
		assertThat(verification.timestamp()).isEqualTo(1343818800L);
		assertThat(verification.nonce()).isEqualTo("n-1");
		assertThat(verification.ext()).containsExactly(Map.entry("project_id", "5"));
	}

	@Test
	void phpEncodeFollowsUrlencode() {
		assertThat(MacVerifier.phpEncode("aZ09-_. ~*+/=ą€")).isEqualTo("aZ09-_.+%7E%2A%2B%2F%3D%C4%85%E2%82%AC");
	}

	private static String hash(byte[] body) {
		try {
			return java.util.Base64.getEncoder()
				.encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] flipLast(byte[] body) {
		byte[] copy = body.clone();
		copy[copy.length - 1] ^= 0x01;
		return copy;
	}

	private static byte[] append(byte[] body, byte b) {
		byte[] copy = java.util.Arrays.copyOf(body, body.length + 1);
		copy[body.length] = b;
		return copy;
	}

}
