package io.github.walletproject.support;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.walletproject.support.SeededCases.Gen;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.Arguments.ArgumentSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link SeededCases}: a seed reproduces its case, the system properties replay and resize a
 * run, and the generators reach the edges of their ranges.
 */
class SeededCasesTests {

	private static final Gen<List<Integer>> VALUES = SeededCases.ints(0, 1_000_000).list(0, 10);

	@Test
	void eachCaseIsNamedByItsSeedAndTheSeedAloneReproducesItsValues() {
		List<Arguments> cases = SeededCases.cases(properties(Map.of()), 50, VALUES, SeededCases.ints(0, 9)).toList();

		assertThat(cases).hasSize(50);
		for (Arguments arguments : cases) {
			String name = ((ArgumentSet) arguments).getName();
			assertThat(name).matches("seed=[0-9]+");
			SplittableRandom random = new SplittableRandom(Long.parseLong(name.substring("seed=".length())));
			assertThat(arguments.get()).containsExactly(VALUES.next(random), SeededCases.ints(0, 9).next(random));
		}
		assertThat(cases.stream().map((arguments) -> ((ArgumentSet) arguments).getName()).distinct()).hasSize(50);
	}

	@Test
	void aSeedPropertyReplaysThatOneCase() {
		List<Arguments> cases = SeededCases.cases(properties(Map.of("wallet.pbt.seed", " 42 ")), 1000, VALUES)
			.toList();

		assertThat(cases).singleElement()
			.satisfies((arguments) -> assertThat(((ArgumentSet) arguments).getName()).isEqualTo("seed=42"))
			.satisfies((arguments) -> assertThat(arguments.get()).containsExactly(VALUES.next(new SplittableRandom(42))));
	}

	@Test
	void aCasesPropertySetsTheNumberOfCasesAndWithASeedTheRunIsRepeatable() {
		assertThat(SeededCases.seeds(properties(Map.of("wallet.pbt.cases", "7")), 1000)).hasSize(7)
			.allSatisfy((seed) -> assertThat(seed).isNotNegative());
		Map<String, String> both = Map.of("wallet.pbt.seed", "42", "wallet.pbt.cases", "5");

		long[] first = SeededCases.seeds(properties(both), 1000).toArray();

		assertThat(first).hasSize(5).startsWith(42L).doesNotHaveDuplicates();
		assertThat(SeededCases.seeds(properties(both), 1000).toArray()).containsExactly(first);
		assertThat(SeededCases.seeds(properties(Map.of("wallet.pbt.seed", " ")), 3).toArray()).hasSize(3);
	}

	@Test
	void withoutPropertiesEveryRunDrawsFreshSeeds() {
		long[] one = SeededCases.seeds(properties(Map.of()), 20).toArray();
		long[] other = SeededCases.seeds(properties(Map.of()), 20).toArray();

		assertThat(one).hasSize(20).isNotEqualTo(other);
	}

