package io.github.walletproject.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Property-based testing in plain JUnit 5: small seeded generators ({@link Gen}) and the
 * cases of a property as a stream of {@link Arguments} for
 * {@code @ParameterizedTest @MethodSource}.
 * <p>
 * Every case has its own seed, and its values are drawn, in parameter order, from one
 * {@link SplittableRandom} made from that seed: the seed alone reproduces the case. The
 * argument set of a case is named {@code seed=N}, so the seed is in the test's display name,
 * and, with {@link ReportSeed} registered as an extension, in the failure message too, with
 * the options that replay it.
 * <p>
 * By default each run draws fresh seeds. Two system properties change that (Surefire passes
 * {@code -D} options of the Maven command line on to the tests):
 * <ul>
 * <li>{@code wallet.pbt.seed=N} starts every property at seed {@code N} and, alone, runs that
 * one case: a failed case is replayed with the seed its name shows;</li>
 * <li>{@code wallet.pbt.cases=N} runs {@code N} cases per property instead of the property's
 * own number (with {@code wallet.pbt.seed}, the seed comes first and the others follow from
 * it, so the whole run is repeatable).</li>
 * </ul>
 * Generators mix edge cases into their random values (range bounds, empty and longest
 * sizes), as property-testing libraries do; the text generators of the tests add their own.
 */
public final class SeededCases {

	/** System property: the seed of the first case of every property. */
	public static final String SEED_PROPERTY = "wallet.pbt.seed";

	/** System property: how many cases every property runs. */
	public static final String CASES_PROPERTY = "wallet.pbt.cases";

	static final String SEED_PREFIX = "seed=";

	private static final int FILTER_ATTEMPTS = 10_000;

	/**
	 * The cases of a property, configured by the system properties.
	 * @param count how many cases the property runs by default
	 * @param parameters the generator of each parameter of the test method, in order
	 * @return one named argument set per case
	 */
	public static Stream<Arguments> cases(int count, Gen<?>... parameters) {
		return cases(System::getProperty, count, parameters);
	}

	static Stream<Arguments> cases(Function<String, @Nullable String> properties, int count, Gen<?>... parameters) {
		return seeds(properties, count).mapToObj((seed) -> argumentsFor(seed, parameters));
	}

	static LongStream seeds(Function<String, @Nullable String> properties, int count) {
		String seedProperty = trimmed(properties.apply(SEED_PROPERTY));
		String casesProperty = trimmed(properties.apply(CASES_PROPERTY));
		int cases = (casesProperty != null) ? parseCases(casesProperty) : (seedProperty != null) ? 1 : count;
		long first = (seedProperty != null) ? parseSeed(seedProperty) : nonNegative(new SplittableRandom().nextLong());
		SplittableRandom following = new SplittableRandom(first);
		return LongStream.concat(LongStream.of(first), LongStream.generate(() -> nonNegative(following.nextLong())))
			.limit(cases);
	}

	private static Arguments argumentsFor(long seed, Gen<?>... parameters) {
		SplittableRandom random = new SplittableRandom(seed);
		Object[] values = new Object[parameters.length];
		try {
			for (int i = 0; i < parameters.length; i++) {
				values[i] = parameters[i].next(random);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Generating the case " + SEED_PREFIX + seed + " failed; replay it with -D"
					+ SEED_PROPERTY + "=" + seed, ex);
		}
		return Arguments.argumentSet(SEED_PREFIX + seed, values);
	}

