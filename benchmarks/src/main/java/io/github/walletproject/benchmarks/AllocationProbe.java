package io.github.walletproject.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.ExtEncoding;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.ProjectRouter;
import io.github.walletproject.ResolvedProject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;

/**
 * A diagnostic, not a benchmark: exact bytes allocated per call of each client call and of
 * the starter's steps on its own, from the JVM's per-thread allocation counter. Allocation
 * counts do not depend on machine load, so this explains the {@code B/op} column of the
 * suite where timings are too noisy to.
 * <p>
 * {@code java -cp benchmarks.jar io.github.walletproject.benchmarks.AllocationProbe}
 */
public final class AllocationProbe {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private AllocationProbe() {
	}

	public static void main(String[] args) {
		ClientBenchmarks.Clients clients = new ClientBenchmarks.Clients();
		clients.start();
		try {
			ClientBenchmarks calls = new ClientBenchmarks();
			Map<String, Supplier<Object>> probes = new LinkedHashMap<>();
			probes.put("plainGet", () -> calls.plainGet(clients));
			probes.put("bareGet", () -> calls.bareGet(clients));
			probes.put("starterGet", () -> calls.starterGet(clients));
			probes.put("plainPost", () -> calls.plainPost(clients));
			probes.put("barePost", () -> calls.barePost(clients));
			probes.put("starterPost", () -> calls.starterPost(clients));

			ProjectRouter router = clients.context.getBean(ProjectRouter.class);
			ProjectRegistry registry = router.registry();
			ResolvedProject shop = registry.resolve(ProjectRef.parse("shop", "probe"), "probe");
			ProjectAccessChecker checker = clients.context.getBean(ProjectAccessChecker.class);
			Map<String, Object> attributes = new ConcurrentHashMap<>(4);
			attributes.put("some.attribute", "x");
			HttpRequest routed = request(attributes);
			probes.put("step: aspect only (proxied no-op method)", () -> clients.shop.boundProject());
			probes.put("step: router.resolve (bound project)", () -> {
				try (ProjectContext.Scope scope = ProjectContext.open(shop)) {
					return router.resolve(routed);
				}
			});
			probes.put("step: bind + restore only", () -> {
				ProjectContext.Scope scope = ProjectContext.open(shop);
				scope.close();
				return scope;
			});
			probes.put("step: access check (warm)", () -> {
				checker.check(shop);
				return shop;
			});
			probes.put("step: routingParameter(location_id) into attributes", () -> {
				Map<String, Object> map = new ConcurrentHashMap<>(4);
				WalletRequestAttributes.routingParameter("location_id", "77").accept(map);
				return map;
			});
			probes.put("step: ExtEncoding.build({location_id=77})",
					() -> ExtEncoding.build(Map.of("location_id", "77")));
			org.springframework.web.client.RestClient wallet = clients.context.getBean("walletRestClient",
					org.springframework.web.client.RestClient.class);
			probes.put("variant: walletRestClient GET, bound by hand", () -> {
				try (ProjectContext.Scope scope = ProjectContext.open(shop)) {
					return wallet.get().uri(Inputs.GET_URI).retrieve().body(String.class);
				}
			});
			probes.put("variant: walletRestClient POST, bound by hand, no location", () -> {
				try (ProjectContext.Scope scope = ProjectContext.open(shop)) {
					return wallet.post().uri(Inputs.POST_URI).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Inputs.POST_BODY).retrieve().body(String.class);
				}
			});
			org.springframework.web.client.RestClient bareUa = clients.bare.mutate().defaultHeader("User-Agent", "wallet-project-starter").build();
			probes.put("variant: bare GET + User-Agent default header", () -> bareUa.get().uri(Inputs.GET_URI).attribute(BareSigningInterceptor.EXT_ATTRIBUTE, Inputs.GET_EXT).retrieve().body(String.class));
			probes.put("variant: bare POST + User-Agent default header", () -> bareUa.post().uri(Inputs.POST_URI).attribute(BareSigningInterceptor.EXT_ATTRIBUTE, Inputs.POST_EXT).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Inputs.POST_BODY).retrieve().body(String.class));
			BareSigningInterceptor signing = new BareSigningInterceptor(new io.github.walletproject.auth.MacSigner(Inputs.MAC_ID, Inputs.MAC_KEY), new io.github.walletproject.auth.SecureNonceGenerator(), new io.github.walletproject.auth.ServerTimeOffset(java.time.Clock.systemUTC()));
			org.springframework.web.client.RestClient bareUaInterceptor = clients.context.getBean(org.springframework.web.client.RestClient.Builder.class)
				.requestFactory(clients.context.getBean(InMemoryRequestFactory.class))
				.requestInterceptor((request, body, execution) -> {
					request.getHeaders().set("User-Agent", "wallet-project-starter");
					return signing.intercept(request, body, execution);
				}).build();
			probes.put("variant: bare GET + User-Agent set in the interceptor", () -> bareUaInterceptor.get().uri(Inputs.GET_URI).attribute(BareSigningInterceptor.EXT_ATTRIBUTE, Inputs.GET_EXT).retrieve().body(String.class));
			probes.put("variant: bare POST + User-Agent set in the interceptor", () -> bareUaInterceptor.post().uri(Inputs.POST_URI).attribute(BareSigningInterceptor.EXT_ATTRIBUTE, Inputs.POST_EXT).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Inputs.POST_BODY).retrieve().body(String.class));
			org.springframework.web.client.RestClient bareSh = clients.bare.mutate().defaultStatusHandler(org.springframework.http.HttpStatusCode::isError, (rq, rs) -> { throw new IllegalStateException(); }).build();
			probes.put("variant: bare GET + status handler", () -> bareSh.get().uri(Inputs.GET_URI).attribute(BareSigningInterceptor.EXT_ATTRIBUTE, Inputs.GET_EXT).retrieve().body(String.class));
			for (Map.Entry<String, Supplier<Object>> probe : probes.entrySet()) {
				if (args.length > 0 && java.util.Arrays.stream(args).noneMatch(probe.getKey()::equals)) {
					continue;
				}
				System.out.printf("%-55s %8.1f B/op%n", probe.getKey(), bytesPerCall(probe.getValue()));
			}
		}
		finally {
			clients.stop();
		}
	}

	/**
	 * A request as the routing step sees it: the GET, with the given attributes.
	 */
	private static HttpRequest request(Map<String, Object> attributes) {
		HttpHeaders headers = new HttpHeaders();
		return new HttpRequest() {

			@Override
			public HttpMethod getMethod() {
				return HttpMethod.GET;
			}

			@Override
			public java.net.URI getURI() {
				return Inputs.GET_URI;
			}

			@Override
			public Map<String, Object> getAttributes() {
				return attributes;
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	static double bytesPerCall(Supplier<Object> call) {
		Object sink = null;
		for (int i = 0; i < 50_000; i++) {
			sink = call.get();
		}
		int n = 50_000;
		long thread = Thread.currentThread().getId();
		long before = THREADS.getThreadAllocatedBytes(thread);
		for (int i = 0; i < n; i++) {
			sink = call.get();
		}
		long after = THREADS.getThreadAllocatedBytes(thread);
		if (sink == null) {
			throw new IllegalStateException();
		}
		return (after - before) / (double) n;
	}

}