	@Test
	void invalidPropertiesNameThePropertyAndTheFix() {
		for (String seed : List.of("abc", "-1", "0x10", "1.5")) {
			assertThatIllegalArgumentException().isThrownBy(() -> SeededCases.seeds(properties(Map.of("wallet.pbt.seed", seed)), 1))
				.withMessageContaining("wallet.pbt.seed='" + seed + "'")
				.withMessageContaining("give the number a failed case shows after 'seed='");
		}
		for (String cases : List.of("0", "-3", "many")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> SeededCases.seeds(properties(Map.of("wallet.pbt.cases", cases)), 1))
				.withMessageContaining("wallet.pbt.cases='" + cases + "'")
				.withMessageContaining("give a positive integer");
		}
	}

	@Test
	void aGeneratorThatFailsNamesTheSeedToReplay() {
		Gen<String> broken = (random) -> {
			throw new IllegalStateException("generator made an invalid URI: x");
		};

		assertThatIllegalStateException()
			.isThrownBy(() -> SeededCases.cases(properties(Map.of("wallet.pbt.seed", "9")), 1, broken).toList())
			.withMessage("Generating the case seed=9 failed; replay it with -Dwallet.pbt.seed=9")
			.havingCause()
			.withMessage("generator made an invalid URI: x");
	}

	@Test
	void aFilterThatRejectsEverythingSaysSo() {
		Gen<Integer> never = SeededCases.ints(0, 10).filter((value) -> value > 10);

		assertThatIllegalStateException().isThrownBy(() -> never.next(new SplittableRandom(1)))
			.withMessageContaining("The filter rejected 10000 values in a row");
	}

	@Test
	void reportSeedPutsTheSeedAndTheReplayOptionsInFrontOfTheFailure() throws Exception {
		ExtensionContext context = context("[3] seed=42",
				SeededCasesTests.class.getDeclaredMethod("reportSeedPutsTheSeedAndTheReplayOptionsInFrontOfTheFailure"));
		AssertionError failure = new AssertionError("expected 1 but was 2");

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> new SeededCases.ReportSeed().handleTestExecutionException(context, failure))
			.withMessage("Property failed for seed=42 (replay: -Dwallet.pbt.seed=42"
					+ " -Dtest=SeededCasesTests#reportSeedPutsTheSeedAndTheReplayOptionsInFrontOfTheFailure):"
					+ " expected 1 but was 2")
			.withCause(failure);
		RuntimeException error = new IllegalStateException("boom");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> new SeededCases.ReportSeed().handleTestExecutionException(context, error))
			.withMessageEndingWith(": java.lang.IllegalStateException: boom")
			.withCause(error);
	}

	@Test
	void reportSeedLeavesFailuresOfOtherTestsAlone() {
		ExtensionContext context = context("documentedExtExample()", null);
		AssertionError failure = new AssertionError("expected 1 but was 2");

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> new SeededCases.ReportSeed().handleTestExecutionException(context, failure))
			.isSameAs(failure);
		assertThat(SeededCases.seedOf("[1] seed=")).isNull();
		assertThat(SeededCases.seedOf("[12] seed=123456789")).isEqualTo("123456789");
	}

	@Test
	void rangesReachBothBoundsAndTheirNeighboursAndNeverLeaveTheRange() {
		Set<Integer> ints = new HashSet<>(draw(SeededCases.ints(0, 255), 2000));
		List<Long> longs = draw(SeededCases.longs(0, Long.MAX_VALUE), 2000);
		Set<Character> chars = new HashSet<>(draw(SeededCases.chars((char) 0xD800, (char) 0xDFFF), 2000));

		assertThat(ints).contains(0, 1, 254, 255).allSatisfy((value) -> assertThat(value).isBetween(0, 255));
		assertThat(longs).contains(0L, 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE).allSatisfy((value) -> assertThat(value).isNotNegative());
		assertThat(chars).contains((char) 0xD800, (char) 0xDFFF)
			.allSatisfy((value) -> assertThat(value).isBetween((char) 0xD800, (char) 0xDFFF));
		assertThat(draw(SeededCases.ints(7, 7), 50)).containsOnly(7);
	}

	@Test
	void sizesReachBothBoundsAndUniqueListsHaveDistinctKeys() {
		Set<Integer> listSizes = new HashSet<>();
		draw(SeededCases.ints(0, 3).list(0, 24), 1000).forEach((list) -> listSizes.add(list.size()));
		Set<Integer> byteSizes = new HashSet<>();
		Set<Byte> byteValues = new HashSet<>();
		draw(SeededCases.bytes(0, 300), 1000).forEach((bytes) -> {
			byteSizes.add(bytes.length);
			for (byte b : bytes) {
				byteValues.add(b);
			}
		});
		List<List<Integer>> unique = draw(SeededCases.ints(0, 9).uniqueList(0, 10, (value) -> value), 500);

		assertThat(listSizes).contains(0, 24).allSatisfy((size) -> assertThat(size).isBetween(0, 24));
		assertThat(byteSizes).contains(0, 300);
		assertThat(byteValues).hasSize(256);
		assertThat(unique).allSatisfy((list) -> assertThat(list).doesNotHaveDuplicates())
			.anySatisfy((list) -> assertThat(list).hasSize(10));
	}

	@Test
	void frequencyFollowsTheWeightsAndOrNullMixesInNulls() {
		Map<String, Integer> counts = new HashMap<>();
		draw(SeededCases.frequency(SeededCases.weighted(3, SeededCases.constant("a")),
				SeededCases.weighted(1, SeededCases.constant("b"))), 4000)
			.forEach((value) -> counts.merge(value, 1, Integer::sum));
		List<@Nullable String> maybe = draw(SeededCases.constant("x").orNull(0.2), 1000);

		assertThat(counts.get("a")).isBetween(2700, 3300);
		assertThat(counts.get("b")).isBetween(700, 1300);
		assertThat(maybe).containsNull().contains("x");
		assertThat(draw(SeededCases.oneOf("p", "q").withEdgeCases(0.5, "edge"), 200)).contains("p", "q", "edge");
	}

	private static <T> List<T> draw(Gen<T> gen, int count) {
		SplittableRandom random = new SplittableRandom(20_240_601L);
		List<T> values = new ArrayList<>(count);
		IntStream.range(0, count).forEach((i) -> values.add(gen.next(random)));
		return values;
	}

	/** A context that answers what {@link SeededCases.ReportSeed} asks, and nothing else. */
	private static ExtensionContext context(String displayName, @Nullable Method method) {
		return (ExtensionContext) Proxy.newProxyInstance(SeededCasesTests.class.getClassLoader(),
				new Class<?>[] { ExtensionContext.class }, (proxy, called, arguments) -> switch (called.getName()) {
					case "getDisplayName" -> displayName;
					case "getRequiredTestClass" -> SeededCasesTests.class;
					case "getRequiredTestMethod" -> method;
					default -> throw new UnsupportedOperationException(called.getName());
				});
	}

	private static Function<String, @Nullable String> properties(Map<String, String> values) {
		return values::get;
	}

}
