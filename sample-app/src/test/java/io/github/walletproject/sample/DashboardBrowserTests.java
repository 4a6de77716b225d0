package io.github.walletproject.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

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