	private static long nonNegative(long value) {
		return value >>> 1;
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static long parseSeed(String value) {
		try {
			long seed = Long.parseLong(value);
			if (seed >= 0) {
				return seed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("System property " + SEED_PROPERTY + "='" + value
				+ "' is not a seed: give the number a failed case shows after '" + SEED_PREFIX + "' (a non-negative long)");
	}

	private static int parseCases(String value) {
		try {
			int cases = Integer.parseInt(value);
			if (cases > 0) {
				return cases;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("System property " + CASES_PROPERTY + "='" + value
				+ "' is not a number of cases: give a positive integer, or leave it out for each property's own number");
	}

	private SeededCases() {
	}

	/**
	 * Puts the seed of a failed case, and the options that replay it, in front of the
	 * failure's message: register it with {@code @ExtendWith(SeededCases.ReportSeed.class)}.
	 * The failure becomes an {@link AssertionError} with the original as its cause.
	 */
	public static final class ReportSeed implements TestExecutionExceptionHandler {

		@Override
		public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
			String seed = seedOf(context.getDisplayName());
			if (seed == null) {
				throw throwable;
			}
			String replay = "Property failed for " + SEED_PREFIX + seed + " (replay: -D" + SEED_PROPERTY + "=" + seed
					+ " -Dtest=" + context.getRequiredTestClass().getSimpleName() + "#"
					+ context.getRequiredTestMethod().getName() + ")";
			String failure = (throwable instanceof AssertionError && throwable.getMessage() != null)
					? throwable.getMessage() : throwable.toString();
			AssertionError error = new AssertionError(replay + ": " + failure, throwable);
			error.setStackTrace(throwable.getStackTrace());
			throw error;
		}

	}

	/** The seed in a case's display name, {@code null} when it has none. */
	static @Nullable String seedOf(String displayName) {
		int start = displayName.lastIndexOf(SEED_PREFIX);
		if (start < 0) {
			return null;
		}
		start += SEED_PREFIX.length();
		int end = start;
		while (end < displayName.length() && Character.isDigit(displayName.charAt(end))) {
			end++;
		}
		return (end > start) ? displayName.substring(start, end) : null;
	}

	// ---- generators ---------------------------------------------------------------------------

	/**
	 * Generates values of one type from a random source.
	 * @param <T> the type of the values
	 */
	@FunctionalInterface
	public interface Gen<T> {

		T next(RandomGenerator random);

		default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
			return (random) -> mapper.apply(next(random));
		}

		/** Draws again until a value passes; fails after 10,000 misses in a row. */
		default Gen<T> filter(Predicate<? super T> predicate) {
			return (random) -> {
				for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
					T value = next(random);
					if (predicate.test(value)) {
						return value;
					}
				}
				throw new IllegalStateException(
						"The filter rejected " + FILTER_ATTEMPTS + " values in a row: loosen it or change the generator");
			};
		}

		/** {@code null} with the given probability. */
		default Gen<@Nullable T> orNull(double probability) {
			return (random) -> (random.nextDouble() < probability) ? null : next(random);
		}

		/** One of the given values with the given probability, a generated one otherwise. */
		@SuppressWarnings("unchecked")
		default Gen<T> withEdgeCases(double probability, T... edgeCases) {
			List<T> edges = List.of(edgeCases);
			return (random) -> (random.nextDouble() < probability) ? edges.get(random.nextInt(edges.size()))
					: next(random);
		}

		/** Lists of {@code min} to {@code max} elements; both bounds come up often. */
		default Gen<List<T>> list(int min, int max) {
			return (random) -> {
				int size = size(random, min, max);
				List<T> list = new ArrayList<>(size);
				for (int i = 0; i < size; i++) {
					list.add(next(random));
				}
				return list;
			};
		}

		/** Like {@link #list(int, int)}, with no two elements of the same key. */
		default <K> Gen<List<T>> uniqueList(int min, int max, Function<? super T, K> key) {
			return (random) -> {
				int size = size(random, min, max);
				List<T> list = new ArrayList<>(size);
				Set<K> keys = new HashSet<>();
				for (int attempt = 0; list.size() < size; attempt++) {
					if (attempt == FILTER_ATTEMPTS) {
						throw new IllegalStateException("Could not draw " + size + " elements with distinct keys in "
								+ FILTER_ATTEMPTS + " attempts: widen the element generator");
					}
					T value = next(random);
					if (keys.add(key.apply(value))) {
						list.add(value);
					}
				}
				return list;
			};
		}

	}

	/**
	 * A generator with a relative weight, for {@link #frequency(Weighted...)}.
	 * @param <T> the type of the values
	 * @param weight the relative weight
	 * @param gen the generator
	 */
	public record Weighted<T>(int weight, Gen<? extends T> gen) {
	}

	public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
		return new Weighted<>(weight, gen);
	}

	/** Picks one of the generators, each as often as its weight says. */
	@SafeVarargs
	public static <T> Gen<T> frequency(Weighted<T>... options) {
		List<Weighted<T>> choices = List.of(options);
		int total = choices.stream().mapToInt(Weighted::weight).sum();
		return (random) -> {
			int pick = random.nextInt(total);
			for (Weighted<T> choice : choices) {
				pick -= choice.weight();
				if (pick < 0) {
					return choice.gen().next(random);
				}
			}
			throw new IllegalStateException("unreachable: weights " + total);
		};
	}

	public static <T> Gen<T> constant(T value) {
		return (random) -> value;
	}

	/** One of the values, each as likely. */
	@SafeVarargs
	public static <T> Gen<T> oneOf(T... values) {
		List<T> list = Arrays.asList(values);
		return (random) -> list.get(random.nextInt(list.size()));
	}

	public static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
		return oneOf(type.getEnumConstants());
	}

