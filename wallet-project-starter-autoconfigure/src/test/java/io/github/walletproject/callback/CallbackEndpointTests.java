package io.github.walletproject.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.TransactionStatus;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockCallbacks;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import io.github.walletproject.test.SignedCallbacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Paysera's callbacks over real HTTP form posts to a servlet application (issue 19): what
 * verifies and what does not, the key and its rotation, the project a listener works in, what
 * is not dispatched, and the answers.
 */
@ExtendWith({ MockWalletApiExtension.class, OutputCaptureExtension.class })
class CallbackEndpointTests {

	static MockWalletApi api;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@TempDir
	Path directory;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@BeforeEach
	void resetMock() {
		api.reset();
		api.callbacks().clear();
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext app(String... extra) {
		ConfigurableApplicationContext context = CallbackApps.start(api, extra);
		this.contexts.add(context);
		return context;
	}

	private static CallbackApps.Listener listener(ConfigurableApplicationContext context) {
		return context.getBean(CallbackApps.Listener.class);
	}

	private static String transactionData(String key, Long projectId, String status) {
		return "{\"transaction_key\":\"" + key + "\",\"status\":\"" + status + "\",\"created_at\":1700000000"
				+ ((projectId != null) ? ",\"project_id\":" + projectId : "") + ",\"payments\":[]}";
	}

	private static String paymentData(long id, String transactionKey) {
		return "{\"id\":" + id + ",\"transaction_key\":\"" + transactionKey + "\",\"status\":\"reserved\","
				+ "\"created_at\":1700000000,\"price\":1299,\"currency\":\"EUR\"}";
	}

	private static String form(String event, String sign) {
		return "event=" + URLEncoder.encode(event, StandardCharsets.UTF_8) + "&sign="
				+ URLEncoder.encode(sign, StandardCharsets.UTF_8);
	}

	private static KeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static String sign(KeyPair keys, String event) throws Exception {
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keys.getPrivate());
		signature.update(event.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(signature.sign());
	}

	private Path pem(KeyPair keys) throws Exception {
		Path file = Files.createTempFile(this.directory, "paysera-", ".pem");
		Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
		return file;
	}

	@Test
	void aSignatureMadeWithAKeyTheTestGeneratesVerifiesAndIsDispatched() throws Exception {
		KeyPair keys = keyPair();
		ConfigurableApplicationContext app = app("paysera.wallet.callbacks.public-key=file:" + pem(keys));
		// non-ASCII text: the signature covers the exact UTF-8 bytes of event
		String event = MockCallbacks.event("transaction", "failed", transactionData("ÄbcKey1", 1221L, "failed"))
			.replace("\"payments\":[]", "\"payments\":[],\"correlation_key\":\"už sąskaitą €\"");

		assertThat(CallbackApps.post(app, form(event, sign(keys, event)))).isEqualTo(200);

		assertThat(listener(app).seen).singleElement().satisfies(seen -> {
			TransactionCallback callback = (TransactionCallback) seen.callback();
			assertThat(callback.type()).isEqualTo(TransactionCallbackType.FAILED);
			assertThat(callback.transaction().key()).isEqualTo("ÄbcKey1");
			assertThat(callback.transaction().status()).isEqualTo(TransactionStatus.FAILED);
			assertThat(callback.transaction().correlationKey()).isEqualTo("už sąskaitą €");
			assertThat(callback.project().id()).isEqualTo(1221);
		});
		assertThat(CallbackApps.outcomes(app, "dispatched")).isEqualTo(1);
		// a pinned key: nothing fetched
		assertThat(api.requests()).noneMatch(request -> request.path().equals("/publickey"));
	}

	@Test
	void changingOneByteOfEventOfSignOrOfTheKeyFails(CapturedOutput output) throws Exception {
		KeyPair keys = keyPair();
		ConfigurableApplicationContext app = app("paysera.wallet.callbacks.public-key=file:" + pem(keys));
		String event = MockCallbacks.event("transaction", "failed", transactionData("abcKey12", 1221L, "failed"));
		String sign = sign(keys, event);

		String changedEvent = event.replace("abcKey12", "abcKey13");
		char[] signChars = sign.toCharArray();
		signChars[10] = (signChars[10] == 'A') ? 'B' : 'A';
		String changedSign = new String(signChars);
		assertThat(CallbackApps.post(app, form(changedEvent, sign))).isEqualTo(400);
		assertThat(CallbackApps.post(app, form(event, changedSign))).isEqualTo(400);
		// the right signature, verified with another key
		ConfigurableApplicationContext otherKey = app("paysera.wallet.callbacks.public-key=file:" + pem(keyPair()));
		assertThat(CallbackApps.post(otherKey, form(event, sign))).isEqualTo(400);

		assertThat(listener(app).seen).isEmpty();
		assertThat(listener(otherKey).seen).isEmpty();
		assertThat(CallbackApps.outcomes(app, "invalid_signature")).isEqualTo(2);
		assertThat(CallbackApps.outcomes(otherKey, "invalid_signature")).isEqualTo(1);
		assertThat(output).contains("its signature does not verify").doesNotContain("abcKey13").doesNotContain(sign);
		// and the original still verifies
		assertThat(CallbackApps.post(app, form(event, sign))).isEqualTo(200);
		assertThat(listener(app).seen).hasSize(1);
	}

	@Test
	void aMissingFieldOrSignThatIsNotBase64Fails(CapturedOutput output) throws Exception {
		KeyPair keys = keyPair();
		ConfigurableApplicationContext app = app("paysera.wallet.callbacks.public-key=file:" + pem(keys));
		String event = MockCallbacks.event("transaction", "failed", transactionData("secretish", 1221L, "failed"));
		String sign = sign(keys, event);

		assertThat(CallbackApps.post(app, "sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8))).isEqualTo(400);
		assertThat(CallbackApps.post(app, "event=" + URLEncoder.encode(event, StandardCharsets.UTF_8))).isEqualTo(400);
		assertThat(CallbackApps.post(app, form(event, ""))).isEqualTo(400);
		assertThat(CallbackApps.post(app, form(event, "not*base64!"))).isEqualTo(400);
		assertThat(CallbackApps.post(app, "")).isEqualTo(400);

		assertThat(listener(app).seen).isEmpty();
		assertThat(CallbackApps.outcomes(app, "malformed")).isEqualTo(5);
		assertThat(output).contains("form field 'event' is missing", "form field 'sign' is missing",
				"form field 'sign' is not Base64").doesNotContain("secretish");
	}

	@Test
	void theKeyIsFetchedOnceThenAgainAfterItRotatesAndNoMoreOftenThanTheInterval() {
		ConfigurableApplicationContext app = app();
		String uri = CallbackApps.callbackUri(app);
		MockCallbacks paysera = api.callbacks();

		assertThat(paysera.deliver(uri, "transaction", "failed", transactionData("rotate01", 1221L, "failed")).status())
			.isEqualTo(200);
		assertThat(paysera.deliver(uri, "transaction", "failed", transactionData("rotate02", 1221L, "failed")).status())
			.isEqualTo(200);
		assertThat(publicKeyFetches()).hasSize(1);

		paysera.rotateKey();
		assertThat(paysera.deliver(uri, "transaction", "failed", transactionData("rotate03", 1221L, "failed")).status())
			.isEqualTo(200);
		assertThat(publicKeyFetches()).hasSize(2);

		// a forged callback right after: refused, and the key is not fetched again within the interval
		String event = MockCallbacks.event("transaction", "failed", transactionData("forged01", 1221L, "failed"));
		assertThat(CallbackApps.post(app, form(event, Base64.getEncoder().encodeToString(new byte[256]))))
			.isEqualTo(400);
		assertThat(publicKeyFetches()).hasSize(2);
		assertThat(listener(app).seen).extracting(seen -> seen.callback().id())
			.containsExactly("rotate01", "rotate02", "rotate03");
		// the fetch is the starter's own: unauthenticated, outside the REST base
		assertThat(publicKeyFetches()).allSatisfy(request -> assertThat(request.header("authorization")).isEmpty());
		Health health = ((HealthIndicator) app.getBean("walletCallbacksHealthIndicator")).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("keySource", api.publicKeyUri()).containsKey("keyAge")
			.doesNotContainKey("lastFetchError");
	}

	@Test
	void aKeyThatCannotBeFetchedFailsClosedAndShowsInHealth() {
		ConfigurableApplicationContext app = app(
				"paysera.wallet.callbacks.public-key-uri=http://127.0.0.1:" + api.port() + "/no-such-key");
		String uri = CallbackApps.callbackUri(app);

		MockCallbacks.Delivery delivery = api.callbacks()
			.deliver(uri, "transaction", "failed", transactionData("nokey001", 1221L, "failed"));

		assertThat(delivery.status()).isEqualTo(503);
		assertThat(listener(app).seen).isEmpty();
		assertThat(CallbackApps.outcomes(app, "key_unavailable")).isEqualTo(1);
		Health health = ((HealthIndicator) app.getBean("walletCallbacksHealthIndicator")).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("lastFetchError")).contains("GET /no-such-key");
	}

	@Test
	void aListenerRunsInTheEventsProjectAndItsWalletCallCarriesThatProjectThoughTheThreadWasBoundToAnother() {
		ConfigurableApplicationContext app = app();
		WalletTransactions transactions = app.getBean(WalletTransactions.class);
		String callbackUri = CallbackApps.callbackUri(app);
		Transaction created = ProjectContext.callWith("shop", () -> transactions.create(TransactionRequest.builder()
			.payment(PaymentRequest.of("Order #7", Money.of("12.99", "EUR")))
			.callbackUri(callbackUri)
			.build()));

		// the payer accepts: Paysera (the mock) signs and posts "reserved" to the callback_uri
		api.acceptTransaction(created.key(), 14471);
		MockCallbacks.Delivery reserved = api.callbacks()
			.awaitDelivery(delivery -> delivery.isAbout("transaction", "reserved"), Duration.ofSeconds(10));

		assertThat(reserved.status()).isEqualTo(200);
		CallbackApps.Seen seen = listener(app).seen.get(0);
		assertThat(seen.callback().project().id()).isEqualTo(1221);
		assertThat(seen.boundProject()).isEqualTo("shop");
		assertThat(seen.confirmed().status()).isEqualTo(TransactionStatus.CONFIRMED);
		assertThat(api).lastRequestTo("PUT", "transaction/" + created.key() + "/confirm")
			.hasValidSignature()
			.isForProject(1221);
		assertThat(api.misroutedRequests()).isEmpty();
		// the confirmation changed the ledger too: a "confirmed" callback follows, in shop again
		api.callbacks().awaitDelivery(delivery -> delivery.isAbout("transaction", "confirmed"), Duration.ofSeconds(10));
		assertThat(listener(app).seen).extracting(s -> s.callback().typeName()).containsExactly("reserved", "confirmed");
		assertThat(listener(app).seen).extracting(CallbackApps.Seen::boundProject).containsOnly("shop");
	}

	@Test
	void withoutProjectIdTheProjectComesFromTheRecordOfTheTransactionTheStarterCreated() {
		ConfigurableApplicationContext app = app();
		WalletTransactions transactions = app.getBean(WalletTransactions.class);
		Transaction created = ProjectContext.callWith("shop", () -> transactions.create(TransactionRequest.builder()
			.payment(PaymentRequest.of("Order #8", Money.of("1.00", "EUR")))
			.build()));
		long paymentId = created.payments().get(0).id();

		MockCallbacks.Delivery delivery = api.callbacks().deliver(CallbackApps.callbackUri(app), "payment", "reserved",
				paymentData(paymentId, created.key()));

		assertThat(delivery.status()).isEqualTo(200);
		assertThat(listener(app).seen).singleElement().satisfies(seen -> {
			PaymentCallback callback = (PaymentCallback) seen.callback();
			assertThat(callback.type()).isEqualTo(PaymentCallbackType.RESERVED);
			assertThat(callback.payment().id()).isEqualTo(paymentId);
			assertThat(callback.project().id()).isEqualTo(1221);
			assertThat(seen.boundProject()).isEqualTo("shop");
		});
	}

	@Test
	void anUnknownProjectIsRefusedForNowAndAForbiddenProjectAcknowledgedAndNeitherIsDispatched(CapturedOutput output) {
		ConfigurableApplicationContext app = app();
		String uri = CallbackApps.callbackUri(app);

		// no project_id, and a transaction key the starter never saw: never the default, never
		// marketplace; answered 503 so that Paysera sends it again (CallbackRecordsTests)
		assertThat(api.callbacks().deliver(uri, "payment", "reserved", paymentData(77, "neverMade")).status())
			.isEqualTo(503);
		// project 1223 is not one the credentials may use
		assertThat(api.callbacks()
			.deliver(uri, "transaction", "reserved", transactionData("otherOne", 1223L, "reserved"))
			.status()).isEqualTo(200);

		assertThat(listener(app).seen).isEmpty();
		assertThat(CallbackApps.outcomes(app, "unknown_project")).isEqualTo(1);
		assertThat(CallbackApps.outcomes(app, "forbidden_project")).isEqualTo(1);
		assertThat(api.requests()).noneMatch(request -> request.method().equals("PUT"));
		assertThat(output).contains("no project was recorded for transaction 'neverMade'",
				"its project 1223 is not one the credentials may use");
	}

	@Test
	void aDuplicateIsDispatchedOnceAndAThrowingListenerGets500AndTheRetryIsDispatched() {
		ConfigurableApplicationContext app = app();
		String uri = CallbackApps.callbackUri(app);
		String data = transactionData("dupKey01", 1221L, "failed");

		listener(app).fail = true;
		assertThat(api.callbacks().deliver(uri, "transaction", "failed", data).status()).isEqualTo(500);
		assertThat(CallbackApps.outcomes(app, "listener_failed")).isEqualTo(1);

		listener(app).fail = false;
		assertThat(api.callbacks().deliver(uri, "transaction", "failed", data).status()).isEqualTo(200);
		assertThat(api.callbacks().deliver(uri, "transaction", "failed", data).status()).isEqualTo(200);
		// another type of the same object is another event
		assertThat(api.callbacks().deliver(uri, "transaction", "rejected", data).status()).isEqualTo(200);

		assertThat(listener(app).seen).extracting(seen -> seen.callback().typeName()).containsExactly("failed", "rejected");
		assertThat(CallbackApps.outcomes(app, "duplicate")).isEqualTo(1);
		assertThat(CallbackApps.outcomes(app, "dispatched")).isEqualTo(2);
	}

	@Test
	void anObjectKindTheStarterDoesNotKnowAndATypeItDoesNotKnow() {
		ConfigurableApplicationContext app = app();
		String uri = CallbackApps.callbackUri(app);

		assertThat(api.callbacks().deliver(uri, "invoice", "paid", "{\"id\":5,\"project_id\":1221}").status())
			.isEqualTo(200);
		assertThat(api.callbacks()
			.deliver(uri, "transaction", "teleported", transactionData("newType1", 1221L, "teleported"))
			.status()).isEqualTo(200);

		assertThat(CallbackApps.outcomes(app, "unsupported")).isEqualTo(1);
		assertThat(listener(app).seen).singleElement().satisfies(seen -> {
			TransactionCallback callback = (TransactionCallback) seen.callback();
			assertThat(callback.type()).isEqualTo(TransactionCallbackType.UNKNOWN);
			assertThat(callback.typeName()).isEqualTo("teleported");
			assertThat(callback.transaction().status()).isEqualTo(TransactionStatus.UNKNOWN);
		});
	}

	@Test
	void aVerifiedCallbackTheStarterCannotReadGets500SoThatPayseraKeepsItAndItsBodyIsNotLogged(CapturedOutput output) {
		ConfigurableApplicationContext app = app();
		String uri = CallbackApps.callbackUri(app);

		assertThat(api.callbacks().deliver(uri, "{\"object\": secretBody1").status()).isEqualTo(500);
		assertThat(api.callbacks().deliver(uri, "{\"object\":\"transaction\",\"type\":\"reserved\"}").status())
			.isEqualTo(500);
		assertThat(api.callbacks()
			.deliver(uri, "transaction", "reserved",
					"{\"transaction_key\":\"unread01\",\"created_at\":\"secretBody2\",\"project_id\":1221}")
			.status()).isEqualTo(500);

		assertThat(listener(app).seen).isEmpty();
		assertThat(CallbackApps.outcomes(app, "unreadable")).isEqualTo(3);
		assertThat(CallbackApps.outcomes(app, "unsupported")).isZero();
		assertThat(output).contains("answered 500 so that Paysera keeps it").doesNotContain("secretBody");
	}

	@Test
	void eventAndSignInTheQueryStringAreRefused() {
		ConfigurableApplicationContext app = app();
		String event = MockCallbacks.event("transaction", "failed", transactionData("queryKey", 1221L, "failed"));
		String query = api.callbacks().form(event);

		int status = api.callbacks().postForm(CallbackApps.callbackUri(app) + "?" + query, "");

		assertThat(status).isEqualTo(400);
		assertThat(listener(app).seen).isEmpty();
	}

	@Test
	void withoutThePathThereIsNoEndpoint() {
		ConfigurableApplicationContext app = app("paysera.wallet.callbacks.path=");

		int status = api.callbacks().postForm(CallbackApps.callbackUri(app), api.callbacks()
			.form(MockCallbacks.event("transaction", "failed", transactionData("noPath01", 1221L, "failed"))));

		assertThat(status).isIn(404, 405);
		assertThat(app.getBeanNamesForType(CallbackHandler.class)).isEmpty();
		assertThat(listener(app).seen).isEmpty();
	}

	@Test
	void aPinnedKeyThatCannotBeReadStopsTheApplicationNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> app("paysera.wallet.callbacks.public-key=file:" + this.directory.resolve("missing.pem")))
			.havingRootCause()
			.withMessageContaining("paysera.wallet.callbacks.public-key")
			.withMessageContaining("missing.pem");
	}

