package io.github.walletproject.callback;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockCallbacks;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the endpoint reads the form, over real HTTP: the signature is checked over the exact
 * bytes of {@code event} as sent, whatever the form's charset; names and values are decoded
 * by one decoder, so a percent-encoded name is the field it names, and a field given twice,
 * or in the query string under any spelling, is refused.
 */
@ExtendWith(MockWalletApiExtension.class)
class CallbackFormTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	static MockWalletApi api;

	private static KeyPair keys;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void fixtures(MockWalletApi mock) throws Exception {
		api = TestApps.fixtures(mock);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keys = generator.generateKeyPair();
	}

	@BeforeEach
	void start() throws Exception {
		api.reset();
		Path pem = Files.createTempFile(directory, "paysera-", ".pem");
		Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
		app = CallbackApps.start(api, "paysera.wallet.callbacks.public-key=file:" + pem);
		this.contexts.add(app);
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private static String event(String key, String correlation) {
		return MockCallbacks.event("transaction", "failed", "{\"transaction_key\":\"" + key + "\",\"status\":\"failed\","
				+ "\"created_at\":1700000000,\"project_id\":1221,\"payments\":[],\"correlation_key\":\"" + correlation
				+ "\"}");
	}

	private static String sign(byte[] event) throws Exception {
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keys.getPrivate());
		signature.update(event);
		return Base64.getEncoder().encodeToString(signature.sign());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static int postUtf8(String body) {
		return CallbackApps.post(app, null, FORM, body.getBytes(StandardCharsets.US_ASCII));
	}

	private static List<String> seenKeys() {
		return app.getBean(CallbackApps.Listener.class).seen.stream().map(seen -> seen.callback().id()).toList();
	}

	@Test
	void aFormInAnotherCharsetVerifiesOverTheExactBytesOfEventAsSent() throws Exception {
		Charset latin1 = StandardCharsets.ISO_8859_1;
		String event = event("latin001", "Café Müller, Ærø");
		byte[] sent = event.getBytes(latin1);
		String body = "event=" + URLEncoder.encode(event, latin1) + "&sign=" + encode(sign(sent));

		int status = CallbackApps.post(app, null, FORM + "; charset=ISO-8859-1", body.getBytes(StandardCharsets.US_ASCII));

		assertThat(status).isEqualTo(200);
		assertThat(app.getBean(CallbackApps.Listener.class).seen).singleElement()
			.satisfies(seen -> assertThat(((TransactionCallback) seen.callback()).transaction().correlationKey())
				.isEqualTo("Café Müller, Ærø"));
	}

	@Test
	void aUtf8FormWithNonAsciiTextStillVerifiesWithOrWithoutTheCharsetNamed() throws Exception {
		String event = event("utf8key1", "už sąskaitą €");
		String body = "event=" + encode(event) + "&sign=" + encode(sign(event.getBytes(StandardCharsets.UTF_8)));
		String unnamed = event("utf8key2", "už sąskaitą €");
		String unnamedBody = "event=" + encode(unnamed) + "&sign="
				+ encode(sign(unnamed.getBytes(StandardCharsets.UTF_8)));

		assertThat(CallbackApps.post(app, null, FORM + ";charset=UTF-8", body.getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(200);
		assertThat(postUtf8(unnamedBody)).isEqualTo(200);
		assertThat(app.getBean(CallbackApps.Listener.class).seen).hasSize(2)
			.allSatisfy(seen -> assertThat(((TransactionCallback) seen.callback()).transaction().correlationKey())
				.isEqualTo("už sąskaitą €"));
	}

	/**
	 * A form sent as {@code multipart/form-data} (what PHP's cURL sends for an array of
	 * fields; Paysera's own client reads either kind through {@code $_POST}) is read from its
	 * parts: verified over the exact bytes of the {@code event} part, and refused when a field
	 * comes twice.
	 */
	@Test
	void aMultipartFormIsVerifiedOverTheExactBytesOfItsEventPart() throws Exception {
		String event = event("multi001", "už sąskaitą €");
		byte[] sent = event.getBytes(StandardCharsets.UTF_8);
		String sign = sign(sent);

		assertThat(CallbackApps.post(app, null, "multipart/form-data; boundary=XyZ-boundary",
				multipart("XyZ-boundary", List.of("event", "sign"), List.of(sent, sign.getBytes(StandardCharsets.US_ASCII)))))
			.isEqualTo(200);
		assertThat(CallbackApps.post(app, null, "multipart/form-data; boundary=XyZ-boundary",
				multipart("XyZ-boundary", List.of("event", "sign", "sign"), List.of(sent,
						sign.getBytes(StandardCharsets.US_ASCII), sign.getBytes(StandardCharsets.US_ASCII)))))
			.isEqualTo(400);
		byte[] tampered = event.replace("multi001", "multi002").getBytes(StandardCharsets.UTF_8);
		assertThat(CallbackApps.post(app, null, "multipart/form-data; boundary=XyZ-boundary",
				multipart("XyZ-boundary", List.of("event", "sign"), List.of(tampered, sign.getBytes(StandardCharsets.US_ASCII)))))
			.isEqualTo(400);
		assertThat(seenKeys()).containsExactly("multi001");
	}

	private static byte[] multipart(String boundary, List<String> names, List<byte[]> values) {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < names.size(); i++) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + names.get(i)
					+ "\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(values.get(i));
			body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	@Test
	void aPercentEncodedNameIsTheFieldItNames() throws Exception {
		String event = event("pctName1", "x");
		String body = "%65vent=" + encode(event) + "&%73ign=" + encode(sign(event.getBytes(StandardCharsets.UTF_8)));

		assertThat(postUtf8(body)).isEqualTo(200);
		assertThat(seenKeys()).containsExactly("pctName1");
	}

	@Test
	void eventOrSignGivenTwiceIsRefusedWhateverTheSpelling() throws Exception {
		String event = event("twice001", "x");
		String other = event("twice002", "x");
		String sign = encode(sign(event.getBytes(StandardCharsets.UTF_8)));

		assertThat(postUtf8("event=" + encode(event) + "&event=" + encode(other) + "&sign=" + sign)).isEqualTo(400);
		assertThat(postUtf8("event=" + encode(event) + "&%65vent=" + encode(other) + "&sign=" + sign)).isEqualTo(400);
		assertThat(postUtf8("event=" + encode(event) + "&sign=" + sign + "&sign=" + sign)).isEqualTo(400);
		assertThat(postUtf8("event=" + encode(event) + "&sign=" + sign + "&%73%69gn=" + sign)).isEqualTo(400);

		assertThat(seenKeys()).isEmpty();
		assertThat(CallbackApps.outcomes(app, "malformed")).isEqualTo(4);
	}

	@Test
	void eventOrSignInTheQueryStringIsRefusedWhateverTheSpelling() throws Exception {
		String event = event("query001", "x");
		String sign = encode(sign(event.getBytes(StandardCharsets.UTF_8)));

		// the whole callback in the query, its names percent-encoded
		assertThat(CallbackApps.post(app, "%65vent=" + encode(event) + "&%73ign=" + sign, FORM, new byte[0]))
			.isEqualTo(400);
		// a valid body, and a second event in the query
		String body = "event=" + encode(event) + "&sign=" + sign;
		assertThat(CallbackApps.post(app, "ev%65nt=" + encode(event("query002", "x")), FORM,
				body.getBytes(StandardCharsets.US_ASCII))).isEqualTo(400);

		assertThat(seenKeys()).isEmpty();
	}

	@Test
	void otherFieldsAndAnEmptyValueElsewhereAreIgnored() throws Exception {
		String event = event("others01", "x");
		String body = "a=1&event=" + encode(event) + "&&b&sign=" + encode(sign(event.getBytes(StandardCharsets.UTF_8)))
				+ "&c=%E2%82%AC";

		assertThat(postUtf8(body)).isEqualTo(200);
		assertThat(seenKeys()).containsExactly("others01");
	}

}