	/** Integers from {@code min} to {@code max} inclusive; the bounds and their neighbours come up often. */
	public static Gen<Integer> ints(int min, int max) {
		return longs(min, max).map(Long::intValue);
	}

	/** Longs from {@code min} to {@code max} inclusive; the bounds and their neighbours come up often. */
	public static Gen<Long> longs(long min, long max) {
		if (min > max) {
			throw new IllegalArgumentException("min " + min + " > max " + max);
		}
		return (random) -> {
			double roll = random.nextDouble();
			if (roll < 0.04) {
				return min;
			}
			if (roll < 0.08) {
				return max;
			}
			if (roll < 0.10) {
				return (min < max) ? min + 1 : min;
			}
			if (roll < 0.12) {
				return (min < max) ? max - 1 : max;
			}
			return (max == Long.MAX_VALUE) ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
		};
	}

	/** Characters from {@code from} to {@code to} inclusive; the bounds come up often. */
	public static Gen<Character> chars(char from, char to) {
		return ints(from, to).map((c) -> (char) c.intValue());
	}

	/** Strings of {@code min} to {@code max} characters of the alphabet; both lengths come up often. */
	public static Gen<String> strings(String alphabet, int min, int max) {
		return (random) -> {
			int length = size(random, min, max);
			StringBuilder text = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			return text.toString();
		};
	}

	/** Byte arrays of {@code min} to {@code max} bytes; 0, -1, the extremes and both lengths come up often. */
	public static Gen<byte[]> bytes(int min, int max) {
		Gen<Integer> value = ints(Byte.MIN_VALUE, Byte.MAX_VALUE).withEdgeCases(0.05, 0, -1, 1);
		return (random) -> {
			byte[] bytes = new byte[size(random, min, max)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = value.next(random).byteValue();
			}
			return bytes;
		};
	}

	/** Joins generated pieces into one string. */
	public static Gen<String> joined(Gen<List<String>> pieces, String delimiter) {
		return pieces.map((list) -> String.join(delimiter, list));
	}

	/** A size from {@code min} to {@code max}: each bound one time in ten, uniform otherwise. */
	static int size(RandomGenerator random, int min, int max) {
		if (min > max) {
			throw new IllegalArgumentException("min size " + min + " > max size " + max);
		}
		double roll = random.nextDouble();
		if (roll < 0.1) {
			return min;
		}
		if (roll < 0.2) {
			return max;
		}
		return random.nextInt(min, max + 1);
	}

}
