package io.github.walletproject.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.autoconfigure.WalletRestClientCustomizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Calls per second in certificate mode over loopback TLS 1.3 with a client certificate: the
 * starter's {@code GET wallet/14471/balance} through Apache HttpClient 5 (Boot's default) to
 * an HTTPS server on 127.0.0.1 that requires the certificate and keeps connections alive.
 * <ul>
 * <li>{@code kept-alive}: as the starter does now, calls share the certificate's pooled
 * connections;</li>
 * <li>{@code handshake-per-call}: every call on a new connection (each request says
 * {@code Connection: close}), which is what certificate mode cost before connections were
 * pooled per certificate (the client's pool never lent a connection made with a certificate
 * again).</li>
 * </ul>
 * Both server and client run in the benchmark's JVM, so the figure counts both sides of the
 * handshake. The JDK's HTTP server writes an answer's head and body apart: without
 * {@code -Dsun.net.httpserver.nodelay=true} Nagle's algorithm and delayed acknowledgements
 * hold each answer on a kept-alive connection for about 40 ms.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true" })
public class CertificateModeBenchmarks {

	@Benchmark
	public String certificateGet(Tls tls) {
		return ProjectContext.callWith("shop", () -> tls.wallet.get().uri("wallet/14471/balance?convert_to=EUR").retrieve().body(String.class));
	}

	/**
	 * The server, the application and its Wallet client.
	 */
	@State(Scope.Benchmark)
	public static class Tls {

		@Param({ "kept-alive", "handshake-per-call" })
		public String connections;

		HttpsServer server;

		ExecutorService serverThreads;

		ConfigurableApplicationContext context;

		RestClient wallet;

		@Setup(Level.Trial)
		public void start() throws Exception {
			this.serverThreads = Executors.newFixedThreadPool(4);
			this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
			this.server.setHttpsConfigurator(new HttpsConfigurator(serverTls()) {
				@Override
				public void configure(HttpsParameters params) {
					SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
					parameters.setNeedClientAuth(true);
					params.setSSLParameters(parameters);
				}
			});
			this.server.createContext("/", Tls::answer);
			this.server.setExecutor(this.serverThreads);
			this.server.start();
			String bundle = "spring.ssl.bundle.jks.wallet.";
			this.context = new SpringApplicationBuilder(TlsApplication.class).web(WebApplicationType.NONE)
				.properties("paysera.wallet.base-url=https://127.0.0.1:" + this.server.getAddress().getPort()
						+ "/rest/v1/", "paysera.wallet.auth.mode=certificate", "paysera.wallet.auth.ssl-bundle=wallet",
						"paysera.wallet.projects.shop.id=" + Inputs.PROJECT_ID, "paysera.wallet.access.source=configured",
						bundle + "keystore.location=classpath:tls/wallet.p12", bundle + "keystore.password=changeit",
						bundle + "keystore.type=PKCS12", bundle + "truststore.location=classpath:tls/wallet.p12",
						bundle + "truststore.password=changeit", bundle + "truststore.type=PKCS12",
						"spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=WARN",
						"benchmark.connection-close=" + "handshake-per-call".equals(this.connections))
				.run();
			this.wallet = this.context.getBean("walletRestClient", RestClient.class);
			if (new CertificateModeBenchmarks().certificateGet(this) == null) {
				throw new IllegalStateException("The certificate-mode call returned nothing");
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
			this.server.stop(0);
			this.serverThreads.shutdownNow();
		}

		private static SSLContext serverTls() throws Exception {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			try (InputStream in = CertificateModeBenchmarks.class.getResourceAsStream("/tls/wallet.p12")) {
				keys.load(in, "changeit".toCharArray());
			}
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, "changeit".toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(keys);
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
			return tls;
		}

		private static void answer(HttpExchange exchange) throws IOException {
			exchange.getRequestBody().readAllBytes();
			byte[] body = Inputs.BALANCE_RESPONSE;
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}

	}

	/**
	 * The benchmark's application: plain auto-configuration with Boot's own HTTP client.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	public static class TlsApplication {

		/**
		 * With {@code benchmark.connection-close=true}, every request asks the server to close
		 * its connection.
		 * @param close whether to
		 * @return the customizer
		 */
		@Bean
		WalletRestClientCustomizer connectionClose(
				@org.springframework.beans.factory.annotation.Value("${benchmark.connection-close}") boolean close) {
			return (builder) -> {
				if (close) {
					builder.defaultHeader(HttpHeaders.CONNECTION, "close");
				}
			};
		}

	}

}