	@Test
	void theRecordsGetACacheOfTheirOwnNeverTheAccessCacheAndAPositiveTimeToLive() {
		assertThatException()
			.isThrownBy(() -> app("spring.cache.type=simple", "paysera.wallet.access.cache.cache-name=wallet",
					"paysera.wallet.callbacks.cache-name=wallet"))
			.havingRootCause()
			.withMessageContaining("paysera.wallet.callbacks.cache-name")
			.withMessageContaining("the access cache's name");
		assertThatException().isThrownBy(() -> app("paysera.wallet.callbacks.records.time-to-live=0s"))
			.havingRootCause()
			.withMessageContaining("paysera.wallet.callbacks.records.time-to-live")
			.withMessageContaining("must be positive");

		// by default, a cache of their own next to the shared access cache
		ConfigurableApplicationContext app = app("spring.cache.type=simple",
				"paysera.wallet.access.cache.cache-name=wallet");
		Transaction created = ProjectContext.callWith("shop", () -> app.getBean(WalletTransactions.class)
			.create(TransactionRequest.of(PaymentRequest.of("Order #11", Money.of("1.00", "EUR")))));
		org.springframework.cache.Cache callbacks = app.getBean(org.springframework.cache.CacheManager.class)
			.getCache("wallet-callbacks");
		assertThat(callbacks.get("wallet-callbacks:transaction-project:" + created.key())).isNotNull();
		assertThat(app.getBean(org.springframework.cache.CacheManager.class).getCache("wallet")
			.get("wallet-callbacks:transaction-project:" + created.key())).isNull();
	}

