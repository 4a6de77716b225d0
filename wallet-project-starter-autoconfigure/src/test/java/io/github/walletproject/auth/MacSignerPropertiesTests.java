package io.github.walletproject.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.walletproject.support.SeededCases;
import io.github.walletproject.support.SeededCases.Gen;
import io.github.walletproject.test.MacVerifier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MacSigner} on arbitrary requests: it never throws on arbitrary bodies (including
 * empty and {@code null}) and arbitrary absolute http(s) URIs with encoded paths and queries;
 * it signs exactly the string the protocol notes define; the independent test-kit
 * {@link MacVerifier} accepts every signature it makes, checked against the request as it goes
 * on the wire (raw path and raw query, lower-case host, default port), and rejects the request
 * once any single byte of its method, request URI, body, ext or timestamp changes. Each
 * property runs over seeded cases ({@link SeededCases}): a failed case names its seed, and
 * {@code -Dwallet.pbt.seed=N} replays it.
 */
@ExtendWith(SeededCases.ReportSeed.class)
class MacSignerPropertiesTests {

	private static final String PATH_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

	private static final String HEX = "0123456789ABCDEFabcdef";

	/** What a caller asks the signer for, and what goes on the wire. */
	record Request(String macId, String macKey, String method, URI uri, byte @Nullable [] body,
			Map<String, @Nullable String> ext, long ts, String nonce) {

		/** The request-URI as the HTTP client sends it: raw path ({@code /} when empty) and raw query. */
		String wireUri() {
			String path = this.uri.getRawPath().isEmpty() ? "/" : this.uri.getRawPath();
			String query = this.uri.getRawQuery();
			return (query == null || query.isEmpty()) ? path : path + "?" + query;
		}

		String host() {
			return this.uri.getHost().toLowerCase(Locale.ROOT);
		}

		int port() {
			if (this.uri.getPort() != -1) {
				return this.uri.getPort();
			}
			return this.uri.getScheme().equalsIgnoreCase("http") ? 80 : 443;
		}

		byte[] wireBody() {
			return (this.body != null) ? this.body : new byte[0];
		}

		String authorization() {
			return new MacSigner(this.macId, this.macKey).authorization(this.method, this.uri, this.body, this.ext,
					this.ts, this.nonce);
		}

		@Override
		public String toString() {
			return this.method + " " + this.uri + " body="
					+ ((this.body != null) ? new String(this.body, StandardCharsets.ISO_8859_1) : "null") + " ext="
					+ this.ext + " ts=" + this.ts + " nonce=" + this.nonce + " id=" + this.macId;
		}

	}

	// ---- generators --------------------------------------------------------------------------

	static Gen<String> fromChars(String chars, int min, int max) {
		return SeededCases.strings(chars, min, max);
	}

	static Gen<String> percentEncoded() {
		return fromChars(HEX, 2, 2).map((hex) -> "%" + hex);
	}

	/** Path or query text: allowed characters mixed with %XX escapes (either case of hex). */
	static Gen<String> encodedText(String chars, int maxPieces) {
		Gen<String> piece = SeededCases.frequency(SeededCases.weighted(4, fromChars(chars, 1, 4)),
				SeededCases.weighted(1, percentEncoded()));
		return SeededCases.joined(piece.list(0, maxPieces), "");
	}

