package io.github.walletproject.readme;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every {@code java} block of README.md compiles, verbatim, against the starter, its test kit
 * and Spring Boot (see {@link JavaSnippet} for how blocks are classified and wrapped, and
 * {@link SnippetContext} for what a wrapped block may use); and the README's test example runs
 * and passes against the test kit's MockWalletApi ({@link ReadmeTestRunner}).
 */
class ReadmeJavaSnippetsTests {

	@TempDir
	static Path work;

	private static Readme readme;

	private static JavaSnippetCheck.Result compiled;

	@BeforeAll
	static void compileEveryJavaBlock() {
		readme = Readme.load();
		compiled = new JavaSnippetCheck(work).check(readme.blocks("java"));
	}

	@TestFactory
	Stream<DynamicTest> everyJavaBlockCompiles() {
		assertThat(compiled.outcomes()).as("java blocks in %s", readme.name()).isNotEmpty();
		return compiled.outcomes().stream().map((outcome) -> dynamicTest(outcome.snippet().block() + " compiles as "
				+ outcome.snippet().kind().name().toLowerCase(Locale.ROOT), () -> {
					String problem = outcome.problem();
					if (problem != null) {
						fail(problem);
					}
				}));
	}

	@Test
	void theReadmesTestExampleRunsAndPassesAgainstTheMockWalletApi() throws Exception {
		List<ReadmeTestRunner.Run> runs = ReadmeTestRunner.run(compiled, readme.blocks("yaml"), work);

		assertThat(runs).as("test classes the README shows (and that compile)")
			.extracting((run) -> run.snippet().className())
			.contains("CheckoutTests");
		for (ReadmeTestRunner.Run run : runs) {
			assertThat(run.failures()).as("failures of %s", run.snippet().block()).isEmpty();
			assertThat(run.found()).as("tests found in %s", run.snippet().block()).isPositive();
			assertThat(run.succeeded()).as("tests passed in %s", run.snippet().block()).isEqualTo(run.found());
		}
	}

}
