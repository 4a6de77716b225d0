package io.github.walletproject.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.walletproject.test.MacVerifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One test per rule of the protocol notes (section 1), beyond the public examples.
 */
class MacSignerRulesTests {

	private static final String ID = "wkVd93h2uS";

	private static final String KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU";

	private static final long TS = 1343818800L;

	private static final String NONCE = "nQnNaSNyubfPErjRO55yaaEYo9YZfKHN";

	private final MacSigner signer = new MacSigner(ID, KEY);

	private String normalized(String method, String url, String ext) {
		return MacSigner.normalizedRequestString(Long.toString(TS), NONCE, method, URI.create(url), ext);
	}

	@Test
	void extEncodingFollowsPhpUrlencode() {
		assertThat(ExtEncoding.encode("a b")).isEqualTo("a+b");
		assertThat(ExtEncoding.encode("*")).isEqualTo("%2A");
		assertThat(ExtEncoding.encode("~")).isEqualTo("%7E");
		assertThat(ExtEncoding.encode("+")).isEqualTo("%2B");
		assertThat(ExtEncoding.encode("/=&")).isEqualTo("%2F%3D%26");
		assertThat(ExtEncoding.encode("-_.azAZ09")).isEqualTo("-_.azAZ09");
		assertThat(ExtEncoding.encode("ąž€")).isEqualTo("%C4%85%C5%BE%E2%82%AC");
		assertThat(ExtEncoding.encode("x\u00e9 y")).isEqualTo("x%C3%A9+y");
		assertThat(ExtEncoding.encode("€😀")).isEqualTo("%E2%82%AC%F0%9F%98%80");
		assertThat(ExtEncoding.encode("")).isEmpty();
	}

