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
 * Every {@code xml} block of README.md is well-formed, and its Maven dependencies on this
 * project name published modules of this build that Maven can resolve ({@link XmlSnippetCheck}).
 */
class ReadmeXmlSnippetsTests {

	@TestFactory
	Stream<DynamicTest> everyXmlBlockIsWellFormedAndNamesThisBuildsArtifacts() {
		Readme readme = Readme.load();
		XmlSnippetCheck check = new XmlSnippetCheck(XmlSnippetCheck.Build.read(Readme.root()));
		List<Block> blocks = readme.blocks("xml");
		assertThat(blocks).as("xml blocks in %s", readme.name()).isNotEmpty();
		return blocks.stream().map((block) -> dynamicTest(block + " is right", () -> {
			List<String> problems = check.check(block);
			if (block.isFragment()) {
				assertThat(problems).as("%s is marked <!-- snippet: fragment --> but passes: remove the marker", block)
					.isNotEmpty();
			}
			else if (!problems.isEmpty()) {
				fail(String.join("\n", problems) + "\nFix the XML in " + block.file() + ".");
			}
		}));
	}

}
