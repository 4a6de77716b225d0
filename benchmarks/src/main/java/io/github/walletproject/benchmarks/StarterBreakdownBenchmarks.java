package io.github.walletproject.benchmarks;

import java.util.concurrent.TimeUnit;

import io.github.walletproject.ProjectContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;


/**
 * Not part of the suite's table: pieces of the difference between the starter and the bare
 * interceptor, to find where it goes. Compare with {@link ClientBenchmarks}.
 * <ul>
 * <li>{@code bareWithUserAgent*}: the bare client plus the one header the starter adds to
 * every request;</li>
 * <li>{@code starterWithoutAspect*}: the starter's client with the project bound by
 * {@link ProjectContext} instead of {@code @WalletProject} (no proxy);</li>
 * <li>{@code starterPostWithoutLocation}: the POST without the {@code location_id}
 * routing parameter;</li>
 * <li>{@code aspectOnly}: a proxied {@code @WalletProject} method that makes no call.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class StarterBreakdownBenchmarks {

	@Benchmark
	public String bareWithUserAgentGet(ClientBenchmarks.Clients clients) {
		return ClientBenchmarks.signedGet(clients.bareWithUserAgent);
	}

	@Benchmark
	public String bareWithUserAgentPost(ClientBenchmarks.Clients clients) {
		return ClientBenchmarks.signedPost(clients.bareWithUserAgent);
	}

	@Benchmark
	public String starterWithoutAspectGet(ClientBenchmarks.Clients clients) {
		try (ProjectContext.Scope scope = ProjectContext.open("shop")) {
			return clients.wallet.get().uri(Inputs.GET_URI).retrieve().body(String.class);
		}
	}

	@Benchmark
	public String starterPostWithoutLocation(ClientBenchmarks.Clients clients) {
		try (ProjectContext.Scope scope = ProjectContext.open("shop")) {
			return ClientBenchmarks.walletPost(clients.wallet, false);
		}
	}

	@Benchmark
	public String starterWithoutAspectPost(ClientBenchmarks.Clients clients) {
		try (ProjectContext.Scope scope = ProjectContext.open("shop")) {
			return ClientBenchmarks.walletPost(clients.wallet, true);
		}
	}

	@Benchmark
	public Object aspectOnly(ClientBenchmarks.Clients clients) {
		return clients.shop.boundProject();
	}

}