	@Test
	void extParametersKeepCallerOrderAndDropNulls() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("project_id", "1221");
		parameters.put("skipped", null);
		parameters.put("location_id", "77");
		parameters.put("a_param", "x y");
		assertThat(ExtEncoding.build(parameters)).isEqualTo("project_id=1221&location_id=77&a_param=x+y");
	}

	@Test
	void bodyHashComesFirstThenRoutingParameters() {
		byte[] body = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("project_id", "1221");
		parameters.put("location_id", "77");
		String header = this.signer.authorization("POST", URI.create("https://wallet.paysera.com/rest/v1/transaction"),
				body, parameters, TS, NONCE);
		assertThat(header).matches(".*, ext=\"body_hash=[A-Za-z0-9%]+&project_id=1221&location_id=77\"$");
		assertThat(header).doesNotContain("+").contains("%");
	}

	@Test
	void parametersInTwoPartsSignLikeOneList() {
		URI uri = URI.create("https://wallet.paysera.com/rest/v1/transaction");
		byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		String joined = this.signer.authorization("POST", uri, body, "project_id=1221&location_id=77", TS, NONCE);
		assertThat(this.signer.authorization("POST", uri, body, "project_id=1221", "location_id=77", TS, NONCE))
			.isEqualTo(joined);
		assertThat(this.signer.authorization("POST", uri, body, "", "project_id=1221&location_id=77", TS, NONCE))
			.isEqualTo(joined);
		assertThat(this.signer.authorization("GET", uri, null, "project_id=1221", "", TS, NONCE))
			.isEqualTo(this.signer.authorization("GET", uri, null, Map.of("project_id", "1221"), TS, NONCE));
	}

	@Test
	void emptyBodyHasNoBodyHashButEmptyJsonObjectHasOne() {
		assertThat(this.signer.ext(new byte[0], "")).isEmpty();
		assertThat(this.signer.ext(null, "project_id=1")).isEqualTo("project_id=1");
		// SHA-256("{}") = RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=
		assertThat(this.signer.ext("{}".getBytes(StandardCharsets.UTF_8), ""))
			.isEqualTo("body_hash=RBNvo1WzZ4oRRq0W9%2BhknpT7T8If536DEMBg9hyq%2F4o%3D");
	}

	@Test
	void headerLeavesOutEmptyExt() {
		String header = this.signer.authorization("GET", URI.create("https://wallet.paysera.com/rest/v1/server"), null,
				Map.of(), TS, NONCE);
		assertThat(header).startsWith("MAC id=\"wkVd93h2uS\", ts=\"1343818800\", nonce=\"" + NONCE + "\", mac=\"")
			.doesNotContain("ext=");
	}

	@Test
	void defaultAndExplicitPorts() {
		assertThat(normalized("GET", "https://Wallet.Paysera.com/x", "")).contains("\nwallet.paysera.com\n443\n");
		assertThat(normalized("GET", "http://wallet.paysera.com/x", "")).contains("\nwallet.paysera.com\n80\n");
		assertThat(normalized("GET", "https://wallet.paysera.com:8443/x", "")).contains("\nwallet.paysera.com\n8443\n");
		assertThat(normalized("GET", "http://127.0.0.1:443/x", "")).contains("\n127.0.0.1\n443\n");
	}

	@Test
	void hostIsLowerCasedAndMethodUpperCased() {
		assertThat(normalized("get", "https://WALLET.paysera.COM/Rest/V1", ""))
			.isEqualTo(TS + "\n" + NONCE + "\nGET\n/Rest/V1\nwallet.paysera.com\n443\n\n");
	}

	@Test
	void requestUriKeepsRawPercentEncodingAndQueryOrder() {
		assertThat(normalized("GET", "https://h/rest/v1/user/a%2Fb/x?z=1&a=%20+%2B&convert_to=EUR", ""))
			.contains("\n/rest/v1/user/a%2Fb/x?z=1&a=%20+%2B&convert_to=EUR\n");
	}

	@Test
	void noBareQuestionMarkAndNoFragment() {
		assertThat(normalized("GET", "https://h/rest/v1/server?", "")).contains("\n/rest/v1/server\n");
		assertThat(normalized("GET", "https://h/rest/v1/server#frag", "")).contains("\n/rest/v1/server\n");
		assertThat(normalized("GET", "https://h", "")).contains("\nGET\n/\n");
	}

	@Test
	void signatureCoversEveryFieldAndVerifiesIndependently() {
		byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		URI uri = URI.create("https://wallet.paysera.com/rest/v1/wallet/14471/balance?convert_to=EUR");
		String header = this.signer.authorization("POST", uri, body, Map.of("project_id", "1221"), TS, NONCE);
		MacVerifier verifier = MacVerifier.of(ID, KEY);
		assertThat(verifier.verify("POST", "/rest/v1/wallet/14471/balance?convert_to=EUR", "wallet.paysera.com", 443,
				body, header).valid()).isTrue();
		assertThat(verifier.verify("GET", "/rest/v1/wallet/14471/balance?convert_to=EUR", "wallet.paysera.com", 443,
				body, header).valid()).isFalse();
		assertThat(verifier.verify("POST", "/rest/v1/wallet/14471/balance?convert_to=USD", "wallet.paysera.com", 443,
				body, header).valid()).isFalse();
		assertThat(verifier.verify("POST", "/rest/v1/wallet/14471/balance?convert_to=EUR", "wallet.paysera.com", 443,
				"{\"a\":2}".getBytes(StandardCharsets.UTF_8), header).valid()).isFalse();
		assertThat(MacVerifier.of(ID, KEY + "x").verify("POST", "/rest/v1/wallet/14471/balance?convert_to=EUR",
				"wallet.paysera.com", 443, body, header).valid()).isFalse();
	}

	@Test
	void keyIsUsedAsUtf8TextNeverBase64Decoded() {
		// "YWJj" is Base64 for "abc": a signer that decoded the key would equal the "abc" signer
		String asText = new MacSigner(ID, "YWJj").authorization("GET", URI.create("https://h/x"), null, Map.of(), TS, NONCE);
		String decoded = new MacSigner(ID, "abc").authorization("GET", URI.create("https://h/x"), null, Map.of(), TS, NONCE);
		assertThat(asText).isNotEqualTo(decoded);
		assertThat(MacVerifier.of(ID, "YWJj").verify("GET", "/x", "h", 443, new byte[0], asText).valid()).isTrue();
	}

	@Test
	void rejectsValuesThatWouldBreakTheHeader() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MacSigner("id\"x", KEY));
		assertThatIllegalArgumentException().isThrownBy(() -> new MacSigner("id\r\nX-Evil: 1", KEY));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.signer.authorization("GET", URI.create("https://h/"), null, Map.of(), TS, "n\"once"));
	}

	@Test
	void neverShowsTheKey() {
		assertThat(this.signer.toString()).doesNotContain(KEY).doesNotContain(ID);
		assertThat(this.signer).as("says what it is, and that the key is hidden").hasToString("MacSigner[key hidden]");
		assertThat(WalletCredentials.mac("default", this.signer).toString()).doesNotContain(KEY).doesNotContain(ID);
		try {
			new MacSigner("x\"", KEY);
		}
		catch (IllegalArgumentException ex) {
			assertThat(ex.getMessage()).doesNotContain(KEY);
		}
	}

	@Test
	void signerIsSafeUnderConcurrencyAndDeterministic() throws Exception {
		URI uri = URI.create("https://wallet.paysera.com/rest/v1/transaction");
		byte[] body = "{\"x\":\"y\"}".getBytes(StandardCharsets.UTF_8);
		String expected = this.signer.authorization("POST", uri, body, Map.of("project_id", "1"), TS, NONCE);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
			for (int t = 0; t < 8; t++) {
				results.add(pool.submit(() -> {
					for (int i = 0; i < 2000; i++) {
						if (!expected.equals(this.signer.authorization("POST", uri, body, Map.of("project_id", "1"), TS,
								NONCE))) {
							return false;
						}
					}
					return true;
				}));
			}
			for (java.util.concurrent.Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
