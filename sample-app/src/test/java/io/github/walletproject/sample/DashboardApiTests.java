package io.github.walletproject.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.walletproject.client.WalletProjects;

import io.github.walletproject.sample.mode.DemoWalletApi;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockCallbacks;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.ReceivedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's JSON API over HTTP against the embedded demo Wallet API: no browser.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = SampleTestProperties.DEMO)
class DashboardApiTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoWalletApi demo;

	@Autowired
	WalletProjects wallet;

	@Autowired
	MeterRegistry meters;

	MockWalletApi api;

	@BeforeEach
	void reset() {
		this.api = this.demo.api().reset();
	}

	@Test
	void balancesShowEveryConfiguredProjectSideBySideAndTheInaccessibleOneFailsInItsOwnEntry() {
		ApiClient.Response balances = new ApiClient(this.port).get("/api/balances");

		assertThat(balances.status()).isEqualTo(200);
		assertThat(balances.<List<String>>json("$[*].alias")).containsExactly("shop", "marketplace", "subscriptions",
				"partner");
		assertThat(amount(balances, "shop", "EUR")).isEqualTo("1284.50");
		assertThat(amount(balances, "shop", "USD")).isEqualTo("312.00");
		assertThat(amount(balances, "marketplace", "EUR")).isEqualTo("9870.15");
		assertThat(amount(balances, "subscriptions", "EUR")).isEqualTo("56.20");
		assertThat(balances.<List<String>>json("$[?(@.alias=='partner')].error.type"))
			.containsExactly("ProjectAccessDeniedException");
		assertThat(balances.<List<String>>json("$[?(@.alias=='partner')].error.message")).singleElement()
			.asString()
			.startsWith("No access to project 1223");
		assertThat(balances.<List<Object>>json("$[?(@.alias=='partner')].currencies[*]")).isEmpty();
		assertThat(this.api.requestsForProject(1223)).as("refused before sending").isEmpty();
		assertThat(this.api.invalidRequests()).isEmpty();
	}

	@Test
	void balancesAreReadInOneFanOutWithEachProjectBound() {
		double before = fanOuts();

		ApiClient.Response balances = new ApiClient(this.port).get("/api/balances");

		assertThat(balances.status()).isEqualTo(200);
		// one WalletFanOut call over the configured projects: three values and the refused partner
		assertThat(fanOuts() - before).isEqualTo(1);
		assertThat(this.meters.get("wallet.fan-out")
			.tags("wallet.selection", "configured", "wallet.projects", "4", "wallet.outcome.value", "3",
					"wallet.outcome.refused", "1")
			.timer()
			.count()).isPositive();
		// the tasks name no project: each balance request went out with its own project's id
		assertThat(this.api.requests().stream().filter(request -> request.path().matches("wallet/\\d+/balance")))
			.extracting(request -> request.path() + "@" + request.projectId())
			.containsExactlyInAnyOrder("wallet/2112/balance@1221", "wallet/2113/balance@1222",
					"wallet/2114/balance@1224");
	}

	private double fanOuts() {
		return this.meters.find("wallet.fan-out").timers().stream().mapToDouble(timer -> timer.count()).sum();
	}

	@Test
	void aWalletThatFailsShowsItsErrorWithoutHidingTheOtherProjects() {
		this.api.failNext("GET", "wallet/2114/balance",
				Fault.error(500, "internal_server_error", "Wallet storage is offline"), 1);

		ApiClient.Response balances = new ApiClient(this.port).get("/api/balances");

		assertThat(balances.status()).isEqualTo(200);
		assertThat(balances.<List<String>>json("$[?(@.alias=='subscriptions')].error.message")).singleElement()
			.asString()
			.contains("internal_server_error")
			.contains("Wallet storage is offline");
		assertThat(amount(balances, "shop", "EUR")).isEqualTo("1284.50");
		assertThat(amount(balances, "marketplace", "EUR")).isEqualTo("9870.15");
	}

	@Test
	void accessibleProjectsAreListedForEachSetOfCredentials() {
		ApiClient.Response accessible = new ApiClient(this.port).get("/api/projects/accessible");

		assertThat(accessible.status()).isEqualTo(200);
		assertThat(accessible.<List<String>>json("$[*].credentials")).containsExactly("default", "marketplace");
		assertThat(accessible.<List<Integer>>json("$[0].projects[*].id")).containsExactly(1221, 1224, 1225);
		assertThat(accessible.<List<String>>json("$[0].usedBy")).containsExactly("shop", "subscriptions", "partner");
		assertThat(accessible.<List<String>>json("$[0].projects[?(@.id==1225)].configuredAs")).containsOnlyNulls();
		assertThat(accessible.<List<Integer>>json("$[1].projects[*].id")).containsExactly(1222, 1230);
		assertThat(accessible.<List<String>>json("$[1].projects[?(@.id==1222)].configuredAs"))
			.containsExactly("marketplace");
	}

	@Test
	void theSessionRemembersTheChosenProjectAndPlainCallsGoToIt() {
		ApiClient alice = new ApiClient(this.port);
		ApiClient bob = new ApiClient(this.port);

		ApiClient.Response switched = alice.put("/api/current", "{\"project\":\"marketplace\"}");
		assertThat(switched.status()).isEqualTo(200);
		assertThat(switched.<String>json("$.project")).isEqualTo("marketplace");
		this.api.reset();

		ApiClient.Response current = alice.get("/api/current");
		assertThat(current.<String>json("$.project")).isEqualTo("marketplace");
		assertThat(current.<String>json("$.source")).isEqualTo("session");
		assertThat(current.<List<String>>json("$.balance.currencies[?(@.currency=='EUR')].atDisposal"))
			.containsExactly("9870.15");
		// the unrouted balance call went to the session's project, signed with its own client
		assertThat(this.api.requests()).filteredOn(r -> r.path().equals("wallet/2113/balance"))
			.isNotEmpty()
			.allSatisfy(r -> {
				assertThat(r.ext()).containsEntry("project_id", "1222");
				assertThat(r.verification().macId()).isEqualTo(DemoWalletApi.MARKETPLACE_MAC_ID);
				assertThat(r.signatureValid()).isTrue();
			});

		ApiClient.Response other = bob.get("/api/current");
		assertThat(other.<String>json("$.project")).as("another browser session").isEqualTo("shop");
		assertThat(other.<String>json("$.source")).isEqualTo("default");

		ApiClient.Response reset = alice.delete("/api/current");
		assertThat(reset.<String>json("$.project")).isEqualTo("shop");
		assertThat(alice.get("/api/current").<String>json("$.source")).isEqualTo("default");
	}

	@Test
	void switchingToAnUnknownProjectIsRefusedAndKeepsTheSessionsChoice() {
		ApiClient browser = new ApiClient(this.port);
		browser.put("/api/current", "{\"project\":\"subscriptions\"}");

		ApiClient.Response refused = browser.put("/api/current", "{\"project\":\"no-such-project\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.<String>json("$.type")).isEqualTo("InvalidProjectException");
		assertThat(refused.<String>json("$.message")).contains("Unknown project alias 'no-such-project'")
			.contains("shop, marketplace, subscriptions, partner");
		assertThat(browser.get("/api/current").<String>json("$.project")).isEqualTo("subscriptions");
	}

	@Test
	void aSessionBoundToAnInaccessibleProjectShowsTheAccessErrorForTheCurrentProject() {
		ApiClient browser = new ApiClient(this.port);
		browser.put("/api/current", "{\"project\":\"partner\"}");

		ApiClient.Response current = browser.get("/api/current");

		assertThat(current.<String>json("$.project")).isEqualTo("partner");
		assertThat(current.<String>json("$.balance.error.type")).isEqualTo("ProjectAccessDeniedException");
		assertThat(this.api.requestsForProject(1223)).isEmpty();
	}

	@Test
	void theSpelRoutedCallGoesToTheProjectItsArgumentNamesInsideTheSessionsBinding() {
		ApiClient browser = new ApiClient(this.port);
		browser.put("/api/current", "{\"project\":\"shop\"}");
		this.api.reset();

		ApiClient.Response routed = browser.get("/api/routed/balance?project=subscriptions");

		assertThat(routed.status()).isEqualTo(200);
		assertThat(routed.<String>json("$.routedTo")).isEqualTo("subscriptions");
		assertThat(routed.<Integer>json("$.routedId")).isEqualTo(1224);
		assertThat(routed.<Integer>json("$.walletId")).isEqualTo(2114);
		assertThat(routed.<String>json("$.sessionBindingBefore")).isEqualTo("shop");
		assertThat(routed.<String>json("$.sessionBindingAfter")).isEqualTo("shop");
		assertThat(this.api.requests()).filteredOn(r -> r.path().equals("wallet/2114/balance"))
			.singleElement()
			.satisfies(r -> assertThat(r.projectId()).isEqualTo(1224L));
		assertThat(this.api.requestsForProject(1221)).as("nothing went to the session's project").isEmpty();

		ApiClient.Response byId = browser.get("/api/routed/balance?project=1222");
		assertThat(byId.<String>json("$.routedTo")).isEqualTo("marketplace");
	}

	@Test
	void aSpelRoutedCallToAnInaccessibleProjectIsRefusedBeforeAnythingIsSent() {
		ApiClient.Response refused = new ApiClient(this.port).get("/api/routed/balance?project=partner");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.<String>json("$.type")).isEqualTo("ProjectAccessDeniedException");
		assertThat(refused.<String>json("$.message")).contains("1221 (shop)").contains("1224 (subscriptions)");
		assertThat(this.api.requestsForProject(1223)).isEmpty();
	}

	@Test
	void theSpelRoutedPaymentIsCreatedInThePaymentsProject() {
		ApiClient.Response paid = new ApiClient(this.port).post("/api/routed/payment",
				"{\"project\":\"marketplace\",\"amount\":\"12.99\",\"currency\":\"EUR\",\"description\":\"Tote bag\"}");

		assertThat(paid.status()).isEqualTo(200);
		assertThat(paid.<String>json("$.routedTo")).isEqualTo("marketplace");
		assertThat(paid.<String>json("$.transaction.status")).isEqualTo("new");
		assertThat(paid.<Integer>json("$.transaction.projectId")).isEqualTo(1222);
		assertThat(paid.<String>json("$.transaction.payments[0].price")).isEqualTo("12.99");
		ReceivedRequest sent = this.api.requests()
			.stream()
			.filter(r -> r.method().equals("POST") && r.path().equals("transaction"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(sent.projectId()).isEqualTo(1222L);
		assertThat(sent.verification().macId()).isEqualTo(DemoWalletApi.MARKETPLACE_MAC_ID);
		assertThat(sent.ext()).containsKey("body_hash");
		assertThat(sent.bodyField("payments[0].price_decimal")).contains("12.99");
		assertThat(sent.bodyField("payments[0].currency")).contains("EUR");
		assertThat(sent.bodyField("payments[0].description")).contains("Tote bag");
		assertThat(sent.hasBodyField("project_id")).as("the project is signed, not a body field").isFalse();
		assertThat(sent.signatureValid()).isTrue();
	}

	@Test
	void aTransactionIsCreatedAcceptedByTheDemoPayerAndConfirmedForLessInTheSessionsProject() {
		ApiClient browser = new ApiClient(this.port);
		browser.put("/api/current", "{\"project\":\"marketplace\"}");
		this.api.reset();

		ApiClient.Response created = browser.post("/api/pay/transaction",
				"{\"amount\":\"12.99\",\"currency\":\"EUR\",\"description\":\"Tote bag\"}");

		assertThat(created.status()).isEqualTo(200);
		String key = created.json("$.transaction.key");
		assertThat(created.<String>json("$.transaction.status")).isEqualTo("new");
		assertThat(created.<Integer>json("$.transaction.projectId")).isEqualTo(1222);
		assertThat(created.<String>json("$.transaction.payments[0].price")).isEqualTo("12.99");
		assertThat(created.<String>json("$.transaction.payments[0].description")).isEqualTo("Tote bag");
		assertThat(created.<Object>json("$.transaction.payerWalletId")).isNull();
		assertThat(created.<List<String>>json("$.steps[0].calls"))
			.containsExactly("POST transaction (callback_uri http://127.0.0.1:" + this.port + "/paysera/callbacks)");
		assertThat(this.api.transactionStatus(key)).contains("new");

		ApiClient.Response accepted = browser.post("/api/pay/transaction/" + key + "/accept", "");

		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.<String>json("$.transaction.status")).isEqualTo("reserved");
		assertThat(accepted.<Integer>json("$.transaction.payerWalletId")).isEqualTo((int) DemoWalletApi.PAYER_WALLET_ID);
		assertThat(accepted.<String>json("$.steps[1].by")).isEqualTo("simulated payer");
		assertThat(this.api.transactionStatus(key)).contains("reserved");

		ApiClient.Response confirmed = browser.post("/api/pay/transaction/" + key + "/confirm",
				"{\"finalAmount\":\"10.00\"}");

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.<String>json("$.transaction.status")).isEqualTo("confirmed");
		assertThat(confirmed.<String>json("$.transaction.confirmedAt")).isNotBlank();
		assertThat(confirmed.<String>json("$.transaction.payments[0].price")).isEqualTo("10.00");
		assertThat(confirmed.<String>json("$.transaction.payments[0].status")).isEqualTo("confirmed");
		assertThat(confirmed.<List<String>>json("$.steps[*].action")).containsExactly("create", "accept", "confirm");
		assertThat(confirmed.<List<String>>json("$.steps[*].status")).containsExactly("new", "reserved", "confirmed");
		assertThat(confirmed.<List<String>>json("$.steps[*].project.name")).containsOnly("marketplace");
		assertThat(confirmed.<List<Integer>>json("$.steps[*].project.id")).containsOnly(1222);
		assertThat(confirmed.<Object>json("$.error")).isNull();
		assertThat(this.api.transactionStatus(key)).contains("confirmed");

		// on the wire: every call in the session's project, signed by the project's own client
		List<ReceivedRequest> sent = this.api.requests()
			.stream()
			.filter(r -> r.path().startsWith("transaction"))
			.toList();
		// the card's calls, and the callback handler's reads (one per callback, in the background)
		assertThat(sent).extracting(r -> r.method() + " " + r.path())
			.containsSubsequence("POST transaction", "GET transaction/" + key, "GET transaction/" + key,
					"GET transaction/" + key, "PUT transaction/" + key + "/confirm", "GET transaction/" + key)
			.filteredOn(call -> call.startsWith("GET"))
			.hasSize(5);
		assertThat(sent).allSatisfy(r -> {
			assertThat(r.projectId()).isEqualTo(1222L);
			assertThat(r.verification().macId()).isEqualTo(DemoWalletApi.MARKETPLACE_MAC_ID);
			assertThat(r.signatureValid()).isTrue();
		});
		assertThat(sent.get(0).bodyField("payments[0].price_decimal")).contains("12.99");
		assertThat(sent.get(0).hasBodyField("project_id")).isFalse();
		Integer paymentId = confirmed.json("$.transaction.payments[0].id");
		ReceivedRequest confirm = sent.stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
		assertThat(confirm.bodyField("['" + paymentId + "'].price")).contains(new BigDecimal("1000"));
		assertThat(confirm.bodyField("['" + paymentId + "'].currency")).contains("EUR");
		assertThat(this.api.misroutedRequests()).isEmpty();

		// the session remembers the card
		ApiClient.Response card = browser.get("/api/pay");
		assertThat(card.<String>json("$.transaction.key")).isEqualTo(key);
		assertThat(card.<String>json("$.transaction.status")).isEqualTo("confirmed");
		assertThat(card.<List<String>>json("$.steps[*].action")).containsExactly("create", "accept", "confirm");
		assertThat(card.<String>json("$.currentProject.name")).isEqualTo("marketplace");
		// Paysera's callbacks (the demo API's), verified and handled in the transaction's project: the
		// callback's request thread is not the session's, yet the handler's read went to marketplace
		assertThat(card.<List<String>>json("$.callbacks[*].type")).containsExactly("reserved", "confirmed");
		assertThat(card.<List<Integer>>json("$.callbacks[*].project.id")).containsOnly(1222);
		assertThat(card.<List<String>>json("$.callbacks[*].boundProject")).containsOnly("marketplace");
		assertThat(card.<List<String>>json("$.callbacks[*].walletCall")).containsExactly(
				"GET transaction/" + key + " \u2192 reserved", "GET transaction/" + key + " \u2192 confirmed");
		assertThat(this.demo.api().callbacks().deliveries()).filteredOn(d -> d.uri().endsWith("/paysera/callbacks"))
			.extracting(MockCallbacks.Delivery::status)
			.containsOnly(200);
		assertThat(new ApiClient(this.port).get("/api/pay").<Object>json("$.transaction"))
			.as("another browser session")
			.isNull();
	}

	@Test
	void aRevokedTransactionCanNoLongerBeConfirmed() {
		ApiClient browser = new ApiClient(this.port);
		String key = browser.post("/api/pay/transaction", "{\"amount\":\"5\",\"currency\":\"USD\"}")
			.json("$.transaction.key");

		ApiClient.Response revoked = browser.post("/api/pay/transaction/" + key + "/revoke", "");

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.<String>json("$.transaction.status")).isEqualTo("revoked");
		assertThat(revoked.<String>json("$.transaction.payments[0].price")).isEqualTo("5.00");
		assertThat(revoked.<String>json("$.transaction.payments[0].description")).isEqualTo("Dashboard demo payment");
		assertThat(revoked.<List<String>>json("$.steps[*].calls[*]")).containsExactly(
				"POST transaction (callback_uri http://127.0.0.1:" + this.port + "/paysera/callbacks)",
				"DELETE transaction/" + key);
		assertThat(revoked.<List<String>>json("$.callbacks[*].type")).containsExactly("revoked");
		assertThat(revoked.<List<String>>json("$.callbacks[*].project.name")).containsOnly("shop");
		assertThat(revoked.<List<String>>json("$.steps[*].project.name")).containsOnly("shop");
		assertThat(this.api.transactionStatus(key)).contains("revoked");

		ApiClient.Response confirm = browser.post("/api/pay/transaction/" + key + "/confirm", "");

		assertThat(confirm.status()).isEqualTo(409);
		assertThat(confirm.<String>json("$.error.type")).isEqualTo("WalletApiException.InvalidState");
		assertThat(confirm.<String>json("$.error.code")).isEqualTo("invalid_state");
		assertThat(confirm.<String>json("$.transaction.status")).as("as last read").isEqualTo("revoked");
		assertThat(confirm.<List<String>>json("$.steps[*].action")).containsExactly("create", "revoke", "confirm");
		assertThat(confirm.<String>json("$.steps[2].error.code")).isEqualTo("invalid_state");
		assertThat(confirm.<Object>json("$.steps[2].status")).isNull();
		assertThat(confirm.<String>json("$.steps[2].project.name")).isEqualTo("shop");

		ApiClient.Response accept = browser.post("/api/pay/transaction/" + key + "/accept", "");
		assertThat(accept.status()).isEqualTo(409);
		assertThat(accept.<String>json("$.error.type")).isEqualTo("InvalidState");
		assertThat(accept.<String>json("$.error.message")).contains("is revoked");
		assertThat(this.api.transactionStatus(key)).contains("revoked");
	}

	@Test
	void aTransactionIsFoundAcceptedAndConfirmedOnlyInTheProjectItWasCreatedIn() {
		ApiClient browser = new ApiClient(this.port);
		String key = browser.post("/api/pay/transaction", "{\"amount\":\"12.99\",\"currency\":\"EUR\"}")
			.json("$.transaction.key"); // in the default project, shop
		browser.put("/api/current", "{\"project\":\"subscriptions\"}");

		ApiClient.Response accept = browser.post("/api/pay/transaction/" + key + "/accept", "");

		assertThat(accept.status()).isEqualTo(404);
		assertThat(accept.<String>json("$.error.type")).isEqualTo("WalletApiException.NotFound");
		assertThat(accept.<String>json("$.error.code")).isEqualTo("not_found");
		assertThat(accept.<String>json("$.steps[1].project.name")).isEqualTo("subscriptions");
		assertThat(accept.<String>json("$.currentProject.name")).isEqualTo("subscriptions");
		assertThat(accept.<Integer>json("$.transaction.projectId")).isEqualTo(1221);
		assertThat(this.api.transactionStatus(key)).as("the payer was not asked").contains("new");

		browser.put("/api/current", "{\"project\":\"shop\"}");
		assertThat(browser.post("/api/pay/transaction/" + key + "/accept", "").status()).isEqualTo(200);
		browser.put("/api/current", "{\"project\":\"subscriptions\"}");
		int sentBefore = this.api.requests().size();

		ApiClient.Response confirm = browser.post("/api/pay/transaction/" + key + "/confirm", "");

		assertThat(confirm.status()).isEqualTo(404);
		assertThat(confirm.<String>json("$.error.code")).isEqualTo("not_found");
		assertThat(confirm.<List<Integer>>json("$.steps[-1:].project.id")).containsExactly(1224);
		assertThat(confirm.<String>json("$.transaction.status")).as("as last read in shop").isEqualTo("reserved");
		assertThat(this.api.transactionStatus(key)).contains("reserved");
		List<ReceivedRequest> sent = this.api.requests();
		assertThat(sent.subList(sentBefore, sent.size())).filteredOn(r -> r.path().startsWith("transaction"))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.method() + " " + r.path()).isEqualTo("PUT transaction/" + key + "/confirm");
				assertThat(r.projectId()).isEqualTo(1224L);
			});

		browser.put("/api/current", "{\"project\":\"partner\"}");
		ApiClient.Response denied = browser.post("/api/pay/transaction/" + key + "/confirm", "");

		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.<String>json("$.error.type")).isEqualTo("ProjectAccessDeniedException");
		assertThat(this.api.requestsForProject(1223)).as("refused before sending").isEmpty();

		browser.put("/api/current", "{\"project\":\"shop\"}");
		ApiClient.Response confirmed = browser.post("/api/pay/transaction/" + key + "/confirm", "");

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.<String>json("$.transaction.status")).isEqualTo("confirmed");
		assertThat(confirmed.<List<String>>json("$.steps[*].status")).containsExactly("new", null, "reserved", null,
				null, "confirmed");
		assertThat(confirmed.<List<String>>json("$.steps[*].project.name")).containsExactly("shop", "subscriptions",
				"shop", "subscriptions", "partner", "shop");
		assertThat(this.api.transactionStatus(key)).contains("confirmed");
	}

	@Test
	void aTransactionsAmountAndCurrencyAreCheckedBeforeAnythingIsSent() {
		ApiClient browser = new ApiClient(this.port);

		ApiClient.Response fractionOfACent = browser.post("/api/pay/transaction",
				"{\"amount\":\"12.999\",\"currency\":\"EUR\"}");
		ApiClient.Response lowerCase = browser.post("/api/pay/transaction", "{\"amount\":\"1\",\"currency\":\"eur\"}");
		ApiClient.Response badKey = browser.get("/api/pay/transaction/not%20a%20key");

		assertThat(fractionOfACent.status()).isEqualTo(400);
		assertThat(fractionOfACent.<String>json("$.error.type")).isEqualTo("InvalidPayment");
		assertThat(fractionOfACent.<String>json("$.error.message")).contains("at most two decimals").contains("12.999");
		assertThat(lowerCase.status()).isEqualTo(400);
		assertThat(lowerCase.<String>json("$.error.message")).contains("currency").contains("'eur'");
		assertThat(badKey.status()).isEqualTo(400);
		assertThat(badKey.<String>json("$.error.type")).isEqualTo("InvalidKey");
		assertThat(lowerCase.<List<Object>>json("$.steps")).as("refused before any call: no step").isEmpty();
		assertThat(this.api.requests()).filteredOn(r -> r.path().startsWith("transaction")).isEmpty();
	}

	@Test
	void theStarterTimerIsShownPerProject() {
		ApiClient browser = new ApiClient(this.port);
		browser.get("/api/balances");

		ApiClient.Response metrics = browser.get("/api/metrics");

		assertThat(metrics.<List<String>>json("$[*].name")).containsExactly("wallet.client.requests",
				"wallet.access.checks", "wallet.cache.gets");
		assertThat(metrics.<List<Boolean>>json("$[?(@.name=='wallet.client.requests')].present")).containsExactly(true);
		List<Map<String, Object>> shopSeries = metrics
			.json("$[?(@.name=='wallet.client.requests')].series[?(@.tags['wallet.project']=='shop')]");
		assertThat(shopSeries).isNotEmpty();
		assertThat(shopSeries).anySatisfy(series -> assertThat(((Map<?, ?>) series.get("statistics")).get("count"))
			.isInstanceOf(Number.class)
			.satisfies(count -> assertThat(((Number) count).doubleValue()).isPositive()));
		// the same timer through the actuator, exposed over HTTP by the sample's configuration
		ApiClient.Response actuator = browser.get("/actuator/metrics/wallet.client.requests");
		assertThat(actuator.status()).isEqualTo(200);
		assertThat(actuator.<List<String>>json("$.availableTags[*].tag")).contains("wallet.project");
	}

	@Test
	void seriesThatCountedNothingAreLeftOutOfTheMetersAndCounted() {
		ApiClient browser = new ApiClient(this.port);
		browser.get("/api/balances"); // shop, marketplace and subscriptions granted, partner denied

		ApiClient.Response metrics = browser.get("/api/metrics");

		assertThat(metrics.<List<Double>>json("$[*].series[*].statistics.count")).isNotEmpty()
			.allSatisfy(count -> assertThat(count).isPositive());
		String checks = "$[?(@.name=='wallet.access.checks')]";
		assertThat(metrics.<List<String>>json(checks + ".series[?(@.tags.project=='partner')].tags.result"))
			.containsExactly("denied");
		assertThat(metrics.<List<String>>json(checks + ".series[?(@.tags.project=='shop')].tags.result"))
			.containsExactly("granted");
		// the starter registers granted, denied and unavailable together: the zero ones are counted, not listed
		long zeroInRegistry = this.meters.find("wallet.access.checks")
			.counters()
			.stream()
			.filter(counter -> counter.count() == 0)
			.count();
		assertThat(zeroInRegistry).as("shop denied, partner granted, ...").isGreaterThanOrEqualTo(2);
		assertThat(metrics.<List<Integer>>json(checks + ".omittedZero")).containsExactly((int) zeroInRegistry);
		assertThat(metrics.<List<Boolean>>json(checks + ".present")).containsExactly(true);
	}

	@Test
	void theActuatorExposesHealthMetricsAndTheWalletEndpointOverHttp() {
		ApiClient browser = new ApiClient(this.port);

		ApiClient.Response links = browser.get("/actuator");
		ApiClient.Response health = browser.get("/actuator/health");

		assertThat(links.<Map<String, Object>>json("$._links")).containsKeys("health", "metrics");
		assertThat(health.<String>json("$.status")).isEqualTo("UP");
		// the starter's wallet endpoint is exposed when the starter provides it; the page copes with 404 until then
		boolean walletEndpoint = links.<Map<String, Object>>json("$._links").containsKey("wallet");
		assertThat(browser.get("/actuator/wallet").status()).isEqualTo(walletEndpoint ? 200 : 404);
	}

	@Test
	void theDemoRequestLogShowsSignedRequestsWithTheirProject() {
		ApiClient browser = new ApiClient(this.port);
		browser.get("/api/routed/balance?project=marketplace");

		ApiClient.Response log = browser.get("/api/demo/requests");

		assertThat(log.status()).isEqualTo(200);
		assertThat(log.<List<String>>json("$[?(@.path=='wallet/2113/balance')].macId"))
			.containsOnly(DemoWalletApi.MARKETPLACE_MAC_ID);
		assertThat(log.<List<Integer>>json("$[?(@.path=='wallet/2113/balance')].projectId")).containsOnly(1222);
		assertThat(log.<List<Boolean>>json("$[*].signatureValid")).isNotEmpty().containsOnly(true);
	}

	@Test
	void theUnauthenticatedGetServerIsLoggedAsUnsignedByDesignAndSignedCallsAsValid() {
		ApiClient browser = new ApiClient(this.port);
		this.wallet.serverTime(); // GET server, sent without a MAC: it needs no authentication
		browser.get("/api/routed/balance?project=shop");

		ApiClient.Response log = browser.get("/api/demo/requests");

		assertThat(log.<List<String>>json("$[?(@.path=='server')].mac")).isNotEmpty().containsOnly("unsigned-by-design");
		assertThat(log.<List<Boolean>>json("$[?(@.path=='server')].signatureValid")).containsOnly(false);
		assertThat(log.<List<String>>json("$[?(@.path!='server')].mac")).isNotEmpty().containsOnly("valid");
	}

	@Test
	void thePageItselfCarriesTheFirstScreensDataSoItsFirstPaintNeedsNoFetch() {
		ApiClient browser = new ApiClient(this.port);

		ApiClient.Response page = browser.getAny("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).contains("no-store");
		String state = initialState(page);
		assertThat(JsonPath.<String>read(state, "$.overview.mode")).isEqualTo("DEMO");
		assertThat(JsonPath.<List<String>>read(state, "$.balances[*].alias")).containsExactly("shop", "marketplace",
				"subscriptions", "partner");
		assertThat(JsonPath.<List<String>>read(state,
				"$.balances[?(@.alias=='shop')].currencies[?(@.currency=='EUR')].atDisposal"))
			.containsExactly("1284.50");
		assertThat(JsonPath.<List<String>>read(state,
				"$.balances[?(@.alias=='marketplace')].currencies[?(@.currency=='USD')].atDisposal"))
			.containsExactly("1520.40");
		assertThat(JsonPath.<List<String>>read(state, "$.balances[?(@.alias=='partner')].error.type"))
			.containsExactly("ProjectAccessDeniedException");
		assertThat(JsonPath.<String>read(state, "$.current.project")).isEqualTo("shop");
		assertThat(JsonPath.<String>read(state, "$.current.source")).isEqualTo("default");
		assertThat(JsonPath.<List<String>>read(state, "$.accessible[*].credentials")).containsExactly("default",
				"marketplace");
		assertThat(JsonPath.<List<String>>read(state, "$.metrics[*].name")).containsExactly("wallet.client.requests",
				"wallet.access.checks", "wallet.cache.gets");
		// the meters and the request log were read after the page's own Wallet API calls
		assertThat(JsonPath.<List<String>>read(state, "$.demoRequests[*].path")).contains("wallet/2112/balance",
				"wallet/2113/balance", "wallet/2114/balance");
		assertThat(JsonPath.<List<Object>>read(state,
				"$.metrics[?(@.name=='wallet.client.requests')].series[?(@.tags['wallet.project']=='subscriptions')]"))
			.isNotEmpty();
	}

	@Test
	void thePageCarriesTheSessionsCurrentProject() {
		ApiClient browser = new ApiClient(this.port);
		browser.put("/api/current", "{\"project\":\"marketplace\"}");

		String state = initialState(browser.getAny("/"));

		assertThat(JsonPath.<String>read(state, "$.current.project")).isEqualTo("marketplace");
		assertThat(JsonPath.<String>read(state, "$.current.source")).isEqualTo("session");
		assertThat(JsonPath.<List<String>>read(state, "$.current.balance.currencies[?(@.currency=='EUR')].atDisposal"))
			.containsExactly("9870.15");
		String other = initialState(new ApiClient(this.port).getAny("/"));
		assertThat(JsonPath.<String>read(other, "$.current.project")).as("another browser session").isEqualTo("shop");
	}

	@Test
	void thePageCarriesTheSessionsPayCard() {
		ApiClient browser = new ApiClient(this.port);
		String key = browser.post("/api/pay/transaction", "{\"amount\":\"3.50\",\"currency\":\"EUR\"}")
			.json("$.transaction.key");

		String state = initialState(browser.getAny("/"));

		assertThat(JsonPath.<Boolean>read(state, "$.pay.canChange")).isTrue();
		assertThat(JsonPath.<String>read(state, "$.pay.transaction.key")).isEqualTo(key);
		assertThat(JsonPath.<String>read(state, "$.pay.transaction.status")).isEqualTo("new");
		assertThat(JsonPath.<List<String>>read(state, "$.pay.steps[*].action")).containsExactly("create");
		assertThat(JsonPath.<String>read(state, "$.pay.currentProject.name")).isEqualTo("shop");
		String other = initialState(new ApiClient(this.port).getAny("/"));
		assertThat(JsonPath.<Object>read(other, "$.pay.transaction")).as("another browser session").isNull();
	}

	@Test
	void thePageAndItsScriptAreServed() {
		ApiClient browser = new ApiClient(this.port);

		ApiClient.Response page = browser.getAny("/");
		ApiClient.Response script = browser.getAny("/app.js");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"balances\"").contains("src=\"app.js\"");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body()).contains("api/balances");
	}

	private static final Pattern INITIAL_STATE = Pattern
		.compile("<script type=\"application/json\" id=\"initial-state\">(.*?)</script>", Pattern.DOTALL);

	private static String initialState(ApiClient.Response page) {
		Matcher matcher = INITIAL_STATE.matcher(page.body());
		assertThat(matcher.find()).as("the page embeds its initial state").isTrue();
		return matcher.group(1);
	}

	private static String amount(ApiClient.Response balances, String alias, String currency) {
		List<String> amounts = balances
			.json("$[?(@.alias=='" + alias + "')].currencies[?(@.currency=='" + currency + "')].atDisposal");
		assertThat(amounts).as(alias + " " + currency).hasSize(1);
		return amounts.get(0);
	}

}
