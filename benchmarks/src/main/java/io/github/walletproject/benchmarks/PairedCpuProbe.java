package io.github.walletproject.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntSupplier;

import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.SecureNonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;

/**
 * A diagnostic for a machine other jobs load heavily, where JMH's wall clock measures the
 * other jobs: pairs of operations run in alternating rounds in one JVM, each round timed
 * with the <em>thread's</em> CPU time and allocation counter, and the figure is the median
 * over rounds of each side and of the per-round ratio or difference. A descheduled thread
 * accrues no CPU time, so the load of other processes mostly drops out.
 * <p>
 * Pairs: signer against the floor (as {@link SignerBenchmarks} and
 * {@link PrimitivesBenchmarks}), starter against bare (as {@link ClientBenchmarks}); each
 * with 1 thread and with 2 threads sharing one signer, one nonce source and one application
 * context (one credentials set).
 * <p>
 * At the end it prints one Markdown table of the goals of issue 23, for 1 and 2 threads:
 * signer ÷ floor, bytes per signature, starter − bare (time and bytes), and how much a
 * signature and a whole call cost with 2 threads against 1; with the load average before and
 * after, since figures taken under load are only indicative.
 * <p>
 * {@code java -Xms1g -Xmx1g -cp benchmarks.jar io.github.walletproject.benchmarks.PairedCpuProbe [rounds] [calls] [signer|client]}
 */
public final class PairedCpuProbe {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static volatile int sink;

	/** While true, {@link #pair} only runs both sides, measuring and printing nothing. */
	private static boolean warmingUp;

	/** Per figure name, the result with 1 thread (index 0) and 2 threads (index 1). */
	private static final java.util.Map<String, Result[]> RESULTS = new java.util.LinkedHashMap<>();

	/** Medians over rounds: side a's and side b's CPU ns and bytes per call, and of the per-round figure. */
	private record Result(double cpuA, double bytesA, double cpuB, double bytesB, double paired) {
	}

