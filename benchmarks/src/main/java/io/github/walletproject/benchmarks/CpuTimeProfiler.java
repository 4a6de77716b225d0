package io.github.walletproject.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports {@code cpu.time.norm}: CPU time the benchmark JVM used during an iteration, in
 * nanoseconds per operation. Unlike the wall-clock score it does not grow when other
 * processes take the CPU away, so on a busy machine it is the steadier estimate of cost.
 * It includes GC and JIT work in the fork (so allocation shows up in it) and, with several
 * benchmark threads, it is per operation of any thread, comparable to the single-thread
 * figure. Use with {@code -prof io.github.walletproject.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long start;

	@Override
	public String getDescription() {
		return "Process CPU time per operation (steady on a loaded machine)";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.start = OS.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long used = OS.getProcessCpuTime() - this.start;
		long ops = result.getMetadata().getAllOps();
		double perOp = (ops > 0 && used >= 0) ? used / (double) ops : Double.NaN;
		return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
	}

}