	@Test
	void theTestKitsMockMvcRequestIsCorrectlySigned() throws Exception {
		ConfigurableApplicationContext app = app();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).build();

		mvc.perform(SignedCallbacks.post(api, CallbackApps.PATH, "transaction", "failed",
				transactionData("mockMvc1", 1221L, "failed")))
			.andExpect(MockMvcResultMatchers.status().isOk());
		String other = MockCallbacks.event("transaction", "failed", transactionData("mockMvc2", 1221L, "failed"));
		mvc.perform(MockMvcRequestBuilders.post(CallbackApps.PATH)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(form(other, api.callbacks().sign(other.replace("mockMvc2", "mockMvc3")))))
			.andExpect(MockMvcResultMatchers.status().isBadRequest());

		assertThat(listener(app).seen).extracting(seen -> seen.callback().id()).containsExactly("mockMvc1");
		assertThat(CallbackApps.outcomes(app, "invalid_signature")).isEqualTo(1);
		assertThat(app.getBean(WalletConfirmationUrls.class).confirm("mockMvc1"))
			.hasToString("https://bank.paysera.com/frontend/wallet/confirm/mockMvc1");
	}

	private static List<ReceivedRequest> publicKeyFetches() {
		return api.requests().stream().filter(request -> request.path().equals("/publickey")).toList();
	}

}
