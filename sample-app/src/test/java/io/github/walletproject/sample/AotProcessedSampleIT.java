package io.github.walletproject.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample as Spring AOT processed it at build time ({@code mvn -Pnative package}: the Boot
 * parent's {@code native} profile runs {@code process-aot}, which needs no GraalVM), started
 * from its packaged jar on the JVM with {@code -Dspring.aot.enabled=true}, in demo mode, on a
 * free loopback port: the application context comes from the generated initializer, the
 * {@code @WalletProject} proxy from the class generated at build time, and the dashboard,
 * balances and SpEL-routed calls work as they do without AOT.
 * <p>
 * Failsafe runs it only in the {@code native} profile ({@code .ci/aot-smoke}, or
 * {@code mvn -Pnative verify}): the plain build's jar is not AOT-processed.
 */
class AotProcessedSampleIT {

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private static final Pattern STARTED_ON = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String INITIALIZER = "BOOT-INF/classes/io/github/walletproject/sample/"
			+ "SampleApplication__ApplicationContextInitializer.class";

	private static final String ROUTED_PROXY = "BOOT-INF/classes/io/github/walletproject/sample/routed/"
			+ "RoutedWalletCalls$$SpringCGLIB$$0.class";

	private static final String HINTS = "META-INF/native-image/io.github.walletproject/sample-app/"
			+ "reachability-metadata.json";

	private static Path jar;

	private static Path log;

	private static Process app;

	private static int port;

	@BeforeAll
	static void start() throws Exception {
		jar = Path.of(requiredProperty("wallet.sample.jar"));
		try (JarFile file = new JarFile(jar.toFile())) {
			assertThat(file.getManifest().getMainAttributes().getValue("Spring-Boot-Native-Processed"))
				.as("%s was built with -Pnative", jar)
				.isEqualTo("true");
		}
		log = Files.createTempFile("aot-sample-", ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		app = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0",
				"--server.address=127.0.0.1", "--sample.mode=demo")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		port = awaitStartup();
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (log != null) {
			Files.deleteIfExists(log);
		}
	}

	@Test
	void theContextComesFromTheGeneratedInitializerAndTheRoutedProxyFromTheBuild() throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			assertThat(file.getEntry(INITIALIZER)).as(INITIALIZER).isNotNull();
			assertThat(file.getEntry(ROUTED_PROXY)).as("the @WalletProject proxy class, generated at build time")
				.isNotNull();
		}
		assertThat(output()).contains("Starting AOT-processed SampleApplication");
	}

	@Test
	void theOverviewListsTheDemoProjectsAndTheClientReadWithASignedCall() {
		ApiClient.Response overview = api().get("/api/overview");

		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.<String>json("$.mode")).isEqualTo("DEMO");
		assertThat(overview.<List<String>>json("$.projects[*].alias")).containsExactly("shop", "marketplace",
				"subscriptions", "partner");
		assertThat(overview.<String>json("$.client.title")).isEqualTo("Riverside Books dashboard (demo)");
		assertThat(overview.<Object>json("$.client.error")).isNull();
	}

	@Test
	void balancesShowEveryProjectAndTheInaccessibleOneIsRefusedBeforeSending() {
		ApiClient.Response balances = api().get("/api/balances");

		assertThat(balances.status()).isEqualTo(200);
		assertThat(balances.<List<String>>json("$[?(@.alias=='shop')].currencies[?(@.currency=='EUR')].atDisposal"))
			.containsExactly("1284.50");
		// signs with credentials of its own
		assertThat(balances
			.<List<String>>json("$[?(@.alias=='marketplace')].currencies[?(@.currency=='EUR')].atDisposal"))
			.containsExactly("9870.15");
		assertThat(balances.<List<String>>json("$[?(@.alias=='partner')].error.type"))
			.containsExactly("ProjectAccessDeniedException");
	}

	@Test
	void aSpelRoutedCallGoesToTheProjectItsArgumentNames() {
		ApiClient client = api();
		ApiClient.Response byAlias = client.get("/api/routed/balance?project=marketplace");
		ApiClient.Response byId = client.get("/api/routed/balance?project=1224");

		assertThat(byAlias.status()).isEqualTo(200);
		assertThat(byAlias.<String>json("$.routedTo")).isEqualTo("marketplace");
		assertThat(byAlias.<Integer>json("$.routedId")).isEqualTo(1222);
		assertThat(byAlias.<Integer>json("$.walletId")).isEqualTo(2113);
		assertThat(byAlias.<Object>json("$.sessionBindingAfter")).isNull();
		assertThat(byId.<String>json("$.routedTo")).isEqualTo("subscriptions");
		assertThat(byId.<Integer>json("$.routedId")).isEqualTo(1224);
		// on the wire: the balance call carried the routed project and the marketplace's own MAC id
		List<Map<String, Object>> received = client.get("/api/demo/requests").json("$[?(@.path=='wallet/2113/balance')]");
		assertThat(received).isNotEmpty()
			.allSatisfy(request -> assertThat(request).containsEntry("projectId", 1222)
				.containsEntry("macId", "demo-marketplace")
				.containsEntry("mac", "valid"));
	}

	@Test
	void aSpelRoutedPaymentIsCreatedInTheProjectThePaymentNames() {
		ApiClient.Response payment = api().post("/api/routed/payment",
				"{\"project\":\"marketplace\",\"amount\":12.5,\"currency\":\"EUR\",\"description\":\"AOT\"}");

		assertThat(payment.status()).isEqualTo(200);
		assertThat(payment.<String>json("$.routedTo")).isEqualTo("marketplace");
		// the typed WalletTransactions answer, read and written by Jackson in the AOT-processed app
		assertThat(payment.<Integer>json("$.transaction.projectId")).isEqualTo(1222);
		assertThat(payment.<String>json("$.transaction.status")).isEqualTo("new");
		assertThat(payment.<String>json("$.transaction.payments[0].price")).isEqualTo("12.50");
	}

	@Test
	void theCurrentProjectFollowsTheSession() {
		ApiClient session = api();
		assertThat(session.get("/api/current").<String>json("$.source")).isEqualTo("default");

		ApiClient.Response switched = session.put("/api/current", "{\"project\":\"subscriptions\"}");
		ApiClient.Response current = session.get("/api/current");

		assertThat(switched.status()).isEqualTo(200);
		assertThat(current.<String>json("$.project")).isEqualTo("subscriptions");
		assertThat(current.<String>json("$.source")).isEqualTo("session");
		assertThat(current.<String>json("$.balance.currencies[0].atDisposal")).isEqualTo("56.20");
	}

	@Test
	void theWalletHealthIndicatorIsUp() {
		ApiClient.Response health = api().get("/actuator/health");

		assertThat(health.<String>json("$.components.wallet.status")).isEqualTo("UP");
		assertThat(health.<Boolean>json("$.components.wallet.details.reachable")).isTrue();
	}

	@Test
	void theBuildRegisteredTheStartersHintsForANativeImage() throws IOException {
		String hints;
		try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(HINTS))) {
			hints = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (String type : List.of("io.github.walletproject.routing.WalletProjectResolver$ExpressionRoot",
				"io.github.walletproject.client.Project", "io.github.walletproject.client.InternalWalletApi$ServerTimeJson",
				"io.github.walletproject.money.Payment", "io.github.walletproject.money.WalletBalance", "io.github.walletproject.WalletProject")) {
			assertThat(JsonPath.<List<Object>>read(hints, "$.reflection[?(@.type=='" + type + "')]")).as(type)
				.isNotEmpty();
		}
		assertThat(JsonPath.<List<Object>>read(hints,
				"$.reflection[?(@.type=='io.github.walletproject.access.RefreshingCache$Entry' && @.serializable==true)]"))
			.as("shared-cache entries are serializable")
			.isNotEmpty();
		assertThat(JsonPath.<List<Object>>read(hints,
				"$.resources[?(@.glob=='META-INF/services/io.micrometer.context.ThreadLocalAccessor')]"))
			.isNotEmpty();
	}

	private static ApiClient api() {
		return new ApiClient(port);
	}

	private static int awaitStartup() throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			String output = output();
			Matcher started = STARTED_ON.matcher(output);
			if (started.find() && output.contains("Started SampleApplication")) {
				return Integer.parseInt(started.group(1));
			}
			if (!app.isAlive()) {
				fail("The AOT-processed sample exited with " + app.exitValue() + ":\n" + output);
			}
			Thread.sleep(250);
		}
		fail("The AOT-processed sample did not start within " + STARTUP + ":\n" + output());
		return -1;
	}

	private static String output() {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property " + name + " is not set: run this test through Maven "
					+ "(`mvn -Pnative -pl sample-app -am verify`, or .ci/aot-smoke), whose Failsafe configuration in "
					+ "sample-app/pom.xml sets it");
		}
		return value;
	}

}
