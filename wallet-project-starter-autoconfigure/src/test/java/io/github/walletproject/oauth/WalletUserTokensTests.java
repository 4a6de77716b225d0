package io.github.walletproject.oauth;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.auth.MacSigner;
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

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.fanout.ProjectResult;
import io.github.walletproject.fanout.ProjectResult.Outcome;
import io.github.walletproject.fanout.ProjectSelection;
import io.github.walletproject.fanout.WalletFanOut;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
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

/**
 * Calls made for a user with the user's own token, and the Spring MVC endpoints that connect a
 * signed-in user's wallet (issue 22, items 4 and 5), in a servlet application on a free port.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletUserTokensTests {

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
	void aUserBoundCallIsSignedWithThatUsersTokenAndRoutedToTheBoundProject() {
		ConfigurableApplicationContext context = app();
		api.authorizationCode("alice-code", null, 1222);
		WalletAccessToken token = context.getBean(WalletOAuthClient.class).exchangeCode("alice-code", null);
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		users.save("alice", token);
		WalletProjects wallet = context.getBean(WalletProjects.class);

		WalletBalance balance = users.callAs("alice", () -> ProjectContext.callWith("marketplace", wallet::balance));

		assertThat(balance.currency("EUR")).isPresent();
		ReceivedRequest call = last("wallet/2113/balance");
		assertThat(call.verification().macId()).isEqualTo(token.accessToken());
		assertThat(call.projectId()).isEqualTo(1222L);
		// the user's token may use 1222 only: the access check asks for the user, and nothing is sent
		int before = api.requests().size();
		assertThatExceptionOfType(ProjectAccessDeniedException.class)
			.isThrownBy(() -> users.callAs("alice", () -> ProjectContext.callWith("shop", wallet::balance)));
		assertThat(api.requests().subList(before, api.requests().size()))
			.noneMatch((r) -> r.path().equals("wallet/2112/balance"));
		// outside the block, the configured credentials sign again
		ProjectContext.callWith("shop", wallet::balance);
		assertThat(last("wallet/2112/balance").verification().macId()).isEqualTo(TestApps.MAC_ID);
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void aFanOutStartedAsAUserSignsEveryTaskWithThatUsersTokenOnEveryWorker() {
		ConfigurableApplicationContext context = app();
		api.authorizationCode("carol-code", null, 1222);
		WalletAccessToken token = context.getBean(WalletOAuthClient.class).exchangeCode("carol-code", null);
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		users.save("carol", token);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		WalletFanOut fanOut = context.getBean(WalletFanOut.class);

		List<ProjectResult<WalletBalance>> results = users.callAs("carol",
				() -> fanOut.forEachProject(ProjectSelection.of("marketplace", "shop"), (project) -> wallet.balance()));

		assertThat(results).extracting(ProjectResult::outcome).containsExactly(Outcome.VALUE, Outcome.REFUSED);
		assertThat(last("wallet/2113/balance").verification().macId()).isEqualTo(token.accessToken());
		// carol's token may not use the shop: nothing was sent for it, under any credentials
		assertThat(api.requests()).noneMatch((r) -> r.path().equals("wallet/2112/balance"));
		assertThat(api).hasOnlyValidSignatures();
	}

	@Test
	void aUsersExpiredTokenIsRefreshedFromTheStoreAndTheCallReplayed() {
		ConfigurableApplicationContext context = app();
		api.authorizationCode("bob-code", null, 1222);
		WalletAccessToken token = context.getBean(WalletOAuthClient.class).exchangeCode("bob-code", null);
		WalletUserTokens users = context.getBean(WalletUserTokens.class);
		users.save("bob", token);
		WalletProjects wallet = context.getBean(WalletProjects.class);
		users.callAs("bob", () -> ProjectContext.callWith("marketplace", wallet::balance));
		api.expireToken(token.accessToken());

		users.callAs("bob", () -> ProjectContext.callWith("marketplace", wallet::balance));

		ReceivedRequest replay = last("wallet/2113/balance");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.verification().macId()).startsWith("token-").isNotEqualTo(token.accessToken());
		assertThat(context.getBean(WalletTokenStore.class).get(new TokenKeys(URI.create(api.baseUrl()), WalletCredentials.mac("client", new MacSigner(TestApps.MAC_ID, TestApps.MAC_KEY))).user("bob")).accessToken())
			.isEqualTo(replay.verification().macId());
	}

	@Test
	void theConnectEndpointsExchangeTheCodeOnlyForTheStateThisSessionStarted() throws Exception {
		ConfigurableApplicationContext context = app(WebApplicationType.SERVLET, "server.port=0",
				"server.address=127.0.0.1", "paysera.wallet.oauth.connect.path=/wallet/connect",
				"paysera.wallet.oauth.connect.success-url=/connected");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> start = get(browser, port, "/wallet/connect", "alice");
		assertThat(start.statusCode()).isEqualTo(302);
		String location = start.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://bank.paysera.com/frontend/oauth?response_type=code&client_id="
				+ TestApps.MAC_ID);
		String state = parameter(location, "state");
		String redirect = parameter(location, "redirect_uri");
		assertThat(redirect).isEqualTo("http://127.0.0.1:" + port + "/wallet/connect/callback");
		api.authorizationCode("c0de", redirect, 1222);

		HttpResponse<String> forged = get(browser, port, "/wallet/connect/callback?code=c0de&state=forged", "alice");
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(context.getBean(WalletUserTokens.class).isConnected("alice")).isFalse();
		assertThat(api.requests()).noneMatch((r) -> r.path().equals("/oauth/v1/token"));

		// the forged attempt used up the session's state: start again, as a user would
		state = parameter(get(browser, port, "/wallet/connect", "alice").headers().firstValue("Location").orElseThrow(),
				"state");
		HttpResponse<String> back = get(browser, port, "/wallet/connect/callback?code=c0de&state=" + state, "alice");
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location")).hasValue("/connected");
		assertThat(context.getBean(WalletUserTokens.class).isConnected("alice")).isTrue();
		// a state is good once
		assertThat(get(browser, port, "/wallet/connect/callback?code=c0de&state=" + state, "alice").statusCode())
			.isEqualTo(400);
		assertThat(get(browser, port, "/wallet/connect", null).statusCode()).isEqualTo(401);
	}

	private ConfigurableApplicationContext app(String... extra) {
		return app(WebApplicationType.NONE, extra);
	}

	private ConfigurableApplicationContext app(WebApplicationType type, String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
				"paysera.wallet.base-url=" + api.baseUrl(), "paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.projects.marketplace.id=1222", "paysera.wallet.oauth.user-tokens=true",
				"paysera.wallet.retry.initial-backoff=1ms", "paysera.wallet.retry.max-backoff=5ms"));
		properties.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(type)
			.properties(properties.toArray(String[]::new))
			.run();
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
