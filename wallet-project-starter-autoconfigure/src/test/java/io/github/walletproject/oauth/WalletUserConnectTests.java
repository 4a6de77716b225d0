package io.github.walletproject.oauth;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Connecting and disconnecting a user's wallet when something goes wrong (outside review of
 * 2026-12-08, findings 6 and 7): a disconnect whose revoke fails still forgets the token; any
 * principal name connects; a token that cannot be kept is revoked, never left live.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletUserConnectTests {

	private static MockWalletApi api;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@BeforeEach
	void reset() {
		api.reset();
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aDisconnectWhoseRevokeFailsStillForgetsTheToken() {
		ConfigurableApplicationContext context = app(null);
		api.authorizationCode("alice-code", null, 1222);
		WalletAccessToken token = context.getBean(WalletOAuthClient.class).exchangeCode("alice-code", null);
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		users.save("alice", token);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		users.callAs("alice", () -> ProjectContext.callWith("marketplace", wallet::balance));
		api.failNext("DELETE", "/oauth/v1/token", Fault.serviceUnavailable(), 20);

		assertThatNoException().as("the revoke is best effort").isThrownBy(() -> users.disconnect("alice"));

		assertThat(users.isConnected("alice")).isFalse();
		assertThatExceptionOfType(WalletException.class)
			.isThrownBy(() -> users.callAs("alice", () -> ProjectContext.callWith("marketplace", wallet::balance)));
		assertThat(api.requests()).anyMatch((r) -> r.method().equals("DELETE") && r.path().equals("/oauth/v1/token"));
	}

	@Test
	void aPrincipalNameWithAnyCharactersConnectsItsWallet() throws Exception {
		ConfigurableApplicationContext context = app(null);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String user = "auth0|5f7c8ec7c33c6c004bbafe82";

		HttpResponse<String> start = get(browser, port, "/wallet/connect", user);
		assertThat(start.statusCode()).isEqualTo(302);
		String location = start.headers().firstValue("Location").orElseThrow();
		api.authorizationCode("c0de", parameter(location, "redirect_uri"), 1222);
		HttpResponse<String> back = get(browser, port,
				"/wallet/connect/callback?code=c0de&state=" + parameter(location, "state"), user);

		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location")).hasValue("/connected");
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		assertThat(users.isConnected(user)).isTrue();
		WalletProjects wallet = context.getBean(WalletProjects.class);
		users.callAs(user, () -> ProjectContext.callWith("marketplace", wallet::balance));
		assertThat(last("wallet/2113/balance").status()).isEqualTo(200);
		assertThat(users.isConnected("google-oauth2|123")).isFalse();
	}

	@Test
	void aTokenThatCannotBeKeptIsRevoked() throws Exception {
		ConfigurableApplicationContext context = app(new RefusingStore());
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String location = get(browser, port, "/wallet/connect", "alice").headers().firstValue("Location").orElseThrow();
		api.authorizationCode("c0de", parameter(location, "redirect_uri"), 1222);
		HttpResponse<String> back = get(browser, port,
				"/wallet/connect/callback?code=c0de&state=" + parameter(location, "state"), "alice");

		assertThat(back.statusCode()).isGreaterThanOrEqualTo(500);
		assertThat(api.requests()).anyMatch((r) -> r.method().equals("POST") && r.path().equals("/oauth/v1/token"));
		ReceivedRequest revoke = api.requests()
			.stream()
			.filter((r) -> r.method().equals("DELETE") && r.path().equals("/oauth/v1/token"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the token nobody keeps was not revoked"));
		String issued = revoke.queryParameter("access_token").orElseThrow();
		assertThat(issued).startsWith("token-");
		assertThat(back.body()).doesNotContain(issued);
	}

	@Test
	void aConfiguredRedirectUriIsTheOneSentToPayseraBehindAProxy() throws Exception {
		String external = "https://shop.example.com/app/wallet/connect/callback";
		ConfigurableApplicationContext context = app(null, "paysera.wallet.oauth.connect.redirect-uri=" + external);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String location = get(browser, port, "/wallet/connect", "alice").headers().firstValue("Location").orElseThrow();
		assertThat(parameter(location, "redirect_uri")).isEqualTo(external);
		api.authorizationCode("c0de", external, 1222);
		HttpResponse<String> back = get(browser, port,
				"/wallet/connect/callback?code=c0de&state=" + parameter(location, "state"), "alice");

		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(context.getBean(WalletUserTokens.class).isConnected("alice")).isTrue();
	}

	@Test
	void aConnectLanguageThatIsNotATwoLetterCodeStopsTheStartNamingTheProperty() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> app(null, "paysera.wallet.oauth.connect.language=EN"))
			.satisfies((ex) -> assertThat(rootMessages(ex)).contains("paysera.wallet.oauth.connect.language")
				.contains("'EN'"));
	}

	@Test
	void aRedirectUriThatIsNotAnAbsoluteHttpUrlStopsTheStartNamingTheProperty() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> app(null, "paysera.wallet.oauth.connect.redirect-uri=/wallet/connect/callback"))
			.satisfies((ex) -> assertThat(rootMessages(ex)).contains("paysera.wallet.oauth.connect.redirect-uri")
				.contains("not an absolute http(s) URL"));
	}

	private static String rootMessages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable each = ex; each != null; each = each.getCause()) {
			messages.append(each.getMessage()).append('\n');
		}
		return messages.toString();
	}

	/** A store that cannot keep anything, as during a Redis outage. */
	static final class RefusingStore implements WalletTokenStore {

		@Override
		public @Nullable WalletAccessToken get(String key) {
			return null;
		}

		@Override
		public void put(String key, WalletAccessToken token) {
			throw new IllegalStateException("store unavailable");
		}

		@Override
		public boolean replace(String key, @Nullable String expected, WalletAccessToken token) {
			throw new IllegalStateException("store unavailable");
		}

		@Override
		public void remove(String key) {
		}

	}

	private ConfigurableApplicationContext app(@Nullable WalletTokenStore store, String... extra) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties("spring.main.banner-mode=off", "paysera.wallet.base-url=" + api.baseUrl(),
					"paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
					"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
					"paysera.wallet.projects.marketplace.id=1222", "paysera.wallet.oauth.user-tokens=true",
					"paysera.wallet.retry.initial-backoff=1ms", "paysera.wallet.retry.max-backoff=5ms",
					"server.port=0", "server.address=127.0.0.1", "paysera.wallet.oauth.connect.path=/wallet/connect",
					"paysera.wallet.oauth.connect.success-url=/connected")
			.properties(extra);
		if (store != null) {
			builder.initializers((context) -> context.getBeanFactory().registerSingleton("testTokenStore", store));
		}
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		return context;
	}

	private static HttpResponse<String> get(HttpClient browser, int port, String path, String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (user != null) {
			request.header("X-User", user);
		}
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String parameter(String location, String name) {
		Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(location);
		assertThat(matcher.find()).as("%s in %s", name, location).isTrue();
		return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
	}

	private static ReceivedRequest last(String path) {
		List<ReceivedRequest> matching = api.requests().stream().filter((r) -> r.path().equals(path)).toList();
		assertThat(matching).as("requests to %s", path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		/** The signed-in user: Spring Security's principal in a real application. */
		@Bean
		WalletUserKeyResolver testUsers() {
			return (request) -> request.getHeader("X-User");
		}

	}

}
