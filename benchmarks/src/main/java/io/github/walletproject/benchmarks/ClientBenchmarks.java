package io.github.walletproject.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.SecureNonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
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

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The same two calls through three {@code RestClient}s over the same in-memory request
 * factory (no network):
 * <ul>
 * <li><b>plain</b>: no interceptor, nothing signed;</li>
 * <li><b>bare</b>: one hand-written {@link BareSigningInterceptor};</li>
 * <li><b>starter</b>: a {@code @WalletProject("shop")} bean calling the auto-configured
 * {@code walletRestClient} (aspect, project binding, routing, warm access check, signing,
 * retry loop, response size limit).</li>
 * </ul>
 * Plain and bare are built from the same Boot {@code RestClient.Builder} as the starter's
 * client, so they share message converters and observation settings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class ClientBenchmarks {

	@Benchmark
	public String plainGet(Clients clients) {
		return clients.plain.get().uri(Inputs.GET_URI).retrieve().body(String.class);
	}

	@Benchmark
	public String plainPost(Clients clients) {
		return clients.plain.post()
			.uri(Inputs.POST_URI)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Inputs.POST_BODY)
			.retrieve()
			.body(String.class);
	}

	@Benchmark
	public String bareGet(Clients clients) {
		return signedGet(clients.bare);
	}

	@Benchmark
	public String barePost(Clients clients) {
		return signedPost(clients.bare);
	}

	@Benchmark
	public String starterGet(Clients clients) {
		return clients.shop.balance();
	}

	@Benchmark
	public String starterPost(Clients clients) {
		return clients.shop.createTransaction();
	}

	/**
	 * The GET through a client with a {@link BareSigningInterceptor}.
	 * @param client the client
	 * @return the response body
	 */
	static String signedGet(RestClient client) {
		return client.get()
			.uri(Inputs.GET_URI)
			.attribute(BareSigningInterceptor.EXT_ATTRIBUTE, Inputs.GET_EXT)
			.retrieve()
			.body(String.class);
	}

	/**
	 * The POST through a client with a {@link BareSigningInterceptor}.
	 * @param client the client
	 * @return the response body
	 */
	static String signedPost(RestClient client) {
		return client.post()
			.uri(Inputs.POST_URI)
			.attribute(BareSigningInterceptor.EXT_ATTRIBUTE, Inputs.POST_EXT)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Inputs.POST_BODY)
			.retrieve()
			.body(String.class);
	}

	/**
	 * The POST through the starter's client, for whatever project is bound.
	 * @param wallet the {@code walletRestClient}
	 * @param atLocation whether to add the {@code location_id=77} routing parameter
	 * @return the response body
	 */
	static String walletPost(RestClient wallet, boolean atLocation) {
		RestClient.RequestBodySpec request = wallet.post().uri(Inputs.POST_URI);
		if (atLocation) {
			request.attributes(WalletRequestAttributes.routingParameter("location_id", "77"));
		}
		return request.contentType(MediaType.APPLICATION_JSON).body(Inputs.POST_BODY).retrieve().body(String.class);
	}

	/**
	 * The application context and the three clients, shared by all benchmark threads.
	 */
	@State(Scope.Benchmark)
	public static class Clients {

		ConfigurableApplicationContext context;

		RestClient plain;

		RestClient bare;

		/** Bare, plus the User-Agent the starter sends (set by the interceptor): for breakdowns. */
		RestClient bareWithUserAgent;

		/** The starter's client, without the aspect: for breakdowns. */
		RestClient wallet;

		BenchApplication.ShopCalls shop;

		@Setup(Level.Trial)
		public void start() {
			this.context = new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
				.properties(BenchApplication.PROPERTIES)
				.run();
			InMemoryRequestFactory factory = this.context.getBean(InMemoryRequestFactory.class);
			this.plain = this.context.getBean(RestClient.Builder.class).requestFactory(factory).build();
			this.bare = this.context.getBean(RestClient.Builder.class)
				.requestFactory(factory)
				.requestInterceptor(new BareSigningInterceptor(new MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY),
						new SecureNonceGenerator(), new ServerTimeOffset(Clock.systemUTC())))
				.build();
			BareSigningInterceptor signing = new BareSigningInterceptor(new MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY),
					new SecureNonceGenerator(), new ServerTimeOffset(Clock.systemUTC()));
			this.bareWithUserAgent = this.context.getBean(RestClient.Builder.class)
				.requestFactory(factory)
				.requestInterceptor((request, body, execution) -> {
					request.getHeaders().set(HttpHeaders.USER_AGENT, "wallet-project-starter");
					return signing.intercept(request, body, execution);
				})
				.build();
			this.wallet = this.context.getBean("walletRestClient", RestClient.class);
			this.shop = this.context.getBean(BenchApplication.ShopCalls.class);
			verify(factory);
		}

		/**
		 * Make each call once and check that it sent what the benchmark claims to measure
		 * (this also warms the access cache).
		 */
		private void verify(InMemoryRequestFactory factory) {
			ClientBenchmarks calls = new ClientBenchmarks();
			String getExt = "ext=\"project_id=1221\"";
			String postExt = "ext=\"body_hash=" + bodyHash() + "&project_id=1221&location_id=77\"";
			factory.record(true);
			try {
				check(factory, "plainGet", () -> calls.plainGet(this), null, 0);
				check(factory, "plainPost", () -> calls.plainPost(this), null, Inputs.POST_BODY.length);
				check(factory, "bareGet", () -> calls.bareGet(this), getExt, 0);
				check(factory, "barePost", () -> calls.barePost(this), postExt, Inputs.POST_BODY.length);
				check(factory, "starterGet", () -> calls.starterGet(this), getExt, 0);
				check(factory, "starterPost", () -> calls.starterPost(this), postExt, Inputs.POST_BODY.length);
			}
			finally {
				factory.record(false);
			}
		}

		private static void check(InMemoryRequestFactory factory, String name, Supplier<String> call,
				String expectedExt, long bodyLength) {
			String response = call.get();
			InMemoryRequestFactory.Recorded sent = factory.last();
			if (response == null || sent == null) {
				throw new IllegalStateException(name + ": nothing was sent or received");
			}
			String authorization = sent.headers().getFirst(HttpHeaders.AUTHORIZATION);
			boolean ok = (expectedExt == null) ? authorization == null
					: authorization != null && authorization.startsWith("MAC id=\"" + Inputs.MAC_ID + "\", ts=\"")
							&& authorization.endsWith(", " + expectedExt);
			if (!ok || sent.bodyLength() != bodyLength) {
				throw new IllegalStateException(name + " sent Authorization " + authorization + " and "
						+ sent.bodyLength() + " body bytes; expected " + ((expectedExt != null) ? expectedExt : "none")
						+ " and " + bodyLength);
			}
		}

		private static String bodyHash() {
			try {
				byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Inputs.POST_BODY);
				return java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(hash),
						StandardCharsets.UTF_8);
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

}