	static Gen<String> hosts() {
		Gen<String> first = fromChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 1);
		Gen<String> rest = fromChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 0, 6);
		Gen<String> hyphenated = SeededCases.oneOf("", "-x1", "--2b");
		Gen<String> label = (random) -> first.next(random) + rest.next(random) + hyphenated.next(random);
		Gen<String> names = SeededCases.joined(label.list(1, 4), ".");
		Gen<String> ipv4 = SeededCases.joined(SeededCases.ints(0, 255).map(String::valueOf).list(4, 4), ".");
		Gen<String> fixed = SeededCases.oneOf("localhost", "wallet.paysera.com", "WALLET.Paysera.COM", "[::1]",
				"[2001:DB8::A1]");
		return SeededCases.frequency(SeededCases.weighted(6, names), SeededCases.weighted(2, ipv4),
				SeededCases.weighted(2, fixed));
	}

	static Gen<URI> uris() {
		Gen<String> scheme = SeededCases.oneOf("https", "http", "HTTPS", "Http");
		Gen<String> port = SeededCases.frequency(SeededCases.weighted(3, SeededCases.constant("")),
				SeededCases.weighted(2, SeededCases.ints(1, 65535).map((p) -> ":" + p)),
				SeededCases.weighted(1, SeededCases.oneOf(":80", ":443")));
		Gen<String> path = encodedText(PATH_CHARS, 3).list(0, 5)
			.map((segments) -> segments.isEmpty() ? "" : "/" + String.join("/", segments));
		Gen<String> query = SeededCases.frequency(SeededCases.weighted(3, SeededCases.constant("")),
				SeededCases.weighted(1, SeededCases.constant("?")),
				SeededCases.weighted(4, encodedText(PATH_CHARS + "/?", 6).map((q) -> "?" + q)));
		Gen<String> fragment = SeededCases.frequency(SeededCases.weighted(5, SeededCases.constant("")),
				SeededCases.weighted(1, encodedText(PATH_CHARS, 2).map((f) -> "#" + f)));
		Gen<String> hosts = hosts();
		return (random) -> uri(scheme.next(random) + "://" + hosts.next(random) + port.next(random)
				+ path.next(random) + query.next(random) + fragment.next(random));
	}

	static URI uri(String text) {
		try {
			URI uri = new URI(text);
			if (uri.getHost() == null) {
				throw new IllegalStateException("generator made a URI without a server authority: " + text);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("generator made an invalid URI: " + text, ex);
		}
	}

	/** Arbitrary bytes, as the default generator of byte arrays: up to 300, edge values mixed in. */
	static Gen<byte[]> anyBytes() {
		return SeededCases.bytes(0, 300);
	}

	static Gen<byte @Nullable []> bodies() {
		Gen<byte[]> json = ExtEncodingPropertiesTests.text()
			.map((text) -> ("{\"note\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
		return SeededCases.frequency(SeededCases.weighted(1, SeededCases.constant(null)),
				SeededCases.weighted(1, (random) -> new byte[0]),
				SeededCases.weighted(1, (random) -> "{}".getBytes(StandardCharsets.UTF_8)),
				SeededCases.weighted(4, anyBytes()), SeededCases.weighted(2, json));
	}

	/** Routing parameters in the caller's order; names never empty nor {@code body_hash}. */
	static Gen<Map<String, @Nullable String>> extParameters() {
		Gen<String> realisticName = SeededCases.oneOf("project_id", "location_id", "user_id", "scope");
		Gen<String> anyName = ExtEncodingPropertiesTests.text()
			.filter((name) -> !name.isEmpty() && !name.equals("body_hash"));
		Gen<String> name = SeededCases.frequency(SeededCases.weighted(1, realisticName),
				SeededCases.weighted(1, anyName));
		Gen<@Nullable String> value = SeededCases
			.frequency(SeededCases.weighted(2, SeededCases.longs(0, Long.MAX_VALUE).map(String::valueOf)),
					SeededCases.weighted(2, ExtEncodingPropertiesTests.text()))
			.orNull(0.15);
		Gen<ExtEncodingPropertiesTests.Parameter> parameter = (random) -> new ExtEncodingPropertiesTests.Parameter(
				name.next(random), value.next(random));
		return parameter.uniqueList(0, 4, ExtEncodingPropertiesTests.Parameter::name)
			.map(ExtEncodingPropertiesTests::ordered);
	}

	/** Printable ASCII without {@code "} and {@code \}: what may appear in a MAC header value. */
	static Gen<String> headerSafe(int min, int max) {
		return fromChars(printable().replace("\"", "").replace("\\", ""), min, max);
	}

	static Gen<Request> requests() {
		Gen<String> methods = SeededCases.frequency(
				SeededCases.weighted(5, SeededCases.oneOf("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")),
				SeededCases.weighted(1, fromChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 10)));
		Gen<String> keys = SeededCases.frequency(SeededCases.weighted(2, headerSafe(1, 40)),
				SeededCases.weighted(1, ExtEncodingPropertiesTests.text().filter((key) -> !key.isEmpty())));
		Gen<Long> timestamps = SeededCases.frequency(
				SeededCases.weighted(3, SeededCases.longs(1_300_000_000L, 2_000_000_000L)),
				SeededCases.weighted(1, SeededCases.longs(0, 999_999_999_999L)));
		Gen<String> macIds = headerSafe(1, 24);
		Gen<URI> uris = uris();
		Gen<byte @Nullable []> bodies = bodies();
		Gen<Map<String, @Nullable String>> ext = extParameters();
		Gen<String> nonces = headerSafe(1, 40);
		return (random) -> new Request(macIds.next(random), keys.next(random), methods.next(random), uris.next(random),
				bodies.next(random), ext.next(random), timestamps.next(random), nonces.next(random));
	}

	// ---- never throws, signs the documented string -----------------------------------------------

	static Stream<Arguments> neverThrowsAndAlwaysBuildsAWellFormedHeader() {
		return SeededCases.cases(500, requests());
	}

	@ParameterizedTest
	@MethodSource
	void neverThrowsAndAlwaysBuildsAWellFormedHeader(Request request) {
		String authorization = request.authorization();

		assertThat(authorization).matches("MAC id=\"[^\"\\\\]+\", ts=\"[0-9]+\", nonce=\"[^\"\\\\]+\", "
				+ "mac=\"[A-Za-z0-9+/]{43}=\"(, ext=\"([A-Za-z0-9._+%-]+=[A-Za-z0-9._+%-]*)(&[A-Za-z0-9._+%-]+=[A-Za-z0-9._+%-]*)*\")?");
		assertThat(authorization).startsWith("MAC id=\"" + request.macId() + "\", ts=\"" + request.ts() + "\", nonce=\""
				+ request.nonce() + "\", mac=\"");
		boolean hasExt = request.wireBody().length > 0 || request.ext().values().stream().anyMatch(v -> v != null);
		assertThat(authorization.contains(", ext=\"")).isEqualTo(hasExt);
	}

	static Stream<Arguments> neverThrowsOnArbitraryBytesForAnyUri() {
		return SeededCases.cases(300, uris(), anyBytes());
	}

	@ParameterizedTest
	@MethodSource
	void neverThrowsOnArbitraryBytesForAnyUri(URI uri, byte[] body) {
		MacSigner signer = new MacSigner("id", "key");

		assertThat(signer.authorization("POST", uri, body, Map.of(), 1L, "n")).startsWith("MAC id=\"id\"");
		assertThat(signer.authorization("GET", uri, null, Map.of(), 1L, "n")).doesNotContain("ext=");
		assertThat(signer.authorization("GET", uri, new byte[0], Map.of(), 1L, "n")).doesNotContain("ext=");
	}

	static Stream<Arguments> normalizedRequestStringIsTheDocumentedSevenLines() {
		return SeededCases.cases(300, requests());
	}

	@ParameterizedTest
	@MethodSource
	void normalizedRequestStringIsTheDocumentedSevenLines(Request request) {
		String ext = ExtEncoding.build(request.ext());

		String normalized = MacSigner.normalizedRequestString(Long.toString(request.ts()), request.nonce(),
				request.method(), request.uri(), ext);

		assertThat(normalized).isEqualTo(request.ts() + "\n" + request.nonce() + "\n" + request.method() + "\n"
				+ request.wireUri() + "\n" + request.host() + "\n" + request.port() + "\n" + ext + "\n");
	}

	// ---- the verifier accepts every signature ------------------------------------------------------

	static Stream<Arguments> verifierAcceptsEverySignature() {
		return SeededCases.cases(500, requests());
	}

	@ParameterizedTest
	@MethodSource
	void verifierAcceptsEverySignature(Request request) throws Exception {
		MacVerifier.Verification verification = verify(request, request.method(), request.wireUri(),
				request.wireBody(), request.authorization());

		assertThat(verification.valid()).as(verification.error()).isTrue();
		assertThat(verification.macId()).isEqualTo(request.macId());
		assertThat(verification.timestamp()).isEqualTo(request.ts());
		assertThat(verification.nonce()).isEqualTo(request.nonce());
		Map<String, String> expectedExt = new LinkedHashMap<>();
		if (request.wireBody().length > 0) {
			expectedExt.put("body_hash",
					Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(request.wireBody())));
		}
		request.ext().forEach((name, value) -> {
			if (value != null) {
				expectedExt.put(name, value);
			}
		});
		assertThat(verification.ext()).containsExactlyEntriesOf(expectedExt);
	}

	private static MacVerifier.Verification verify(Request request, String method, String wireUri, byte[] body,
			String authorization) {
		return MacVerifier.of(request.macId(), request.macKey())
			.verify(method, wireUri, request.host(), request.port(), body, authorization);
	}

	// ---- and rejects any single-byte change ---------------------------------------------------------

	enum Field {

		METHOD, URI, BODY, EXT, TIMESTAMP

	}

	enum Change {

		REPLACE, INSERT, DELETE

	}

	static Stream<Arguments> verifierRejectsAnySingleByteChange() {
		return SeededCases.cases(1000, requests(), SeededCases.enums(Field.class), SeededCases.enums(Change.class),
				SeededCases.ints(0, 100_000), SeededCases.ints(0, 255));
	}

	@ParameterizedTest
	@MethodSource
	void verifierRejectsAnySingleByteChange(Request request, Field field, Change change, int position, int seed) {
		String authorization = request.authorization();
		String method = request.method();
		String wireUri = request.wireUri();
		byte[] body = request.wireBody();
		assertThat(verify(request, method, wireUri, body, authorization).valid()).isTrue();

		switch (field) {
			case METHOD -> method = change(method, change, position, seed, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
			case URI -> wireUri = change(wireUri, change, position, seed, printable());
			case BODY -> body = change(body, change, position, seed);
			case TIMESTAMP -> authorization = replaceField(authorization, "ts",
					change(field(authorization, "ts"), change, position, seed, "0123456789"));
			case EXT -> {
				String ext = field(authorization, "ext");
				String changed = change((ext != null) ? ext : "", change, position, seed, printable());
				authorization = (ext != null) ? replaceField(authorization, "ext", changed)
						: authorization + ", ext=\"" + changed + "\"";
			}
		}

		MacVerifier.Verification verification = verify(request, method, wireUri, body, authorization);

		assertThat(verification.valid())
			.as("%s %s of %s: %s %s body=%s %s", change, field, request, method, wireUri, body.length, authorization)
			.isFalse();
	}

	private static String printable() {
		StringBuilder chars = new StringBuilder();
		for (char c = ' '; c <= '~'; c++) {
			chars.append(c);
		}
		return chars.toString();
	}

	/** One byte replaced (by a different one), inserted or deleted; an empty text gets one inserted. */
	static String change(String text, Change change, int position, int seed, String alphabet) {
		if (text.isEmpty() || change == Change.INSERT) {
			int at = position % (text.length() + 1);
			return text.substring(0, at) + alphabet.charAt(seed % alphabet.length()) + text.substring(at);
		}
		int at = position % text.length();
		if (change == Change.DELETE) {
			return text.substring(0, at) + text.substring(at + 1);
		}
		char original = text.charAt(at);
		String others = alphabet.replace(String.valueOf(original), "");
		return text.substring(0, at) + others.charAt(seed % others.length()) + text.substring(at + 1);
	}

	static byte[] change(byte[] body, Change change, int position, int seed) {
		if (body.length == 0 || change == Change.INSERT) {
			int at = position % (body.length + 1);
			byte[] changed = new byte[body.length + 1];
			System.arraycopy(body, 0, changed, 0, at);
			changed[at] = (byte) seed;
			System.arraycopy(body, at, changed, at + 1, body.length - at);
			return changed;
		}
		int at = position % body.length;
		if (change == Change.DELETE) {
			byte[] changed = new byte[body.length - 1];
			System.arraycopy(body, 0, changed, 0, at);
			System.arraycopy(body, at + 1, changed, at, body.length - at - 1);
			return changed;
		}
		byte[] changed = body.clone();
		changed[at] ^= (byte) (1 + seed % 255);
		return changed;
	}

	/** A field's value; the pattern starts at the closing quote of the field before. */
	static String field(String authorization, String name) {
		int start = authorization.indexOf("\", " + name + "=\"");
		if (start < 0) {
			return null;
		}
		start += name.length() + 5;
		return authorization.substring(start, authorization.indexOf('"', start));
	}

	static String replaceField(String authorization, String name, String value) {
		String old = "\", " + name + "=\"" + field(authorization, name) + "\"";
		return authorization.replace(old, "\", " + name + "=\"" + value + "\"");
	}

	// ---- the generators reach what the properties are about ------------------------------------

	@Test
	void requestGeneratorReachesEveryShapeOfRequest() {
		List<Request> requests = ExtEncodingPropertiesTests.draw(requests(), 5000);

		assertThat(requests).anySatisfy((request) -> assertThat(request.body()).isNull())
			.anySatisfy((request) -> assertThat(request.body()).isEmpty())
			.anySatisfy((request) -> assertThat(request.body()).hasSize(300))
			.anySatisfy((request) -> assertThat(request.ext()).isEmpty())
			.anySatisfy((request) -> assertThat(request.ext()).hasSize(4).containsValue(null))
			.anySatisfy((request) -> assertThat(request.method()).isNotIn("GET", "POST", "PUT", "DELETE", "PATCH",
					"HEAD", "OPTIONS"))
			.anySatisfy((request) -> assertThat(request.macKey()).containsPattern("[^\\x20-\\x7e]"))
			.anySatisfy((request) -> assertThat(request.ts()).isZero())
			.anySatisfy((request) -> assertThat(request.ts()).isEqualTo(999_999_999_999L));
		assertThat(requests).extracting(Request::uri)
			.anySatisfy((uri) -> assertThat(uri.getScheme()).isEqualTo("Http"))
			.anySatisfy((uri) -> assertThat(uri.getHost()).isEqualTo("[2001:DB8::A1]"))
			.anySatisfy((uri) -> assertThat(uri.getHost()).matches("[0-9.]+"))
			.anySatisfy((uri) -> assertThat(uri.getPort()).isEqualTo(65535))
			.anySatisfy((uri) -> assertThat(uri.getRawPath()).isEmpty())
			.anySatisfy((uri) -> assertThat(uri.getRawPath()).containsPattern("%[0-9A-F]*[a-f]"))
			.anySatisfy((uri) -> assertThat(uri.getRawQuery()).isEmpty())
			.anySatisfy((uri) -> assertThat(uri.getRawQuery()).contains("?", "/"))
			.anySatisfy((uri) -> assertThat(uri.getRawFragment()).isNotNull());
	}

	// ---- examples --------------------------------------------------------------------------------

	@Test
	void encodedPathAndQueryAreSignedAsSent() {
		MacSigner signer = new MacSigner("id", "key");
		URI uri = URI.create("https://Wallet.Paysera.com/rest/v1/a%2fb/%C4%85?q=a+b%20c&z=1#frag");

		assertThat(MacSigner.normalizedRequestString("1", "n", "get", uri, ""))
			.isEqualTo("1\nn\nGET\n/rest/v1/a%2fb/%C4%85?q=a+b%20c&z=1\nwallet.paysera.com\n443\n\n");
		assertThat(MacSigner.normalizedRequestString("1", "n", "GET", URI.create("http://h:8080"), ""))
			.isEqualTo("1\nn\nGET\n/\nh\n8080\n\n");
		assertThat(MacSigner.normalizedRequestString("1", "n", "GET", URI.create("http://h/p?"), ""))
			.isEqualTo("1\nn\nGET\n/p\nh\n80\n\n");
		assertThat(MacVerifier.of("id", "key")
			.verify("GET", "/rest/v1/a%2fb/%C4%85?q=a+b%20c&z=1", "wallet.paysera.com", 443, new byte[0],
					signer.authorization("GET", uri, null, Map.of(), 1L, "n"))
			.valid()).isTrue();
	}

	@Test
	void changeHelpersChangeExactlyOneByte() {
		assertThat(change("GET", Change.REPLACE, 1, 0, "ABC")).isEqualTo("GAT");
		assertThat(change("GET", Change.REPLACE, 0, 6, "ABCDEFG")).hasSize(3).isNotEqualTo("GET");
		assertThat(change("GET", Change.INSERT, 3, 0, "X")).isEqualTo("GETX");
		assertThat(change("GET", Change.DELETE, 4, 0, "X")).isEqualTo("GT");
		assertThat(change("", Change.DELETE, 4, 0, "X")).isEqualTo("X");
		assertThat(change(new byte[] { 1, 2 }, Change.REPLACE, 1, 0)).containsExactly(1, 3);
		assertThat(change(new byte[] { 1, 2 }, Change.INSERT, 0, 9)).containsExactly(9, 1, 2);
		assertThat(change(new byte[] { 1, 2 }, Change.DELETE, 0, 9)).containsExactly(2);
		assertThat(change(new byte[0], Change.DELETE, 0, 9)).containsExactly(9);
		assertThat(field("MAC id=\"i\", ts=\"5\", nonce=\"n\", mac=\"m\", ext=\"a=b\"", "ext")).isEqualTo("a=b");
		assertThat(field("MAC id=\"i\", ts=\"5\", nonce=\"n\", mac=\"m\"", "ext")).isNull();
		assertThat(List.of(Field.values())).hasSize(5);
	}

}