	private PairedCpuProbe() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 21;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		String only = (args.length > 2) ? args[2] : "";
		MacSigner signer = new MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY);
		SecureNonceGenerator nonces = new SecureNonceGenerator();
		ServerTimeOffset time = new ServerTimeOffset(Clock.systemUTC());
		String loadBefore = load();
		ClientBenchmarks.Clients clients = new ClientBenchmarks.Clients();
		clients.start();
		try {
			// first only warm up (every pair with 1 and with 2 threads), so that the JIT has compiled the
			// deep call paths before the first measured round, not only after the 1-thread rounds
			warmingUp = true;
			for (int threads = 1; threads <= 2; threads++) {
				measure(threads, rounds, calls, only, signer, nonces, time, clients);
			}
			warmingUp = false;
			for (int threads = 1; threads <= 2; threads++) {
				System.out.printf(Locale.ROOT, "%n%d thread(s), %d rounds of %d calls per side and thread%n", threads,
						rounds, calls);
				measure(threads, rounds, calls, only, signer, nonces, time, clients);
			}
		}
		finally {
			clients.stop();
		}
		System.out.println(sink == 42 ? "" : " ");
		System.out.println(table(rounds, calls, loadBefore, load()));
	}

	private static void measure(int threads, int rounds, int calls, String only, MacSigner signer,
			SecureNonceGenerator nonces, ServerTimeOffset time, ClientBenchmarks.Clients clients) throws Exception {
		if (!only.equals("client")) {
			pair("signer / floor, GET", threads, rounds, calls, true, () -> signer
				.authorization("GET", Inputs.GET_URI, null, Inputs.GET_EXT, time.timestamp(), nonces.nextNonce())
				.length(), floor(false));
			pair("signer / floor, POST", threads, rounds, calls, true, () -> signer
				.authorization("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT, time.timestamp(),
						nonces.nextNonce())
				.length(), floor(true));
		}
		if (!only.equals("signer")) {
			ClientBenchmarks calls0 = new ClientBenchmarks();
			pair("starter − bare, GET", threads, rounds, calls / 4, false, () -> calls0.starterGet(clients).length(),
					() -> calls0.bareGet(clients).length());
			pair("starter − bare, POST", threads, rounds, calls / 4, false,
					() -> calls0.starterPost(clients).length(), () -> calls0.barePost(clients).length());
		}
	}

	/** The goals of issue 23, with 1 and 2 threads, from what the rounds measured. */
	private static String table(int rounds, int calls, String loadBefore, String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"| figure (thread CPU time, median of %d paired rounds) | 1 thread | 2 threads | goal | met |%n", rounds));
		out.append("|---|---|---|---|---|\n");
		for (String request : new String[] { "GET", "POST" }) {
			Result[] r = RESULTS.get("signer / floor, " + request);
			if (r != null) {
				out.append(row("signer ÷ floor, " + request, r, (x) -> String.format(Locale.ROOT, "%.2f× (%,.0f ÷ %,.0f ns)",
						x.paired(), x.cpuA(), x.cpuB()), "≤ 1.25×", (x) -> x.paired() <= 1.25));
			}
		}
		for (String request : new String[] { "GET", "POST" }) {
			Result[] r = RESULTS.get("signer / floor, " + request);
			if (r != null) {
				out.append(row("bytes per signature, " + request, r,
						(x) -> String.format(Locale.ROOT, "%,.0f B", x.bytesA()), "≤ 700 B", (x) -> x.bytesA() <= 700));
			}
		}
		for (String request : new String[] { "GET", "POST" }) {
			Result[] r = RESULTS.get("starter − bare, " + request);
			if (r != null) {
				out.append(row("starter − bare, " + request, r,
						(x) -> String.format(Locale.ROOT, "%+,.0f ns · %+,.0f B (%,.0f vs %,.0f ns)", x.paired(),
								x.bytesA() - x.bytesB(), x.cpuA(), x.cpuB()),
						"≤ 0 ns, ≤ 0 B", (x) -> x.paired() <= 0 && x.bytesA() - x.bytesB() <= 0));
			}
		}
		// contention: the same work per call with 2 threads sharing one signer, nonce source and context,
		// against the floor's or bare's own rise (which share nothing of the starter's)
		String[][] scaling = { { "signer / floor, GET", "signature, GET" }, { "signer / floor, POST", "signature, POST" },
				{ "starter − bare, GET", "whole call (starter), GET" }, { "starter − bare, POST", "whole call (starter), POST" } };
		for (String[] each : scaling) {
			Result[] r = RESULTS.get(each[0]);
			if (r != null && r[0] != null && r[1] != null) {
				double a = r[1].cpuA() / r[0].cpuA();
				double floor = r[1].cpuB() / r[0].cpuB();
				// the machine slows both sides alike (shared caches, other jobs); what shared state costs is the excess
				String other = each[0].startsWith("signer") ? "floor" : "bare";
				out.append(String.format(Locale.ROOT,
						"| %s, 2 threads ÷ 1 (one credentials set) | | %.2f× (%s: %.2f×; excess %.2f×) | excess ≤ 1.1× | %s |%n",
						each[1], a, other, floor, a / floor, (a / floor <= 1.1) ? "yes" : "NO"));
			}
		}
		out.append(String.format(Locale.ROOT,
				"%nThread CPU time and allocated bytes per call, %,d calls per side and round (signer), %,d (client); "
						+ "load average (1, 5, 15 min) before: %s, after: %s; %d CPUs.%n",
				calls, calls / 4, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors()));
		return out.toString();
	}

	private static String row(String name, Result[] r, java.util.function.Function<Result, String> cell, String goal,
			java.util.function.Predicate<Result> met) {
		boolean all = true;
		String[] cells = new String[2];
		for (int i = 0; i < 2; i++) {
			if (r[i] == null) {
				cells[i] = "–";
			}
			else {
				cells[i] = cell.apply(r[i]);
				all &= met.test(r[i]);
			}
		}
		return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name, cells[0], cells[1], goal, all ? "yes" : "NO");
	}

	private static String load() {
		try {
			String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "n/a";
		}
	}

	/** The floor of {@link PrimitivesBenchmarks}, with its per-thread crypto objects. */
	private static ThreadLocalSupplier floor(boolean post) {
		return new ThreadLocalSupplier(post);
	}

	private static void pair(String name, int threads, int rounds, int calls, boolean ratio, IntSupplier a,
			IntSupplier b) throws Exception {
		// warm-up: both sides, alternating, many times the measured calls
		for (int i = 0; i < 5; i++) {
			run(threads, 4 * calls, a);
			run(threads, 4 * calls, b);
		}
		if (warmingUp) {
			return;
		}
		double[] cpuA = new double[rounds];
		double[] cpuB = new double[rounds];
		double[] bytesA = new double[rounds];
		double[] bytesB = new double[rounds];
		double[] paired = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			boolean aFirst = (round % 2 == 0);
			double[] first = run(threads, calls, aFirst ? a : b);
			double[] second = run(threads, calls, aFirst ? b : a);
			double[] ra = aFirst ? first : second;
			double[] rb = aFirst ? second : first;
			cpuA[round] = ra[0];
			cpuB[round] = rb[0];
			bytesA[round] = ra[1];
			bytesB[round] = rb[1];
			paired[round] = ratio ? ra[0] / rb[0] : ra[0] - rb[0];
		}
		RESULTS.computeIfAbsent(name, (n) -> new Result[2])[threads - 1] = new Result(median(cpuA), median(bytesA),
				median(cpuB), median(bytesB), median(paired));
		String pairedText = ratio ? String.format(Locale.ROOT, "%.2f×", median(paired))
				: String.format(Locale.ROOT, "%+,.0f ns", median(paired));
		System.out.printf(Locale.ROOT,
				"%-22s %s (per-round quartiles %s … %s) | %,.0f ns · %,.0f B  vs  %,.0f ns · %,.0f B | bytes %s%n", name,
				pairedText, format(quartile(paired, 1), ratio), format(quartile(paired, 3), ratio), median(cpuA),
				median(bytesA), median(cpuB), median(bytesB), ratio
						? String.format(Locale.ROOT, "%.2f×", median(bytesA) / median(bytesB))
						: String.format(Locale.ROOT, "%+,.0f B", median(bytesA) - median(bytesB)));
	}

	private static String format(double value, boolean ratio) {
		return ratio ? String.format(Locale.ROOT, "%.2f×", value) : String.format(Locale.ROOT, "%+,.0f", value);
	}

	/** Worker threads kept for all rounds, so per-thread state (the floor's crypto) is made once. */
	private static final java.util.Map<Integer, java.util.concurrent.ExecutorService> WORKERS = new java.util.HashMap<>();

	/** Thread CPU ns and allocated bytes per call, averaged over the threads. */
	private static double[] run(int threads, int calls, IntSupplier work) throws Exception {
		java.util.concurrent.ExecutorService workers = WORKERS.computeIfAbsent(threads, (n) -> {
			java.util.concurrent.ExecutorService made = java.util.concurrent.Executors.newFixedThreadPool(n, (r) -> {
				Thread thread = new Thread(r, "probe-" + n);
				thread.setDaemon(true);
				return thread;
			});
			return made;
		});
		CyclicBarrier start = new CyclicBarrier(threads);
		List<java.util.concurrent.Future<double[]>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			results.add(workers.submit(() -> {
				start.await();
				long id = Thread.currentThread().getId();
				long cpu = THREADS.getCurrentThreadCpuTime();
				long bytes = THREADS.getThreadAllocatedBytes(id);
				int acc = 0;
				for (int i = 0; i < calls; i++) {
					acc += work.getAsInt();
				}
				double[] figures = { (THREADS.getCurrentThreadCpuTime() - cpu) / (double) calls,
						(THREADS.getThreadAllocatedBytes(id) - bytes) / (double) calls };
				sink += acc;
				return figures;
			}));
		}
		double cpu = 0;
		double bytes = 0;
		for (java.util.concurrent.Future<double[]> result : results) {
			double[] figures = result.get();
			cpu += figures[0] / threads;
			bytes += figures[1] / threads;
		}
		return new double[] { cpu, bytes };
	}

	private static double median(double[] values) {
		return quartile(values, 2);
	}

	private static double quartile(double[] values, int q) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, q * (sorted.length - 1) / 4)];
	}

	/**
	 * The floor of {@link PrimitivesBenchmarks} with one set of crypto objects per thread.
	 */
	private static final class ThreadLocalSupplier implements IntSupplier {

		private final boolean post;

		private final ThreadLocal<PrimitivesBenchmarks.Crypto> crypto = ThreadLocal.withInitial(() -> {
			PrimitivesBenchmarks.Crypto made = new PrimitivesBenchmarks.Crypto();
			try {
				made.create();
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			return made;
		});

		ThreadLocalSupplier(boolean post) {
			this.post = post;
		}

		@Override
		public int getAsInt() {
			PrimitivesBenchmarks.Crypto c = this.crypto.get();
			try {
				c.random.nextBytes(c.nonce);
				int result = c.nonce[0];
				if (this.post) {
					c.sha256.update(Inputs.POST_BODY);
					c.sha256.digest(c.hash, 0, c.hash.length);
					result += c.base64.encode(c.hash, c.hashText);
					c.mac.update(c.postMessage);
				}
				else {
					c.mac.update(c.getMessage);
				}
				c.mac.doFinal(c.macBytes, 0);
				return result + c.base64.encode(c.macBytes, c.macText);
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
