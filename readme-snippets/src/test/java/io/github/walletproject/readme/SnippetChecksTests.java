package io.github.walletproject.readme;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.walletproject.readme.JavaSnippet.Kind;
import io.github.walletproject.readme.Readme.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The checks themselves, on Markdown written for the purpose: they find the blocks and their
 * lines, classify Java blocks as the README uses them, and report each kind of broken block
 * with its line and the tool's message, so that the README tests would fail if the README did.
 */
class SnippetChecksTests {

	private static final String FENCE = "```";

	@Test
	void blocksKeepTheirLanguageFirstLineTextAndMarker() {
		Readme readme = Readme.parse("TEST.md", String.join("\n", "# Title", "", FENCE + "java", "int a = 1;", FENCE, "",
				"<!-- snippet: fragment -->", "", FENCE + "yaml title", "a: 1", "b: 2", FENCE, "", FENCE, "plain", FENCE));

		assertThat(readme.blocks()).extracting(Block::language, Block::line, Block::text, Block::marker)
			.containsExactly(tuple("java", 4, "int a = 1;\n", null),
					tuple("yaml", 10, "a: 1\nb: 2\n", "fragment"),
					tuple("", 15, "plain\n", null));
		assertThat(readme.blocks("yaml").get(0).at(2)).isEqualTo("TEST.md line 11");
	}

