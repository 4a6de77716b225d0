package io.github.walletproject.readme;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.walletproject.readme.Readme.Block;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs the test classes the README shows, as the user would: compiled from the README, on this
 * module's class path (the starter and its test kit), with the README's own configuration.
 * <p>
 * A README test class annotated {@code @SpringBootTest} names no configuration class; in the
 * user's project Boot finds their {@code @SpringBootApplication}. Here a generated subclass of
 * it supplies one: {@code ReadmeApplication}, an {@code @SpringBootConfiguration} with
 * {@code @EnableAutoConfiguration} that imports every component the README declares (such as
 * {@code OrderPayments}). The application's {@code application.yml} is the README's first YAML
 * block that configures {@code paysera.wallet.projects} (its "Getting started" configuration),
 * verbatim: its {@code ${WALLET_MAC_ID}} placeholders get no value, exactly as in a user's build
 * where those variables are not set for tests (the test kit must cope with that). The subclass
 * closes its context afterwards ({@code @DirtiesContext}), which stops the mock Wallet API.
 */
final class ReadmeTestRunner {

	static final String APPLICATION = "ReadmeApplication";

	/**
	 * The generated application is in the README's (unnamed) package, which Boot warns about
	 * for entity scanning: that warning concerns the generated class, not the README.
	 */
	private static final String QUIET = "logging.level.org.springframework.boot.autoconfigure.AutoConfigurationPackages=error";

	private ReadmeTestRunner() {
	}

	/**
	 * Run every compiled README class that declares tests.
	 * @param result the compiled README
	 * @param yamlBlocks the README's {@code yaml} blocks
	 * @param work a directory for the generated classes and the configuration
	 * @return one run per README test class
	 */
	static List<Run> run(JavaSnippetCheck.Result result, List<Block> yamlBlocks, Path work) throws IOException {
		List<JavaSnippet> units = result.compiledUnits();
		List<JavaSnippet> tests = new ArrayList<>();
		List<String> components = new ArrayList<>();
		Map<JavaSnippet, Boolean> bootTests = new LinkedHashMap<>();
		try (URLClassLoader inspect = loader(List.of(result.unitClasses()))) {
			for (JavaSnippet unit : units) {
				Class<?> type = load(inspect, unit.className());
				if (declaresTests(type)) {
					tests.add(unit);
					MergedAnnotation<SpringBootTest> boot = MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
						.get(SpringBootTest.class);
					bootTests.put(unit, boot.isPresent() && boot.getClassArray("classes").length == 0);
				}
				else if (MergedAnnotations.from(type).isPresent(Component.class)) {
					components.add(unit.className());
				}
			}
		}
		if (tests.isEmpty()) {
			return List.of();
		}
		Path runners = Files.createDirectories(work.resolve("runners"));
		@Nullable Block configuration = applicationConfiguration(yamlBlocks);
		if (configuration != null) {
			Files.writeString(runners.resolve("application.yml"), configuration.text(), StandardCharsets.UTF_8);
		}
		// nothing filled in for the user: only the generated application's own logging switch
		String properties = Stream.of(QUIET).map(ReadmeTestRunner::quote).collect(Collectors.joining(", "));
		String imports = components.stream().map((name) -> name + ".class").collect(Collectors.joining(", "));
		Map<String, String> sources = new LinkedHashMap<>();
		Map<JavaSnippet, String> runnerNames = new LinkedHashMap<>();
		for (JavaSnippet test : tests) {
			if (!bootTests.get(test)) {
				runnerNames.put(test, test.className());
				continue;
			}
			// in the test's package, so that a package-private test class can be extended
			String header = test.packageName().isEmpty() ? "" : "package " + test.packageName() + ";\n";
			String prefix = test.packageName().isEmpty() ? "" : test.packageName() + ".";
			sources.putIfAbsent(prefix + APPLICATION,
					header + "@org.springframework.boot.SpringBootConfiguration\n"
							+ "@org.springframework.boot.autoconfigure.EnableAutoConfiguration\n"
							+ "@org.springframework.context.annotation.Import({" + imports + "})\nclass " + APPLICATION
							+ " {\n}\n");
			String name = test.simpleName() + "FromReadme";
			runnerNames.put(test, prefix + name);
			sources.put(prefix + name, header + "@org.springframework.test.context.ContextConfiguration(classes = "
					+ APPLICATION + ".class)\n@org.springframework.test.context.TestPropertySource(properties = {"
					+ properties + "})\n@org.springframework.test.annotation.DirtiesContext\nclass " + name + " extends "
					+ test.className() + " {\n}\n");
		}
		if (!sources.isEmpty()) {
			List<File> classPath = new ArrayList<>(result.classPath());
			classPath.add(0, result.unitClasses().toFile());
			List<String> errors = JavaSnippetCheck.compileGenerated(sources, classPath, runners);
			if (!errors.isEmpty()) {
				throw new IllegalStateException("The generated runners do not compile:\n" + String.join("\n", errors));
			}
		}
		List<Run> runs = new ArrayList<>();
		try (URLClassLoader loader = loader(List.of(result.unitClasses(), runners))) {
			for (Map.Entry<JavaSnippet, String> entry : runnerNames.entrySet()) {
				runs.add(execute(entry.getKey(), load(loader, entry.getValue()), loader));
			}
		}
		return runs;
	}

