package io.github.walletproject.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.github.walletproject.auth.CloningMacSigner;
import io.github.walletproject.auth.LegacyMacSigner;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.PooledMacSigner;

/**
 * TEMPORARY, for the signer decision of issue 12, next to {@link SignerVariantsBenchmarks}:
 * the signers in one JVM, in short interleaved chunks (the order rotates every round), each
 * chunk measured in the benchmark thread's own CPU time and allocated bytes, so that other
 * processes on the machine and its speed drift touch all variants alike. One signature per
 * operation, with a fixed timestamp and nonce (no nonce generation).
 * <p>
 * {@code java -cp benchmarks.jar io.github.walletproject.benchmarks.SignerComparison [rounds] [ops per chunk]}
 */
public final class SignerComparison {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static final String NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm";

	static final LegacyMacSigner LEGACY = new LegacyMacSigner(Inputs.MAC_ID, Inputs.MAC_KEY);

	static final CloningMacSigner CLONING = new CloningMacSigner(Inputs.MAC_ID, Inputs.MAC_KEY);

	static final PooledMacSigner POOLED = new PooledMacSigner(Inputs.MAC_ID, Inputs.MAC_KEY);

	static final MacSigner CANDIDATE = new MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY);

	static volatile int sink;

	private SignerComparison() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 40;
		int ops = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		Map<String, IntFunction<Integer>> loops = new LinkedHashMap<>();
		loops.put("legacy GET", SignerComparison::legacyGet);
		loops.put("cloning GET", SignerComparison::cloningGet);
		loops.put("pooled GET", SignerComparison::pooledGet);
		loops.put("candidate GET", SignerComparison::candidateGet);
		loops.put("legacy POST", SignerComparison::legacyPost);
		loops.put("cloning POST", SignerComparison::cloningPost);
		loops.put("pooled POST", SignerComparison::pooledPost);
		loops.put("candidate POST", SignerComparison::candidatePost);
		List<String> names = new ArrayList<>(loops.keySet());
		for (int warm = 0; warm < 30; warm++) {
			for (IntFunction<Integer> loop : loops.values()) {
				sink += loop.apply(ops);
			}
		}
		Map<String, List<double[]>> samples = new LinkedHashMap<>();
		names.forEach(name -> samples.put(name, new ArrayList<>()));
		long thread = Thread.currentThread().getId();
		for (int round = 0; round < rounds; round++) {
			for (int k = 0; k < names.size(); k++) {
				String name = names.get((round + k) % names.size());
				long wall = System.nanoTime();
				long cpu = THREADS.getCurrentThreadCpuTime();
				long bytes = THREADS.getThreadAllocatedBytes(thread);
				sink += loops.get(name).apply(ops);
				samples.get(name).add(new double[] { (System.nanoTime() - wall) / (double) ops,
						(THREADS.getCurrentThreadCpuTime() - cpu) / (double) ops,
						(THREADS.getThreadAllocatedBytes(thread) - bytes) / (double) ops });
			}
		}
		System.out.printf("%d rounds of %,d signatures per variant; medians; differences are medians of the "
				+ "per-round differences to legacy%n", rounds, ops);
		System.out.println("| variant | wall ns/op | thread cpu ns/op | B/op | cpu − legacy | wall − legacy |");
		System.out.println("|---|---|---|---|---|---|");
		for (String name : names) {
			List<double[]> mine = samples.get(name);
			List<double[]> legacy = samples.get(name.startsWith("legacy") ? name : "legacy" + name.substring(name.indexOf(' ')));
			List<Double> cpuDiff = new ArrayList<>();
			List<Double> wallDiff = new ArrayList<>();
			for (int i = 0; i < mine.size(); i++) {
				cpuDiff.add(mine.get(i)[1] - legacy.get(i)[1]);
				wallDiff.add(mine.get(i)[0] - legacy.get(i)[0]);
			}
			System.out.printf("| %s | %,.0f | %,.0f | %,.0f | %+,.0f | %+,.0f |%n", name, median(mine, 0), median(mine, 1),
					median(mine, 2), median(cpuDiff), median(wallDiff));
		}
	}

	private static double median(List<double[]> samples, int column) {
		return median(samples.stream().map(sample -> sample[column]).toList());
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static int legacyGet(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += LEGACY.authorization("GET", Inputs.GET_URI, null, Inputs.GET_EXT, 1_700_000_000L + i, NONCE).length();
		}
		return h;
	}

	static int cloningGet(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += CLONING.authorization("GET", Inputs.GET_URI, null, Inputs.GET_EXT, 1_700_000_000L + i, NONCE).length();
		}
		return h;
	}

	static int pooledGet(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += POOLED.authorization("GET", Inputs.GET_URI, null, Inputs.GET_EXT, 1_700_000_000L + i, NONCE).length();
		}
		return h;
	}

	static int candidateGet(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += CANDIDATE.authorization("GET", Inputs.GET_URI, null, Inputs.GET_EXT, 1_700_000_000L + i, NONCE)
				.length();
		}
		return h;
	}

	static int legacyPost(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += LEGACY.authorization("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT, 1_700_000_000L + i,
					NONCE).length();
		}
		return h;
	}

	static int cloningPost(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += CLONING.authorization("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT, 1_700_000_000L + i,
					NONCE).length();
		}
		return h;
	}

	static int pooledPost(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += POOLED.authorization("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT, 1_700_000_000L + i,
					NONCE).length();
		}
		return h;
	}

	static int candidatePost(int ops) {
		int h = 0;
		for (int i = 0; i < ops; i++) {
			h += CANDIDATE.authorization("POST", Inputs.POST_URI, Inputs.POST_BODY, Inputs.POST_EXT, 1_700_000_000L + i,
					NONCE).length();
		}
		return h;
	}

}
