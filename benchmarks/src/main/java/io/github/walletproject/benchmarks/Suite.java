package io.github.walletproject.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the whole suite with 1 and with 2 benchmark threads (GC and CPU-time profilers on),
 * then the cold-burst access check once, then the bare and the starter client in alternating
 * rounds (see {@link #paired}), and prints one table with the figures and the ratios the
 * targets are stated in. JMH options given on the command line (forks, iterations, times,
 * JVM arguments…) apply to every run; {@code -f N} also sets the number of paired rounds to
 * {@code 2N + 1} (or {@code -Dbench.rounds=R}). Raw results are written as JSON to
 * {@code benchmarks/target/results-*.json}.
 * <p>
 * {@code java -cp benchmarks.jar io.github.walletproject.benchmarks.Suite -f 1 -wi 2 -w 2s -i 3 -r 1s}
 */
public final class Suite {

	private static final String PACKAGE = Suite.class.getPackageName() + ".";

	private static final String STEADY = PACKAGE + "((PrimitivesBenchmarks|SignerBenchmarks|NonceBenchmarks)\\.\\w+"
			+ "|ClientBenchmarks\\.plain(Get|Post)|AccessBenchmarks\\.accessWarmHit)$";

	/** Compared in alternating rounds: bare and starter, for each request. */
	private static final String[][] PAIRS = { { "bareGet", "starterGet" }, { "barePost", "starterPost" } };

	private static final String BURST = PACKAGE + "AccessBenchmarks\\.accessColdBurst";

	/** Signer ≤ 1.25 × floor (issue 23). */
	private static final double SIGNER_RATIO = 1.25;

	/** At most this many bytes allocated per signature, nonce included (issue 23). */
	private static final double SIGNER_BYTES = 700;

	/** Starter ≤ bare + 0 ns per call (issue 23). */
	private static final double STARTER_NS = 0;

	/** Starter ≤ bare + 0 B per call (issue 23). */
	private static final double STARTER_BYTES = 0;

	/** "Flat": 2 threads at most this much slower per call than 1. */
	private static final double NONCE_FLAT = 1.3;

	private Suite() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		CommandLineOptions command = new CommandLineOptions(args);
		String output = System.getProperty("bench.output", "benchmarks/target");
		new File(output).mkdirs();
		boolean everything = command.getIncludes().isEmpty();
		int forks = command.getForkCount().orElse(1);
		int rounds = Integer.getInteger("bench.rounds", 2 * Math.max(1, forks) + 1);
		Map<String, Figures> one = run(command, STEADY, 1, output + "/results-1-thread.json");
		Map<String, Figures> two = run(command, STEADY, 2, output + "/results-2-threads.json");
		Map<String, Figures> burst = run(command, BURST, 1, output + "/results-cold-burst.json");
		Map<String, Delta> pairedOne = new HashMap<>();
		Map<String, Delta> pairedTwo = new HashMap<>();
		if (everything) {
			pairedOne = paired(command, 1, rounds, output + "/results-paired-1-thread", one);
			pairedTwo = paired(command, 2, rounds, output + "/results-paired-2-threads", two);
		}
		System.out.println();
		System.out.println(table(one, two, burst, pairedOne, pairedTwo, rounds));
	}

	/**
	 * Bare and starter measured in alternating single-fork runs (A B, then B A, …), and the
	 * starter − bare difference taken within each round. On a shared virtual machine the speed
	 * of the same code drifts by up to 40 % over minutes (other tenants), far more than the
	 * difference being measured; two runs a few seconds apart see the same conditions, so the
	 * median of the per-round differences is stable where the difference of two medians
	 * taken minutes apart is not. The figures of each benchmark (medians over all rounds) are
	 * added to {@code figures}.
	 */
	private static Map<String, Delta> paired(CommandLineOptions command, int threads, int rounds, String json,
			Map<String, Figures> figures) throws RunnerException {
		Map<String, Delta> deltas = new HashMap<>();
		for (String[] pair : PAIRS) {
			List<Figures> bare = new ArrayList<>();
			List<Figures> starter = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				boolean bareFirst = (round % 2 == 0);
				String first = bareFirst ? pair[0] : pair[1];
				String second = bareFirst ? pair[1] : pair[0];
				Figures a = single(command, first, threads, json + "-" + first + "-" + round + ".json");
				Figures b = single(command, second, threads, json + "-" + second + "-" + round + ".json");
				bare.add(bareFirst ? a : b);
				starter.add(bareFirst ? b : a);
			}
			double[] wall = new double[rounds];
			double[] cpu = new double[rounds];
			double[] bytes = new double[rounds];
			StringBuilder perRound = new StringBuilder();
			for (int round = 0; round < rounds; round++) {
				wall[round] = starter.get(round).wall() - bare.get(round).wall();
				cpu[round] = starter.get(round).cpu() - bare.get(round).cpu();
				bytes[round] = starter.get(round).bytes() - bare.get(round).bytes();
				perRound.append((round > 0) ? ", " : "").append(String.format(Locale.ROOT, "%+,.0f", wall[round]));
			}
			String request = pair[1].substring("starter".length());
			deltas.put(request, new Delta(median(wall), median(cpu), median(bytes), perRound.toString()));
			figures.put(pair[0], medianOf(bare));
			figures.put(pair[1], medianOf(starter));
		}
		return deltas;
	}

	private static Figures single(CommandLineOptions command, String benchmark, int threads, String json)
			throws RunnerException {
		ChainedOptionsBuilder options = options(command, threads, json)
			.include(PACKAGE + "ClientBenchmarks\\." + benchmark + "$")
			.forks(1);
		Collection<RunResult> results = new Runner(options.build()).run();
		return figures(results.iterator().next());
	}

	/** The command line's options with the suite's thread count, profilers and JSON output. */
	private static ChainedOptionsBuilder options(CommandLineOptions command, int threads, String json) {
		return new OptionsBuilder().parent(command)
			.threads(threads)
			.addProfiler(GCProfiler.class)
			.addProfiler(CpuTimeProfiler.class)
			.shouldFailOnError(true)
			.result(json)
			.resultFormat(ResultFormatType.JSON);
	}

	private static Figures figures(RunResult result) {
		Map<String, Result> secondary = result.getSecondaryResults();
		return new Figures(median(result.getPrimaryResult()), median(secondary.get("cpu.time.norm")),
				median(secondary.get("gc.alloc.rate.norm")), sum(secondary.get("lookups")),
				sum(secondary.get("bursts")));
	}

	private static Figures medianOf(List<Figures> rounds) {
		return new Figures(median(rounds.stream().mapToDouble(Figures::wall).toArray()),
				median(rounds.stream().mapToDouble(Figures::cpu).toArray()),
				median(rounds.stream().mapToDouble(Figures::bytes).toArray()), Double.NaN, Double.NaN);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static Map<String, Figures> run(CommandLineOptions command, String include, int threads, String json)
			throws RunnerException {
		ChainedOptionsBuilder options = options(command, threads, json);
		if (command.getIncludes().isEmpty()) {
			options.include(include);
		}
		Collection<RunResult> results = new Runner(options.build()).run();
		Map<String, Figures> figures = new HashMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			figures.put(name, figures(result));
		}
		return figures;
	}

	/** The median over iterations (and forks): steadier than the mean when the machine is busy. */
	private static double median(Result result) {
		return (result != null) ? result.getStatistics().getPercentile(50) : Double.NaN;
	}

	private static double sum(Result result) {
		return (result != null) ? result.getStatistics().getSum() : Double.NaN;
	}

	static String table(Map<String, Figures> one, Map<String, Figures> two, Map<String, Figures> burst,
			Map<String, Delta> pairedOne, Map<String, Delta> pairedTwo, int rounds) {
		Table table = new Table();
		table.row("figure", "1 thread", "2 threads", "target", "met");
		table.rule();
		String[][] rows = { { "floorGet", "primitives floor, GET" }, { "floorPost", "primitives floor, POST" },
				{ "signerGet", "signer, GET" }, { "signerPost", "signer, POST" },
				{ "nonceGenerator", "nonce, SecureNonceGenerator" }, { "nonceSharedDrbg", "nonce, one shared DRBG" },
				{ "plainGet", "plain RestClient, GET" }, { "plainPost", "plain RestClient, POST" },
				{ "bareGet", "bare signing interceptor, GET" }, { "barePost", "bare signing interceptor, POST" },
				{ "starterGet", "starter, GET" }, { "starterPost", "starter, POST" },
				{ "accessWarmHit", "access check, warm hit" } };
		for (String[] row : rows) {
			table.row(row[1], cell(one.get(row[0])), cell(two.get(row[0])), "", "");
		}
		Figures cold = burst.get("accessColdBurst");
		if (cold != null) {
			double perBurst = cold.lookups() / cold.bursts();
			table.row("access check, cold burst of " + AccessBenchmarks.BURST + " threads",
					String.format(Locale.ROOT, "%.2f remote lookups per burst", perBurst), "", "1",
					verdict(perBurst <= 1.0, perBurst <= 1.0));
		}
		table.row("**against the targets**", "", "", "", "");
		for (String request : new String[] { "Get", "Post" }) {
			String what = request.toUpperCase(Locale.ROOT);
			Ratio r1 = ratio(one, "signer" + request, "floor" + request);
			Ratio r2 = ratio(two, "signer" + request, "floor" + request);
			table.row("signer / floor, " + what, r1.text(), r2.text(), "≤ " + SIGNER_RATIO + "×",
					verdict(r1.wall() <= SIGNER_RATIO && r2.wall() <= SIGNER_RATIO,
							r1.cpu() <= SIGNER_RATIO && r2.cpu() <= SIGNER_RATIO));
		}
		for (String request : new String[] { "Get", "Post" }) {
			String what = request.toUpperCase(Locale.ROOT);
			Figures b1 = one.get("signer" + request);
			Figures b2 = two.get("signer" + request);
			if (b1 != null && b2 != null) {
				table.row("bytes per signature, " + what, String.format(Locale.ROOT, "%,.0f B", b1.bytes()),
						String.format(Locale.ROOT, "%,.0f B", b2.bytes()), String.format(Locale.ROOT, "≤ %.0f B", SIGNER_BYTES),
						verdict(b1.bytes() <= SIGNER_BYTES && b2.bytes() <= SIGNER_BYTES,
								b1.bytes() <= SIGNER_BYTES && b2.bytes() <= SIGNER_BYTES));
			}
		}
		for (String request : new String[] { "Get", "Post" }) {
			String what = request.toUpperCase(Locale.ROOT);
			Delta d1 = pairedOne.getOrDefault(request, delta(one, "starter" + request, "bare" + request));
			Delta d2 = pairedTwo.getOrDefault(request, delta(two, "starter" + request, "bare" + request));
			table.row("starter − bare, " + what + (pairedOne.isEmpty() ? "" : " (paired, " + rounds + " rounds)"),
					d1.text(), d2.text(),
					String.format(Locale.ROOT, "≤ %.0f ns, ≤ %.0f B", STARTER_NS, STARTER_BYTES),
					verdict(d1.meets() && d2.meets(), d1.meetsCpu() && d2.meetsCpu()));
		}
		for (String request : new String[] { "Get", "Post" }) {
			String what = request.toUpperCase(Locale.ROOT);
			table.row("bare − plain, " + what + " (for scale)", delta(one, "bare" + request, "plain" + request).text(),
					delta(two, "bare" + request, "plain" + request).text(), "", "");
		}
		Figures n1 = one.get("nonceGenerator");
		Figures n2 = two.get("nonceGenerator");
		if (n1 != null && n2 != null) {
			double wall = n2.wall() / n1.wall();
			double cpu = n2.cpu() / n1.cpu();
			table.row("nonce, 2 threads / 1 thread", "", String.format(Locale.ROOT, "%.2f× (cpu %.2f×)", wall, cpu),
					"≤ " + NONCE_FLAT + "× (flat)", verdict(wall <= NONCE_FLAT, cpu <= NONCE_FLAT));
		}
		for (String benchmark : new String[] { "signerGet", "signerPost", "starterGet", "starterPost" }) {
			// the signature alone, and the whole call, both threads on one credentials set: pooled Macs
			// and buffers, the nonce source, the access cache's quiet read, the routing state
			Figures w1 = one.get(benchmark);
			Figures w2 = two.get(benchmark);
			if (w1 != null && w2 != null) {
				double wall = w2.wall() / w1.wall();
				double cpu = w2.cpu() / w1.cpu();
				String request = benchmark.endsWith("Get") ? "GET" : "POST";
				table.row(benchmark.substring(0, benchmark.length() - request.length()) + ", " + request
						+ ", 2 threads / 1 thread (one credentials set)",
						"", String.format(Locale.ROOT, "%.2f× (cpu %.2f×) · %+,.0f B", wall, cpu, w2.bytes() - w1.bytes()),
						"≤ " + NONCE_FLAT + "× (flat)", verdict(wall <= NONCE_FLAT, cpu <= NONCE_FLAT));
			}
		}
		Figures s1 = one.get("nonceSharedDrbg");
		Figures s2 = two.get("nonceSharedDrbg");
		if (s1 != null && s2 != null) {
			table.row("shared DRBG, 2 threads / 1 thread (for scale)", "",
					String.format(Locale.ROOT, "%.2f× (cpu %.2f×)", s2.wall() / s1.wall(), s2.cpu() / s1.cpu()), "", "");
		}
		return table.toString()
				+ "\nCells: wall-clock ns/op (cpu = process CPU ns/op, steady on a busy machine) · bytes allocated per op;"
				+ " medians over all measured iterations."
				+ (pairedOne.isEmpty() ? ""
						: "\nBare and starter: medians over " + rounds + " alternating single-fork rounds; starter − bare:"
								+ " median of the per-round differences (each round's wall-clock difference in brackets).")
				+ "\n'met' judges the wall-clock figures and, in brackets, the CPU-time ones; they agree on a quiet machine.";
	}

	private static String cell(Figures figures) {
		if (figures == null) {
			return "–";
		}
		return String.format(Locale.ROOT, "%,.0f ns (cpu %,.0f) · %,.0f B", figures.wall(), figures.cpu(),
				figures.bytes());
	}

	private static String verdict(boolean wall, boolean cpu) {
		if (wall == cpu) {
			return wall ? "yes" : "NO";
		}
		return (wall ? "yes" : "NO") + " (cpu: " + (cpu ? "yes" : "NO") + ")";
	}

	private static Ratio ratio(Map<String, Figures> figures, String of, String to) {
		Figures a = figures.get(of);
		Figures b = figures.get(to);
		if (a == null || b == null) {
			return new Ratio(Double.NaN, Double.NaN, Double.NaN);
		}
		return new Ratio(a.wall() / b.wall(), a.cpu() / b.cpu(), a.bytes() / b.bytes());
	}

	private static Delta delta(Map<String, Figures> figures, String of, String from) {
		Figures a = figures.get(of);
		Figures b = figures.get(from);
		if (a == null || b == null) {
			return new Delta(Double.NaN, Double.NaN, Double.NaN, null);
		}
		return new Delta(a.wall() - b.wall(), a.cpu() - b.cpu(), a.bytes() - b.bytes(), null);
	}

	/**
	 * One benchmark's figures.
	 *
	 * @param wall wall-clock ns per operation
	 * @param cpu process CPU ns per operation
	 * @param bytes bytes allocated per operation
	 * @param lookups aux counter (cold burst only)
	 * @param bursts aux counter (cold burst only)
	 */
	record Figures(double wall, double cpu, double bytes, double lookups, double bursts) {
	}

	private record Ratio(double wall, double cpu, double bytes) {

		String text() {
			return String.format(Locale.ROOT, "%.2f× (cpu %.2f×) · %.1f× B", this.wall, this.cpu, this.bytes);
		}

	}

	/**
	 * A difference of two benchmarks' figures.
	 *
	 * @param wall wall-clock ns per operation
	 * @param cpu process CPU ns per operation
	 * @param bytes bytes allocated per operation
	 * @param rounds the wall-clock difference of each paired round, or {@code null}
	 */
	record Delta(double wall, double cpu, double bytes, String rounds) {

		String text() {
			return String.format(Locale.ROOT, "%+,.0f ns (cpu %+,.0f) · %+,.0f B", this.wall, this.cpu, this.bytes)
					+ ((this.rounds != null) ? " [" + this.rounds + "]" : "");
		}

		boolean meets() {
			return this.wall <= STARTER_NS && this.bytes <= STARTER_BYTES;
		}

		boolean meetsCpu() {
			return this.cpu <= STARTER_NS && this.bytes <= STARTER_BYTES;
		}

	}

	/**
	 * A Markdown table with padded columns.
	 */
	private static final class Table {

		private final List<String[]> rows = new ArrayList<>();

		void row(String... cells) {
			this.rows.add(cells);
		}

		void rule() {
			this.rows.add(null);
		}

		@Override
		public String toString() {
			int columns = 5;
			int[] widths = new int[columns];
			for (String[] row : this.rows) {
				if (row != null) {
					for (int i = 0; i < columns; i++) {
						widths[i] = Math.max(widths[i], row[i].length());
					}
				}
			}
			StringBuilder out = new StringBuilder();
			for (String[] row : this.rows) {
				if (row == null) {
					for (int i = 0; i < columns; i++) {
						out.append("|-").append("-".repeat(widths[i])).append('-');
					}
					out.append("|\n");
					continue;
				}
				for (int i = 0; i < columns; i++) {
					out.append("| ").append(row[i]).append(" ".repeat(widths[i] - row[i].length())).append(' ');
				}
				out.append("|\n");
			}
			return out.toString();
		}

	}

}
