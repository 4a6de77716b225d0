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

import io.github.walletproject.test.MacVerifier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MacSigner} on arbitrary requests: it never throws on arbitrary bodies (including
 * empty and {@code null}) and arbitrary absolute http(s) URIs with encoded paths and queries;
 * it signs exactly the string the protocol notes define; the independent test-kit
 * {@link MacVerifier} accepts every signature it makes, checked against the request as it goes
 * on the wire (raw path and raw query, lower-case host, default port), and rejects the request
 * once any single byte of its method, request URI, body, ext or timestamp changes.
 */
class MacSignerPropertiesTests {

	private static final String PATH_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

	private static final String HEX = "0123456789ABCDEFabcdef";

	/** What a caller asks the signer for, and what goes on the wire. */
	record Request(String macId, String macKey, String method, URI uri, byte[] body, Map<String, String> ext, long ts,
			String nonce) {

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

	static Arbitrary<String> fromChars(String chars, int min, int max) {
		return Arbitraries.strings().withChars(chars).ofMinLength(min).ofMaxLength(max);
	}

	static Arbitrary<String> percentEncoded() {
		return fromChars(HEX, 2, 2).map(hex -> "%" + hex);
	}

	/** Path or query text: allowed characters mixed with %XX escapes (either case of hex). */
	static Arbitrary<String> encodedText(String chars, int maxPieces) {
		return Arbitraries.frequencyOf(Tuple.of(4, fromChars(chars, 1, 4)), Tuple.of(1, percentEncoded()))
			.list()
			.ofMaxSize(maxPieces)
			.map(pieces -> String.join("", pieces));
	}

	static Arbitrary<String> hosts() {
		Arbitrary<String> label = Combinators
			.combine(fromChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 1),
					fromChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 0, 6),
					Arbitraries.of("", "-x1", "--2b"))
			.as((first, rest, hyphenated) -> first + rest + hyphenated);
		Arbitrary<String> names = label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
		Arbitrary<String> ipv4 = Arbitraries.integers()
			.between(0, 255)
			.list()
			.ofSize(4)
			.map(octets -> octets.get(0) + "." + octets.get(1) + "." + octets.get(2) + "." + octets.get(3));
		Arbitrary<String> fixed = Arbitraries.of("localhost", "wallet.paysera.com", "WALLET.Paysera.COM", "[::1]",
				"[2001:DB8::A1]");
		return Arbitraries.frequencyOf(Tuple.of(6, names), Tuple.of(2, ipv4), Tuple.of(2, fixed));
	}

	@Provide
	static Arbitrary<URI> uris() {
		Arbitrary<String> scheme = Arbitraries.of("https", "http", "HTTPS", "Http");
		Arbitrary<String> port = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
				Tuple.of(2, Arbitraries.integers().between(1, 65535).map(p -> ":" + p)),
				Tuple.of(1, Arbitraries.of(":80", ":443")));
		Arbitrary<String> path = encodedText(PATH_CHARS, 3).list()
			.ofMaxSize(5)
			.map(segments -> segments.isEmpty() ? "" : "/" + String.join("/", segments));
		Arbitrary<String> query = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
				Tuple.of(1, Arbitraries.just("?")), Tuple.of(4, encodedText(PATH_CHARS + "/?", 6).map(q -> "?" + q)));
		Arbitrary<String> fragment = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("")),
				Tuple.of(1, encodedText(PATH_CHARS, 2).map(f -> "#" + f)));
		return Combinators.combine(scheme, hosts(), port, path, query, fragment)
			.as((s, h, p, pa, q, f) -> s + "://" + h + p + pa + q + f)
			.map(MacSignerPropertiesTests::uri);
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

	@Provide
	static Arbitrary<byte[]> bodies() {
		Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
		Arbitrary<byte[]> json = ExtEncodingPropertiesTests.text()
			.map(text -> ("{\"note\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((byte[]) null)),
				Tuple.of(1, Arbitraries.just(new byte[0])), Tuple.of(1, Arbitraries.just("{}".getBytes())),
				Tuple.of(4, bytes), Tuple.of(2, json));
	}

	/** Routing parameters in the caller's order; names never empty nor {@code body_hash}. */
	static Arbitrary<Map<String, String>> extParameters() {
		Arbitrary<String> realisticName = Arbitraries.of("project_id", "location_id", "user_id", "scope");
		Arbitrary<String> anyName = ExtEncodingPropertiesTests.text().filter(n -> !n.isEmpty() && !n.equals("body_hash"));
		Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(1, realisticName), Tuple.of(1, anyName));
		Arbitrary<String> value = Arbitraries.frequencyOf(
				Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf)),
				Tuple.of(2, ExtEncodingPropertiesTests.text()));
		return Combinators.combine(name, value.injectNull(0.15))
			.as(Tuple::of)
			.list()
			.ofMaxSize(4)
			.uniqueElements(Tuple2::get1)
			.map(list -> {
				Map<String, String> map = new LinkedHashMap<>();
				list.forEach(t -> map.put(t.get1(), t.get2()));
				return map;
			});
	}

	/** Printable ASCII without {@code "} and {@code \}: what may appear in a MAC header value. */
	static Arbitrary<String> headerSafe(int min, int max) {
		return Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', '\\').ofMinLength(min).ofMaxLength(max);
	}

	@Provide
	static Arbitrary<Request> requests() {
		Arbitrary<String> methods = Arbitraries.frequencyOf(
				Tuple.of(5, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")),
				Tuple.of(1, fromChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 10)));
		Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(2, headerSafe(1, 40)),
				Tuple.of(1, ExtEncodingPropertiesTests.text().filter(k -> !k.isEmpty())));
		Arbitrary<Long> timestamps = Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.longs().between(1_300_000_000L, 2_000_000_000L)),
				Tuple.of(1, Arbitraries.longs().between(0, 999_999_999_999L)));
		return Combinators.combine(headerSafe(1, 24), keys, methods, uris(), bodies(), extParameters(), timestamps,
				headerSafe(1, 40))
			.as(Request::new);
	}

	// ---- never throws, signs the documented string -----------------------------------------------

	@Property(tries = 500)
	void neverThrowsAndAlwaysBuildsAWellFormedHeader(@ForAll("requests") Request request) {
		String authorization = request.authorization();

		assertThat(authorization).matches("MAC id=\"[^\"\\\\]+\", ts=\"[0-9]+\", nonce=\"[^\"\\\\]+\", "
				+ "mac=\"[A-Za-z0-9+/]{43}=\"(, ext=\"([A-Za-z0-9._+%-]+=[A-Za-z0-9._+%-]*)(&[A-Za-z0-9._+%-]+=[A-Za-z0-9._+%-]*)*\")?");
		assertThat(authorization).startsWith("MAC id=\"" + request.macId() + "\", ts=\"" + request.ts() + "\", nonce=\""
				+ request.nonce() + "\", mac=\"");
		boolean hasExt = request.wireBody().length > 0 || request.ext().values().stream().anyMatch(v -> v != null);
		assertThat(authorization.contains(", ext=\"")).isEqualTo(hasExt);
	}

	@Property(tries = 300)
	void neverThrowsOnArbitraryBytesForAnyUri(@ForAll("uris") URI uri, @ForAll byte[] body) {
		MacSigner signer = new MacSigner("id", "key");

		assertThat(signer.authorization("POST", uri, body, Map.of(), 1L, "n")).startsWith("MAC id=\"id\"");
		assertThat(signer.authorization("GET", uri, null, Map.of(), 1L, "n")).doesNotContain("ext=");
		assertThat(signer.authorization("GET", uri, new byte[0], Map.of(), 1L, "n")).doesNotContain("ext=");
	}

	@Property(tries = 300)
	void normalizedRequestStringIsTheDocumentedSevenLines(@ForAll("requests") Request request) {
		String ext = ExtEncoding.build(request.ext());

		String normalized = MacSigner.normalizedRequestString(Long.toString(request.ts()), request.nonce(),
				request.method(), request.uri(), ext);

		assertThat(normalized).isEqualTo(request.ts() + "\n" + request.nonce() + "\n" + request.method() + "\n"
				+ request.wireUri() + "\n" + request.host() + "\n" + request.port() + "\n" + ext + "\n");
	}

	// ---- the verifier accepts every signature ------------------------------------------------------

	@Property(tries = 500)
	void verifierAcceptsEverySignature(@ForAll("requests") Request request) throws Exception {
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

	@Property(tries = 1000)
	void verifierRejectsAnySingleByteChange(@ForAll("requests") Request request, @ForAll Field field,
			@ForAll Change change, @ForAll @IntRange(min = 0, max = 100_000) int position,
			@ForAll @IntRange(min = 0, max = 255) int seed) {
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

	// ---- examples --------------------------------------------------------------------------------

	@Example
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

	@Example
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