	private static Run execute(JavaSnippet snippet, Class<?> runner, ClassLoader loader) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			Launcher launcher = LauncherFactory.create();
			SummaryGeneratingListener listener = new SummaryGeneratingListener();
			launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(runner)).build(), listener);
			TestExecutionSummary summary = listener.getSummary();
			List<String> failures = summary.getFailures()
				.stream()
				.map((failure) -> describe(snippet, failure.getTestIdentifier().getDisplayName(), failure.getException()))
				.toList();
			return new Run(snippet, summary.getTestsFoundCount(), summary.getTestsSucceededCount(), failures);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** The failure, at the README line of the test's frame when there is one. */
	private static String describe(JavaSnippet snippet, String test, Throwable failure) {
		Block block = snippet.block();
		String where = block.toString();
		for (StackTraceElement frame : failure.getStackTrace()) {
			if (frame.getClassName().equals(snippet.className()) && frame.getLineNumber() > 0) {
				where = block.at(frame.getLineNumber()) + " (" + block.lineText(frame.getLineNumber()).strip() + ")";
				break;
			}
		}
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return where + ": " + snippet.simpleName() + "." + test + " failed: " + failure
				+ ((cause != failure) ? "\n    caused by: " + cause : "");
	}

	private static boolean declaresTests(Class<?> type) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Method method : current.getDeclaredMethods()) {
				MergedAnnotations annotations = MergedAnnotations.from(method);
				if (annotations.isPresent(Test.class) || annotations.isPresent(TestFactory.class)
						|| annotations.isPresent(TestTemplate.class)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The README's first YAML block that configures projects: the application's configuration. */
	static @Nullable Block applicationConfiguration(List<Block> yamlBlocks) {
		for (Block block : yamlBlocks) {
			try {
				boolean configuresProjects = new YamlPropertySourceLoader()
					.load(block.toString(), new ByteArrayResource(block.text().getBytes(StandardCharsets.UTF_8)))
					.stream()
					.filter(EnumerablePropertySource.class::isInstance)
					.flatMap((source) -> java.util.Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
					.anyMatch((name) -> name.startsWith("paysera.wallet.projects."));
				if (configuresProjects) {
					return block;
				}
			}
			catch (IOException | RuntimeException ex) {
				// not valid YAML: reported by the YAML check
			}
		}
		return null;
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static Class<?> load(ClassLoader loader, String name) {
		try {
			return Class.forName(name, false, loader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Compiled, but not found: " + name, ex);
		}
	}

	private static URLClassLoader loader(List<Path> directories) {
		URL[] urls = directories.stream().map(ReadmeTestRunner::url).toArray(URL[]::new);
		return new URLClassLoader("readme-snippets", urls, ReadmeTestRunner.class.getClassLoader());
	}

	private static URL url(Path directory) {
		try {
			return directory.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What running one README test class gave.
	 *
	 * @param snippet the test class's block
	 * @param found the number of tests found
	 * @param succeeded the number of tests that passed
	 * @param failures each failure, at its README line
	 */
	record Run(JavaSnippet snippet, long found, long succeeded, List<String> failures) {

	}

}