	@Test
	void anUnknownMarkerIsAnErrorNotASilentSkip() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Readme.parse("TEST.md", String.join("\n", "<!-- snippet: fragmnet -->", FENCE + "java",
					"x();", FENCE)))
			.withMessageContaining("TEST.md line 1")
			.withMessageContaining("fragmnet");
	}

	@Test
	void javaBlocksAreClassifiedAsTheReadmeWritesThem() {
		assertThat(JavaSnippet.classify("import a.B;\n\nclass C {\n}\n")).isEqualTo(Kind.UNIT);
		assertThat(JavaSnippet.classify("@Service\n@WalletProject(\"shop\")   // note\npublic class C {\n}\n"))
			.isEqualTo(Kind.UNIT);
		assertThat(JavaSnippet.classify("record Order(long id) {\n}\n")).isEqualTo(Kind.UNIT);
		assertThat(JavaSnippet.classify("@Bean\nThreadPoolTaskExecutor taskExecutor() {   // @Async\n    return null;\n}\n"))
			.isEqualTo(Kind.MEMBERS);
		assertThat(JavaSnippet.classify("public Transaction pay(Order order) {   // POST transaction\n}\n"))
			.isEqualTo(Kind.MEMBERS);
		assertThat(JavaSnippet.classify("@Autowired\nWalletProjects wallet;\n")).isEqualTo(Kind.MEMBERS);
		assertThat(JavaSnippet.classify("import a.B;\n\n@Bean\nB b() {\n    return null;\n}\n")).isEqualTo(Kind.MEMBERS);
		assertThat(JavaSnippet.classify("import a.B;\n\nB b = wallet.b();\n")).isEqualTo(Kind.STATEMENTS);
		assertThat(JavaSnippet.classify("WalletBalance balance = ProjectContext.callWith(\"m\", () -> wallet.balance());\n"))
			.isEqualTo(Kind.STATEMENTS);
		assertThat(JavaSnippet.classify("walletRestClient.post().uri(\"transaction\").body(payment)\n"
				+ "    .retrieve().body(String.class);\n")).isEqualTo(Kind.STATEMENTS);
		assertThat(JavaSnippet.classify("// a comment\nreturn wallet.balance();\n")).isEqualTo(Kind.STATEMENTS);
	}

	@Test
	void javaBlocksCompileWithTheirContextAndUnmarkedFailuresNameTheReadmeLineAndTheCompilersMessage(
			@TempDir Path work) throws Exception {
		Readme readme = Readme.parse("TEST.md", String.join("\n", //
				"# Units see each other; wrapped blocks see units, the context and their own imports", // 1
				FENCE + "java", // 2
				"import org.springframework.stereotype.Service;", // 3
				"", // 4
				"@Service", // 5
				"public class Shop {", // 6
				"    public static long id() { return 1221; }", // 7
				"}", // 8
				FENCE, // 9
				FENCE + "java", // 10
				"import io.github.walletproject.ProjectContext;", // 11
				"import io.github.walletproject.money.WalletBalance;", // 12
				"", // 13
				"long id = Shop.id() + order.projectId();", // 14
				"WalletBalance balance = ProjectContext.callWith(\"shop\", () -> wallet.balance());", // 15
				FENCE, // 16
				FENCE + "java", // 17
				"import io.github.walletproject.WalletProject;", // 18
				"import io.github.walletproject.money.Money;", // 19
				"import io.github.walletproject.money.PaymentRequest;", // 20
				"import io.github.walletproject.money.Transaction;", // 21
				"import io.github.walletproject.money.TransactionRequest;", // 22
				"", // 23
				"@WalletProject(\"shop\")", // 24
				"public Transaction pay(Order order) {", // 25
				"    return transactions.create(TransactionRequest.of(", // 26
				"            PaymentRequest.of(\"Order #\" + order.id(), Money.of(\"12.99\", \"EUR\"))));", // 27
				"}", // 28
				FENCE, // 29
				"A typo in a statement:", // 30
				FENCE + "java", // 31
				"import io.github.walletproject.money.WalletBalance;", // 32
				"WalletBalance first = wallet.balance();", // 33
				"WalletBalance second = wallet.balanse();", // 34
				FENCE, // 35
				"A type used without its import: nothing is imported for a block", // 36
				FENCE + "java", // 37
				"Duration timeout = Duration.ofSeconds(1);", // 38
				FENCE, // 39
				"A unit with an error on its third line:", // 40
				FENCE + "java", // 41
				"class Broken {", // 42
				"", // 43
				"    Sting name;", // 44
				"}", // 45
				FENCE, // 46
				"<!-- snippet: fragment -->", // 47
				FENCE + "java", // 48
				"wallet.balance(", // 49
				FENCE, // 50
				"<!-- snippet: fragment -->", // 51
				FENCE + "java", // 52
				"wallet.balance();", // 53
				FENCE, // 54
				"Test classes, run after compiling:", // 55
				FENCE + "java", // 56
				"package com.example;", // 57
				"", // 58
				"import org.junit.jupiter.api.Test;", // 59
				"import static org.junit.jupiter.api.Assertions.assertEquals;", // 60
				"", // 61
				"class ArithmeticTests {", // 62
				"    @Test", // 63
				"    void adds() {", // 64
				"        assertEquals(3, 1 + 2);", // 65
				"    }", // 66
				"    @Test", // 67
				"    void addsWrongly() {", // 68
				"        assertEquals(2, 1 + 2);", // 69
				"    }", // 70
				"}", // 71
				FENCE, // 72
				""));

		JavaSnippetCheck.Result result = new JavaSnippetCheck(work).check(readme.blocks("java"));
		Map<Integer, JavaSnippetCheck.Outcome> outcomes = result.outcomes()
			.stream()
			.collect(Collectors.toMap((outcome) -> outcome.snippet().block().line(), Function.identity()));

		assertThat(outcomes.get(3).snippet().kind()).isEqualTo(Kind.UNIT);
		assertThat(outcomes.get(3).problem()).isNull();
		assertThat(outcomes.get(11).snippet().kind()).isEqualTo(Kind.STATEMENTS);
		assertThat(outcomes.get(11).problem()).isNull();
		assertThat(outcomes.get(18).snippet().kind()).isEqualTo(Kind.MEMBERS);
		assertThat(outcomes.get(18).problem()).isNull();
		assertThat(outcomes.get(32).problem()).contains("TEST.md line 34")
			.contains("cannot find symbol")
			.contains("balanse")
			.contains("> WalletBalance second = wallet.balanse();")
			.contains("<!-- snippet: fragment -->");
		assertThat(outcomes.get(38).problem()).as("a block that uses a type it does not import")
			.contains("TEST.md line 38")
			.contains("cannot find symbol")
			.contains("Duration");
		assertThat(outcomes.get(42).problem()).contains("TEST.md line 44").contains("cannot find symbol").contains("Sting");
		assertThat(outcomes.get(49).problem()).as("a marked fragment that does not compile").isNull();
		assertThat(outcomes.get(53).problem()).as("a marked fragment that compiles")
			.contains("TEST.md line 53")
			.contains("marked <!-- snippet: fragment --> but compiles");
		assertThat(outcomes.get(57).snippet().className()).isEqualTo("com.example.ArithmeticTests");
		assertThat(outcomes.get(57).problem()).isNull();

		List<ReadmeTestRunner.Run> runs = ReadmeTestRunner.run(result, List.of(), work);

		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.found()).isEqualTo(2);
			assertThat(run.succeeded()).isEqualTo(1);
			assertThat(run.failures()).singleElement(STRING)
				.contains("TEST.md line 69 (assertEquals(2, 1 + 2);)")
				.contains("ArithmeticTests.addsWrongly() failed")
				.contains("expected: <2> but was: <3>");
		});
	}

	@Test
	void yamlThatBindsAndUsesPlaceholdersPasses() {
		assertThat(YamlSnippetCheck.check(yaml("paysera:", "  wallet:", "    credentials:", "      mac-id: ${WALLET_MAC_ID}",
				"      mac-key: ${WALLET_MAC_KEY}", "    projects:", "      shop:", "        id: 1221",
				"        wallet-id: 2112", "    access:", "      source: configured", "management:", "  health:",
				"    wallet:", "      enabled: true", "      time-to-live: 5s", "spring:", "  anything: goes")))
			.isEmpty();
	}

	@Test
	void yamlThatSwitchesTheStarterOffPasses() {
		assertThat(YamlSnippetCheck.check(yaml("paysera:", "  wallet:", "    enabled: false"))).isEmpty();
	}

	@Test
	void aMisspelledWalletKeyIsReportedAtItsLine() {
		assertThat(YamlSnippetCheck.check(yaml("paysera:", "  wallet:", "    defualt-project: shop")))
			.singleElement(STRING)
			.contains("TEST.md line 13 (defualt-project: shop)")
			.contains("paysera.wallet.defualt-project binds to nothing in WalletProperties");
	}

	@Test
	void aMisspelledHealthKeyIsReported() {
		assertThat(YamlSnippetCheck.check(yaml("management:", "  health:", "    wallet:", "      clock-tolerence: 5s")))
			.singleElement(STRING)
			.contains("TEST.md line 14 (clock-tolerence: 5s)")
			.contains("management.health.wallet.clock-tolerence binds to nothing in WalletHealthProperties");
	}

	@Test
	void aValueOfTheWrongTypeIsReportedAtItsLine() {
		assertThat(YamlSnippetCheck.check(yaml("paysera:", "  wallet:", "    connect-timeout: soon")))
			.singleElement(STRING)
			.contains("TEST.md line 13 (connect-timeout: soon)")
			.contains("does not bind to WalletProperties")
			.contains("'soon' is not a valid duration");
	}

	@Test
	void aValueThatBindsButTheStarterRefusesIsReported() {
		assertThat(YamlSnippetCheck.check(yaml("paysera:", "  wallet:", "    base-url: ftp://wallet.example/")))
			.singleElement(STRING)
			.contains("the starter refuses it at startup")
			.contains("paysera.wallet.base-url");
	}

	@Test
	void yamlThatDoesNotParseIsReportedAtItsLine() {
		assertThat(YamlSnippetCheck.check(yaml("paysera:", "  wallet:", "    access: none: x")))
			.singleElement(STRING)
			.contains("not valid YAML")
			.contains("TEST.md line 13");
	}

	@Test
	void mavenFragmentsMustNameThisBuildsPublishedModulesAsMavenResolvesThem() {
		XmlSnippetCheck check = new XmlSnippetCheck(XmlSnippetCheck.Build.read(Readme.root()));
		String version = XmlSnippetCheck.Build.read(Readme.root()).version();

		assertThat(check.check(xml("<dependencyManagement><dependencies><dependency>",
				"<groupId>io.github.walletproject</groupId><artifactId>wallet-project-dependencies</artifactId>",
				"<version>" + version + "</version><type>pom</type><scope>import</scope>",
				"</dependency></dependencies></dependencyManagement>", "<dependencies><dependency>",
				"<groupId>io.github.walletproject</groupId>", "<artifactId>wallet-project-starter-test</artifactId>",
				"</dependency><dependency><groupId>org.example</groupId><artifactId>x</artifactId></dependency>",
				"</dependencies>")))
			.isEmpty();
		assertThat(check.check(xml("<dependency>", "  <groupId>io.github.walletproject</groupId>",
				"  <artifactId>wallet-project-stater</artifactId>", "</dependency>")))
			.singleElement(STRING)
			.contains("TEST.md line 13")
			.contains("io.github.walletproject:wallet-project-stater is not a module of this build");
		assertThat(check.check(xml("<dependency>", "  <groupId>io.github.walletproject</groupId>",
				"  <artifactId>wallet-project-starter-test</artifactId>", "  <scope>test</scope>", "</dependency>")))
			.singleElement(STRING)
			.contains("has no <version>")
			.contains("wallet-project-dependencies");
		assertThat(check.check(xml("<dependency><groupId>io.github.walletproject</groupId>",
				"<artifactId>wallet-project-starter</artifactId><version>0.0.1</version></dependency>")))
			.singleElement(STRING)
			.contains("at version 0.0.1, but this build is " + version + " (released as ");
		assertThat(check.check(xml("<dependency><groupId>io.github.walletproject</groupId>",
				"<artifactId>sample-app</artifactId><version>" + version + "</version></dependency>")))
			.singleElement(STRING)
			.contains("sample-app is never published");
		assertThat(check.check(xml("<dependency>", "  <groupId>io.github.walletproject</dependency>")))
			.singleElement(STRING)
			.contains("not well-formed XML")
			.contains("TEST.md line 12");
	}

	@Test
	void aMavenFragmentShowsThisBuildsVersionOrTheReleaseItBecomesOnMavenCentral() {
		XmlSnippetCheck check = new XmlSnippetCheck(new XmlSnippetCheck.Build("io.github.walletproject", "0.2.0-SNAPSHOT",
				Map.of("wallet-project-starter", new XmlSnippetCheck.Build.Module(true, java.util.Set.of()))));
		Function<String, Block> starterAt = (version) -> xml("<dependency><groupId>io.github.walletproject</groupId>",
				"<artifactId>wallet-project-starter</artifactId><version>" + version + "</version></dependency>");

		assertThat(check.check(starterAt.apply("0.2.0"))).isEmpty();
		assertThat(check.check(starterAt.apply("0.2.0-SNAPSHOT"))).isEmpty();
		assertThat(check.check(starterAt.apply("0.1.0"))).singleElement(STRING)
			.contains("at version 0.1.0, but this build is 0.2.0-SNAPSHOT (released as 0.2.0)");
	}

	/** A block whose first line is line 11 of TEST.md. */
	private static Block yaml(String... lines) {
		return block("yaml", lines);
	}

	private static Block xml(String... lines) {
		return block("xml", lines);
	}

	private static Block block(String language, String... lines) {
		return new Block("TEST.md", language, 11, String.join("\n", lines) + "\n", null);
	}

}
