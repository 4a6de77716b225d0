package io.github.walletproject.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.WalletRequestAttributes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The same signed GET and POST through the blocking {@code walletRestClient} (Apache HttpClient
 * 5) and the reactive {@code walletWebClient} (Reactor Netty), against a local HTTP server on
 * the loopback interface that answers 200 with a small JSON body: the cost of a whole call,
 * network stack included, of either client. The project is bound with {@code ProjectContext}
 * (blocking) or {@code WalletReactive.withProject} (reactive); the access check is warm
 * ({@code paysera.wallet.access.source=configured}). The reactive call is subscribed and
 * waited for on the benchmark thread ({@code block()}), so both rows are one call's latency.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// nodelay: the JDK's HttpServer otherwise waits for the client's delayed ACK (~40 ms) between writes
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true" })
public class ReactiveClientBenchmarks {

	static final String GET_PATH = "wallet/14471/balance?convert_to=EUR";

	static final String POST_PATH = "transaction";

	@Benchmark
	public String blockingGet(Local local) {
		return ProjectContext.callWith("shop", () -> local.blocking.get().uri(GET_PATH).retrieve().body(String.class));
	}

	@Benchmark
	public String blockingPost(Local local) {
		return ProjectContext.callWith("shop", () -> local.blocking.post()
			.uri(POST_PATH)
			.attributes(WalletRequestAttributes.routingParameter("location_id", "77"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Inputs.POST_BODY)
			.retrieve()
			.body(String.class));
	}

	@Benchmark
	public String reactiveGet(Local local) {
		return WalletReactive.withProject("shop", local.reactive.get().uri(GET_PATH).retrieve().bodyToMono(String.class))
			.block();
	}

	@Benchmark
	public String reactivePost(Local local) {
		return WalletReactive.withProject("shop", local.reactive.post()
			.uri(POST_PATH)
			.attributes(WalletRequestAttributes.routingParameter("location_id", "77"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Inputs.POST_BODY)
			.retrieve()
			.bodyToMono(String.class)).block();
	}

	/**
	 * The local server and an application pointed at it, shared by all benchmark threads.
	 */
	@State(Scope.Benchmark)
	public static class Local {

		private static final byte[] ANSWER = "{\"id\":14471,\"balance\":{\"EUR\":{\"at_disposal\":1000}}}"
			.getBytes(StandardCharsets.UTF_8);

		HttpServer server;

		ExecutorService serverThreads;

		ConfigurableApplicationContext context;

		RestClient blocking;

		WebClient reactive;

		@Setup(Level.Trial)
		public void start() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
			this.serverThreads = Executors.newFixedThreadPool(4);
			this.server.setExecutor(this.serverThreads);
			this.server.createContext("/", Local::answer);
			this.server.start();
			String baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/rest/v1/";
			this.context = new SpringApplicationBuilder(LocalApplication.class).web(WebApplicationType.NONE)
				.properties("paysera.wallet.base-url=" + baseUrl, "paysera.wallet.credentials.mac-id=" + Inputs.MAC_ID,
						"paysera.wallet.credentials.mac-key=" + Inputs.MAC_KEY,
						"paysera.wallet.projects.shop.id=" + Inputs.PROJECT_ID, "paysera.wallet.access.source=configured",
						"spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=WARN")
				.run();
			this.blocking = this.context.getBean("walletRestClient", RestClient.class);
			this.reactive = this.context.getBean("walletWebClient", WebClient.class);
			ReactiveClientBenchmarks calls = new ReactiveClientBenchmarks();
			for (String answer : new String[] { calls.blockingGet(this), calls.blockingPost(this), calls.reactiveGet(this),
					calls.reactivePost(this) }) {
				if (answer == null || !answer.contains("14471")) {
					throw new IllegalStateException("Unexpected answer: " + answer);
				}
			}
		}

		/** Checks that the call was signed for project 1221, then answers 200. */
		private static void answer(HttpExchange exchange) throws IOException {
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			boolean signed = authorization != null && authorization.contains("project_id=" + Inputs.PROJECT_ID);
			exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			exchange.sendResponseHeaders(signed ? 200 : 401, signed ? ANSWER.length : -1);
			if (signed) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(ANSWER);
				}
			}
			exchange.close();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
			this.server.stop(0);
			this.serverThreads.shutdownNow();
		}

	}

	/** Plain auto-configuration: the HTTP clients an application with both stacks gets. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LocalApplication {

	}

}
