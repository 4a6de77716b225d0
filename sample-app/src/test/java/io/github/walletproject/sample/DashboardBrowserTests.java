package io.github.walletproject.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.walletproject.client.WalletProjects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver} packages, or the binaries named by {@code CHROMIUM_BINARY} and
 * {@code CHROMEDRIVER}). Skipped, with a message saying how to install them, where they are
 * missing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = SampleTestProperties.DEMO)
class DashboardBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static WebDriver driver;

	private static Path profile;

	private static String skipReason;

	@LocalServerPort
	int port;

	@Autowired
	WalletProjects wallet;

	@BeforeAll
	static void startBrowser() throws IOException {
		File chromium = new File(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
		File chromedriver = new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
		if (!chromium.canExecute() || !chromedriver.canExecute()) {
			skipReason = "Browser test skipped: " + (chromium.canExecute() ? "" : chromium + " ")
					+ (chromedriver.canExecute() ? "" : chromedriver + " ")
					+ "not installed. Install them with 'apt-get install -y chromium chromium-driver' "
					+ "(or point CHROMIUM_BINARY and CHROMEDRIVER at them) to run it.";
			System.err.println("[DashboardBrowserTests] " + skipReason);
			return;
		}
		profile = Files.createTempDirectory("dashboard-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(chromium)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--window-size=1280,1800", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

	@BeforeEach
	void freshSession() {
		Assumptions.assumeTrue(driver != null, () -> skipReason);
		driver.get(url("/app.css")); // same origin, so the cookies below are this app's
		driver.manage().deleteAllCookies();
	}

	@Test
	void thePageShowsTheBalancesSideBySideWithTheFailingProjectInItsOwnCard() {
		open();

		assertThat(amount(card("shop"), "EUR")).isEqualTo("1284.50");
		assertThat(amount(card("shop"), "USD")).isEqualTo("312.00");
		assertThat(amount(card("marketplace"), "EUR")).isEqualTo("9870.15");
		assertThat(amount(card("subscriptions"), "EUR")).isEqualTo("56.20");
		assertThat(card("shop").getText()).contains("1,284.50 EUR").contains("Riverside Books online shop");
		assertThat(card("marketplace").getText()).contains("own credentials");
		WebElement partner = card("partner");
		assertThat(partner.getAttribute("data-state")).isEqualTo("error");
		assertThat(partner.getText()).contains("No access to project 1223");
		assertThat(driver.findElement(By.id("mode")).getText()).isEqualTo("DEMO mode");
		assertThat(driver.findElements(By.cssSelector("#accessible table[data-credentials] tr[data-project-id]")))
			.extracting(row -> row.getAttribute("data-project-id"))
			.containsExactly("1221", "1224", "1225", "1222", "1230");
	}

	@Test
	void switchingTheProjectShowsItsBalanceAndTheChoiceSurvivesAReload() {
		open();
		assertThat(driver.findElement(By.id("current-project")).getText()).isEqualTo("shop");
		assertThat(amount(driver.findElement(By.id("current")), "EUR")).isEqualTo("1284.50");

		new Select(driver.findElement(By.id("project-select"))).selectByValue("marketplace");
		driver.findElement(By.id("switch-project")).click();
		waitFor().until(ExpectedConditions.attributeToBe(By.id("current"), "data-project", "marketplace"));

		assertThat(driver.findElement(By.id("current-project")).getText()).isEqualTo("marketplace");
		assertThat(amount(driver.findElement(By.id("current")), "EUR")).isEqualTo("9870.15");
		assertThat(driver.findElement(By.id("current-source")).getText()).isEqualTo("chosen in this session");

		driver.navigate().refresh();
		waitUntilLoaded();
		assertThat(driver.findElement(By.id("current-project")).getText()).isEqualTo("marketplace");
		assertThat(amount(driver.findElement(By.id("current")), "USD")).isEqualTo("1520.40");
		assertThat(new Select(driver.findElement(By.id("project-select"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("marketplace");
	}

	@Test
	void theSpelRoutedCallShowsTheProjectItsArgumentChose() {
		open();
		WebElement project = driver.findElement(By.id("routed-project"));
		project.clear();
		project.sendKeys("subscriptions");
		driver.findElement(By.id("routed-balance")).click();

		WebElement result = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("routed-result")));
		waitFor().until(ExpectedConditions.attributeToBe(result, "data-status", "200"));
		assertThat(result.getText()).contains("\"routedTo\": \"subscriptions\"").contains("\"routedId\": 1224")
			.contains("\"atDisposal\": \"56.20\"");
	}

	@Test
	void theFirstPaintShowsRealDataFromThePageItselfBeforeAnyFetch() {
		// every /api request of the page fails: what it shows can only come from the page itself
		HasCdp cdp = (HasCdp) driver;
		cdp.executeCdpCommand("Network.enable", Map.of());
		cdp.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/*")));
		try {
			driver.get(url("/")); // returns once the page's own script ran; no waiting for data

			assertThat(driver.findElement(By.tagName("body")).getAttribute("data-first-paint")).isEqualTo("embedded");
			assertThat(amount(card("shop"), "EUR")).isEqualTo("1284.50");
			assertThat(amount(card("marketplace"), "USD")).isEqualTo("1520.40");
			assertThat(card("partner").getText()).contains("No access to project 1223");
			assertThat(driver.findElement(By.id("current-project")).getText()).isEqualTo("shop");
			assertThat(amount(driver.findElement(By.id("current")), "EUR")).isEqualTo("1284.50");
			assertThat(driver.findElement(By.id("mode")).getText()).isEqualTo("DEMO mode");
			assertThat(driver.findElements(By.cssSelector("#accessible tr[data-project-id]"))).hasSize(5);
			assertThat(driver.findElements(By.cssSelector("#meters table[data-meter]"))).isNotEmpty();
			for (String section : List.of("current-section", "balances", "accessible", "meters", "traffic")) {
				assertThat(driver.findElement(By.id(section)).getText()).as(section).doesNotContain("Loading");
			}
			// the page did try nothing under /api: a blocked fetch would have replaced a section by its error
			assertThat(driver.findElements(By.cssSelector("#balances .error, #accessible .error, #meters .error")))
				.filteredOn(error -> !error.getText().contains("No access to project 1223"))
				.isEmpty();
		}
		finally {
			cdp.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
		}
	}

	@Test
	void theCurrentProjectsCardIsMarkedByABadgeAndAriaCurrentAndFollowsTheSwitch() {
		open();

		assertThat(driver.findElements(By.cssSelector("#balances .card[aria-current='true']")))
			.extracting(card -> card.getAttribute("data-project"))
			.containsExactly("shop");
		assertThat(card("shop").getAttribute("class")).contains("current");
		assertThat(card("shop").findElement(By.cssSelector(".current-badge")).getText()).isEqualTo("current");
		assertThat(driver.findElements(By.cssSelector("#balances .current-badge"))).hasSize(1);

		new Select(driver.findElement(By.id("project-select"))).selectByValue("marketplace");
		driver.findElement(By.id("switch-project")).click();
		waitFor().until(ExpectedConditions.attributeToBe(By.id("current"), "data-project", "marketplace"));

		assertThat(driver.findElements(By.cssSelector("#balances .card[aria-current='true']")))
			.extracting(card -> card.getAttribute("data-project"))
			.containsExactly("marketplace");
		assertThat(card("marketplace").findElement(By.cssSelector(".current-badge")).getText()).isEqualTo("current");
		assertThat(card("shop").getAttribute("class")).doesNotContain("current");
		assertThat(card("shop").getAttribute("aria-current")).isNull();
		assertThat(driver.findElements(By.cssSelector("#balances .current-badge"))).hasSize(1);
	}

	@Test
	void theUnsignedGetServerRowReadsUnsignedByDesignInANeutralStyle() {
		this.wallet.serverTime(); // GET server: no authentication needed, so sent without a MAC
		open();

		WebElement mac = driver.findElement(By.cssSelector("#traffic tr[data-call='GET server'] td[data-mac]"));
		assertThat(mac.getText()).isEqualTo("unsigned (by design)");
		assertThat(mac.getAttribute("class")).isEqualTo("neutral");
		List<WebElement> signed = driver
			.findElements(By.cssSelector("#traffic tr:not([data-call='GET server']):not([data-call='GET /publickey']) td[data-mac]"));
		assertThat(signed).isNotEmpty().allSatisfy(cell -> {
			assertThat(cell.getText()).isEqualTo("valid");
			assertThat(cell.getAttribute("class")).isEqualTo("ok");
		});
		assertThat(driver.findElement(By.id("demo-keys-note")).getText()).contains("random MAC keys on every start")
			.contains("MockWalletApi")
			.contains("@AutoConfigureMockWalletApi");
	}

	@Test
	void meterResultsAreColouredByWhatTheyMeanAndRowsThatCountedNothingAreLeftOut() {
		open();

		List<WebElement> rows = driver.findElements(By.cssSelector("#meters table[data-meter] tbody tr"));
		assertThat(rows).isNotEmpty()
			.allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(3).getText()).isNotIn("0", "0.0", ""));
		WebElement zeroNote = driver.findElement(By.cssSelector("#meters .zero-note[data-meter='wallet.access.checks']"));
		assertThat(Integer.parseInt(zeroNote.getAttribute("data-omitted-zero"))).isPositive();
		assertThat(zeroNote.getText()).endsWith("with count 0 not shown.");

		assertThat(resultCells("wallet.cache.gets", "hit")).as("cache hits")
			.isNotEmpty()
			.allSatisfy(cell -> assertThat(cell.getAttribute("class")).isEqualTo("ok"));
		assertThat(resultCells("wallet.cache.gets", "miss")).as("cache misses")
			.allSatisfy(cell -> assertThat(cell.getAttribute("class")).isEqualTo("neutral"));
		assertThat(resultCells("wallet.access.checks", "granted")).isNotEmpty()
			.allSatisfy(cell -> assertThat(cell.getAttribute("class")).isEqualTo("ok"));
		assertThat(resultCells("wallet.access.checks", "denied")).as("partner")
			.isNotEmpty()
			.allSatisfy(cell -> assertThat(cell.getAttribute("class")).isEqualTo("bad"));
	}

	@Test
	void theRequestsMeterCopesWithARefusedOutcomeAndWithoutTheRefusedProjectsRow() {
		open();
		JavascriptExecutor page = (JavascriptExecutor) driver;

		// a starter that tells refused calls apart by their own outcome
		page.executeScript("renderMeters(answered([{ name: 'wallet.client.requests', present: true, omittedZero: 0, "
				+ "series: [{ type: 'TIMER', statistics: { count: 1, total: 0.001 }, tags: { 'wallet.project': 'partner', "
				+ "method: 'GET', uri: '/rest/v1/project/{id}', outcome: 'REFUSED', status: 'CLIENT_ERROR', "
				+ "error: 'ProjectAccessDeniedException' } }, { type: 'TIMER', statistics: { count: 2, total: 0.002 }, "
				+ "tags: { 'wallet.project': 'shop', method: 'GET', uri: '/rest/v1/project/{id}', outcome: 'SOMETHING_NEW', "
				+ "status: '299' } }] }]))");
		WebElement refused = driver.findElement(By.cssSelector("#meters tr[data-project='partner'] td[data-kind]"));
		assertThat(refused.getText()).isEqualTo("refused, not sent ProjectAccessDeniedException");
		assertThat(refused.getAttribute("class")).isEqualTo("bad");
		assertThat(driver.findElement(By.cssSelector("#meters tr[data-project='shop'] td[data-kind]"))
			.getAttribute("class")).as("an outcome the page does not know").isEqualTo("neutral");

		// a starter that records refused calls only in wallet.access.checks: no row, and nothing counted yet
		page.executeScript("renderMeters(answered([{ name: 'wallet.client.requests', present: true, omittedZero: 0, "
				+ "series: [] }]))");
		assertThat(driver.findElements(By.cssSelector("#meters table"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#meters .zero-note")).getText()).startsWith("Nothing counted yet.");
	}

	@Test
	void theStarterPanelShowsItsMetersAndTheActuatorEndpointOrItsAbsence() {
		open();

		List<WebElement> timer = driver.findElements(By.cssSelector("#meters table[data-meter='wallet.client.requests']"));
		assertThat(timer).singleElement()
			.satisfies(table -> assertThat(table.findElements(By.cssSelector("tr[data-project='shop']"))).isNotEmpty());
		WebElement actuator = driver.findElement(By.id("actuator-wallet"));
		String status = actuator.getAttribute("data-status");
		assertThat(status).isIn("200", "404");
		if (status.equals("404")) {
			assertThat(actuator.getText()).contains("Not available (HTTP 404)");
		}
		else {
			assertThat(actuator.findElement(By.tagName("pre")).getText()).startsWith("{");
		}
		assertThat(driver.findElement(By.id("traffic")).getText()).contains("wallet/2112/balance")
			.contains("demo-marketplace");
	}

	@Test
	void thePayCardCreatesATransactionTheSimulatedPayerAcceptsAndTheShopConfirmsForLess() {
		open();
		assertThat(driver.findElement(By.id("pay-current-project")).getText()).isEqualTo("shop (1221)");
		assertThat(driver.findElement(By.id("pay-transaction")).isDisplayed()).isFalse();
		WebElement description = driver.findElement(By.id("pay-description"));
		description.clear();
		description.sendKeys("Gift card for Ann");

		driver.findElement(By.id("pay-create")).click();
		waitForSteps(1);

		assertThat(transactionStatus()).isEqualTo("new");
		String key = driver.findElement(By.id("pay-transaction")).getAttribute("data-key");
		assertThat(driver.findElement(By.id("pay-tx-key")).getText()).isEqualTo(key);
		assertThat(driver.findElement(By.cssSelector("#pay-payments li")).getText()).contains("12.99 EUR")
			.contains("Gift card for Ann");
		assertThat(driver.findElement(By.id("pay-tx-meta")).getText()).contains("project 1221").contains("no payer yet");
		WebElement accept = driver.findElement(By.id("pay-accept"));
		assertThat(accept.getText()).contains("simulated payer");
		assertThat(accept.isEnabled()).isTrue();
		assertThat(driver.findElement(By.id("pay-confirm")).isEnabled()).as("not reserved yet").isFalse();

		accept.click();
		waitForSteps(2);

		assertThat(transactionStatus()).isEqualTo("reserved");
		assertThat(driver.findElement(By.id("pay-tx-meta")).getText()).contains("paid from wallet 3301");
		WebElement payerStep = driver.findElement(By.cssSelector("#pay-steps li[data-action='accept']"));
		assertThat(payerStep.getAttribute("data-by")).isEqualTo("simulated payer");
		assertThat(payerStep.getText()).contains("simulated payer").contains("simulated by the demo Wallet API");

		WebElement finalAmount = driver.findElement(By.id("pay-final"));
		finalAmount.sendKeys("10.00");
		driver.findElement(By.id("pay-confirm")).click();
		waitForSteps(3);

		assertThat(transactionStatus()).isEqualTo("confirmed");
		assertThat(driver.findElement(By.id("pay-status")).getText()).isEqualTo("confirmed");
		assertThat(driver.findElement(By.cssSelector("#pay-payments li")).getAttribute("data-amount")).isEqualTo("10.00");
		assertThat(steps()).extracting(step -> step.getAttribute("data-action"))
			.containsExactly("create", "accept", "confirm");
		assertThat(steps()).extracting(step -> step.getAttribute("data-status"))
			.containsExactly("new", "reserved", "confirmed");
		assertThat(steps()).extracting(step -> step.getAttribute("data-project")).containsOnly("shop");
		assertThat(steps().get(0).getText()).contains("routed to shop (1221)").contains("POST transaction");
		assertThat(steps().get(2).getText()).contains("PUT transaction/" + key + "/confirm").contains("10.00 EUR");
		for (String button : List.of("pay-accept", "pay-confirm", "pay-revoke")) {
			assertThat(driver.findElement(By.id(button)).isEnabled()).as(button).isFalse();
		}
		// Paysera's callbacks (sent by the demo API), each verified and handled in the transaction's project
		List<WebElement> callbacks = driver.findElements(By.cssSelector("#pay-callbacks li[data-type]"));
		assertThat(callbacks).extracting(callback -> callback.getAttribute("data-type"))
			.containsExactly("reserved", "confirmed");
		assertThat(callbacks).extracting(callback -> callback.getAttribute("data-project")).containsOnly("shop");
		assertThat(callbacks.get(0).getText()).contains("transaction.reserved", "verified", "handled in shop (1221)",
				"GET transaction/" + key);
		waitFor().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#traffic tr[data-call='PUT transaction/" + key + "/confirm']")));
		assertThat(driver.findElement(By.cssSelector("#traffic tr[data-call='PUT transaction/" + key + "/confirm']"))
			.getText()).contains("1221");

		driver.navigate().refresh(); // the session keeps the card; the page embeds it
		waitUntilLoaded();
		assertThat(transactionStatus()).isEqualTo("confirmed");
		assertThat(steps()).extracting(step -> step.getAttribute("data-status"))
			.containsExactly("new", "reserved", "confirmed");
	}

	@Test
	void thePayCardRefusesToRevokeFromAnotherProjectAndRevokesInItsOwn() {
		open();
		driver.findElement(By.id("pay-create")).click();
		waitForSteps(1);
		assertThat(transactionStatus()).isEqualTo("new");

		new Select(driver.findElement(By.id("project-select"))).selectByValue("subscriptions");
		driver.findElement(By.id("switch-project")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("pay-current-project"), "subscriptions (1224)"));
		assertThat(driver.findElement(By.id("pay-project-warning")).getText()).contains("belongs to project 1221")
			.contains("subscriptions (1224)");

		driver.findElement(By.id("pay-revoke")).click();
		waitForSteps(2);

		assertThat(driver.findElement(By.id("pay-section")).getAttribute("data-state")).isEqualTo("error");
		assertThat(driver.findElement(By.id("pay-error")).getText()).contains("HTTP 404")
			.contains("WalletApiException.NotFound");
		WebElement refused = steps().get(1);
		assertThat(refused.getAttribute("data-status")).isEqualTo("failed");
		assertThat(refused.getAttribute("data-project")).isEqualTo("subscriptions");
		assertThat(refused.getText()).contains("routed to subscriptions (1224)");
		assertThat(transactionStatus()).as("as last read in shop").isEqualTo("new");

		new Select(driver.findElement(By.id("project-select"))).selectByValue("shop");
		driver.findElement(By.id("switch-project")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("pay-current-project"), "shop (1221)"));
		assertThat(driver.findElement(By.id("pay-project-warning")).isDisplayed()).isFalse();
		driver.findElement(By.id("pay-revoke")).click();
		waitForSteps(3);

		assertThat(transactionStatus()).isEqualTo("revoked");
		assertThat(driver.findElement(By.id("pay-error")).isDisplayed()).isFalse();
		assertThat(steps()).extracting(step -> step.getAttribute("data-status"))
			.containsExactly("new", "failed", "revoked");
		assertThat(driver.findElement(By.id("pay-revoke")).isEnabled()).isFalse();
	}

	private static void waitForSteps(int count) {
		waitFor().until(ExpectedConditions.and(
				ExpectedConditions.attributeToBe(By.id("pay-section"), "data-steps", String.valueOf(count)),
				ExpectedConditions.not(ExpectedConditions.attributeToBe(By.id("pay-section"), "data-state", "busy"))));
	}

	private static String transactionStatus() {
		return driver.findElement(By.id("pay-transaction")).getAttribute("data-status");
	}

	private static List<WebElement> steps() {
		return driver.findElements(By.cssSelector("#pay-steps li[data-action]"));
	}

	private void open() {
		driver.get(url("/"));
		waitUntilLoaded();
	}

	private void waitUntilLoaded() {
		waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
	}

	private static WebDriverWait waitFor() {
		return new WebDriverWait(driver, WAIT);
	}

	private static List<WebElement> resultCells(String meter, String result) {
		return driver.findElements(By.cssSelector("#meters table[data-meter='" + meter + "'] td[data-kind]"))
			.stream()
			.filter(cell -> cell.getText().equals(result))
			.toList();
	}

	private static WebElement card(String alias) {
		return driver.findElement(By.cssSelector("#balances .card[data-project='" + alias + "']"));
	}

	private static String amount(WebElement container, String currency) {
		return container.findElement(By.cssSelector("li[data-currency='" + currency + "']")).getAttribute("data-amount");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String setting(String variable, String fallback) {
		String value = System.getenv(variable);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
