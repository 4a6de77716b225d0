package io.github.walletproject.readme;

import java.util.List;
import java.util.stream.Stream;

import io.github.walletproject.readme.Readme.Block;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every {@code yaml} block of README.md parses, binds to the starter's properties with no
 * unknown key, and is accepted by the starter at startup ({@link YamlSnippetCheck}).
 */
class ReadmeYamlSnippetsTests {

	@TestFactory
	Stream<DynamicTest> everyYamlBlockBinds() {
		Readme readme = Readme.load();
		List<Block> blocks = readme.blocks("yaml");
		assertThat(blocks).as("yaml blocks in %s", readme.name()).isNotEmpty();
		return blocks.stream().map((block) -> dynamicTest(block + " binds", () -> {
			List<String> problems = YamlSnippetCheck.check(block);
			if (block.isFragment()) {
				assertThat(problems).as("%s is marked <!-- snippet: fragment --> but binds: remove the marker", block)
					.isNotEmpty();
			}
			else if (!problems.isEmpty()) {
				fail(String.join("\n", problems) + "\nFix the YAML in " + block.file()
						+ ", or mark a deliberately partial block with <!-- snippet: fragment --> before its fence.");
			}
		}));
	}

}
