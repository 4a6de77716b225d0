package io.github.walletproject.sample;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.walletproject.client.WalletProjects;

import io.github.walletproject.sample.mode.DemoWalletApi;
import io.github.walletproject.test.Fault;
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
		ReceivedRequest sent = this.api.requests()
			.stream()
			.filter(r -> r.method().equals("POST") && r.path().equals("transaction"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(sent.projectId()).isEqualTo(1222L);
		assertThat(sent.verification().macId()).isEqualTo(DemoWalletApi.MARKETPLACE_MAC_ID);
		assertThat(sent.ext()).containsKey("body_hash");
		assertThat(sent.bodyText()).contains("\"price\":1299").contains("\"currency\":\"EUR\"");
		assertThat(sent.signatureValid()).isTrue();
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
