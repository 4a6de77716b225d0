package io.github.walletproject.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.SecureNonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.WalletApi;
import io.github.walletproject.client.WalletSigning;
import io.github.walletproject.client.WalletSigningInterceptor;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration: which beans appear, which the user may replace, what optional
 * dependencies it does without, and how it reports bad configuration.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletClientAutoConfigurationTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = TestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}



	@Test
	void anApplicationsOwnRegistryNeedsNoCredentialsOrProjectsProperties() {
		// WalletSettings.registry checks those properties only when the starter builds the registry
		ProjectRegistry own = ProjectRegistry
			.builder(WalletCredentials.mac(WalletCredentials.DEFAULT, new MacSigner(TestApps.MAC_ID, TestApps.MAC_KEY)))
			.project("shop", 1221)
			.build();
		TestApps.runner()
			.withPropertyValues("paysera.wallet.base-url=" + api.baseUrl())
			.withBean(ProjectRegistry.class, () -> own)
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ProjectRegistry.class)).isSameAs(own);
				ProjectContext.runWith("shop", () -> context.getBean(WalletProjects.class).balance());
				assertThat(api.requests().stream().filter(request -> request.path().startsWith("wallet/")).toList())
					.last().satisfies(request -> assertThat(request.projectId()).isEqualTo(1221));
				assertThat(api).hasOnlyValidSignatures();
			});
	}

	@Test
	void registersTheClientAndItsParts() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(WalletProjects.class)
				.hasSingleBean(WalletApi.class)
				.hasSingleBean(ProjectRegistry.class)
				.hasSingleBean(WalletSigning.class)
				.hasBean("walletProjectAdvisor")
				.hasSingleBean(ProjectAccessChecker.class)
				.hasBean("walletRestClient");
			// the built-in checker (package-private since #25), not ProjectAccessChecker.NONE
			assertThat(context.getBean(ProjectAccessChecker.class).getClass().getSimpleName())
				.isEqualTo("CachingProjectAccessChecker");
			assertThat(context.getBean(NonceGenerator.class)).isInstanceOf(SecureNonceGenerator.class);
			assertThat(context.getBean(ProjectRegistry.class).aliases()).containsExactly("shop", "marketplace");
		});
	}

	@Test
	void signingInterceptorIsTheInnermostOne() {
		ClientHttpRequestInterceptor outer = (request, body, execution) -> execution.execute(request, body);
		this.runner
			.withBean(WalletRestClientCustomizer.class, () -> builder -> builder.requestInterceptor(outer))
			.withBean(org.springframework.boot.restclient.RestClientCustomizer.class,
					() -> builder -> builder.requestInterceptor(outer))
			.run(context -> {
				RestClient.Builder builder = context.getBean("walletRestClient", RestClient.class).mutate();
				builder.requestInterceptors(interceptors -> {
					assertThat(interceptors).hasSize(3);
					assertThat(interceptors.get(interceptors.size() - 1)).isInstanceOf(WalletSigningInterceptor.class);
				});
			});
	}

	@Test
	void userBeansWin() {
		NonceGenerator fixed = () -> "fixed-nonce";
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
		ProjectAccessChecker allowAll = project -> {
		};
		RestClient own = RestClient.create();
		this.runner.withBean(NonceGenerator.class, () -> fixed)
			.withBean(Clock.class, () -> clock)
			.withBean(ProjectAccessChecker.class, () -> allowAll)
			.run(context -> {
				assertThat(context.getBean(NonceGenerator.class)).isSameAs(fixed);
				assertThat(context.getBean(ProjectAccessChecker.class)).isSameAs(allowAll);
				assertThat(context.getBean(ServerTimeOffset.class).timestamp()).isEqualTo(1_700_000_000L);
			});
		this.runner.withBean("walletRestClient", RestClient.class, () -> own)
			.run(context -> assertThat(context.getBean("walletRestClient")).isSameAs(own));
	}

	@Test
	void userNonceAndClockReachTheWire() {
		api.allowedSkew(java.time.Duration.ofDays(365 * 100));
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1_500_000_000L), ZoneOffset.UTC);
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		this.runner.withBean(NonceGenerator.class, () -> () -> "test-nonce-" + n.incrementAndGet())
			.withBean(Clock.class, () -> clock)
			.run(context -> {
				context.getBean(WalletProjects.class).client();
				assertThat(api).hasOnlyValidSignatures();
				assertThat(api.requests()).singleElement().satisfies(request -> {
					assertThat(request.nonce()).isEqualTo("test-nonce-1");
					assertThat(request.verification().timestamp()).isEqualTo(1_500_000_000L);
				});
			});
		api.allowedSkew(java.time.Duration.ofMinutes(5));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("paysera.wallet.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(WalletProjects.class)
				.doesNotHaveBean("walletRestClient")
				.doesNotHaveBean("walletProjectAdvisor"));
	}

	@Test
	void worksWithoutContextPropagationAspectJOrActuator() {
		this.runner
			.withClassLoader(new FilteredClassLoader("io.micrometer.context", "org.aspectj",
					"org.springframework.boot.actuate", "org.springframework.boot.health", "io.micrometer.core"))
			.run(context -> {
				assertThat(context).hasNotFailed().hasSingleBean(WalletProjects.class);
				context.getBean(WalletProjects.class).serverTime();
				assertThat(api).hasOnlyValidSignatures().received(1).requestsTo("GET", "server");
			});
	}

	@Test
	void backsOffWithoutRestClient() {
		this.runner.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run(context -> assertThat(context).doesNotHaveBean(WalletProjects.class));
	}

	@Test
	void baseUrlWithoutTrailingSlashStillResolvesEndpoints() {
		this.runner.withPropertyValues("paysera.wallet.base-url=" + api.baseUrl().replaceAll("/$", ""))
			.run(context -> {
				context.getBean(WalletProjects.class).serverTime();
				assertThat(api).received(1).requestsTo("GET", "server");
			});
	}

	@Test
	void sendsUserAgent() {
		this.runner.withPropertyValues("paysera.wallet.user-agent=shop-backend/1.0").run(context -> {
			context.getBean(WalletProjects.class).serverTime();
			assertThat(api.requests().get(0).header("User-Agent")).contains("shop-backend/1.0");
		});
	}

	@Test
	void followsNoRedirects() {
		api.failNext("GET", "server", new io.github.walletproject.test.Fault(302, "{}",
				java.util.Map.of("Location", api.baseUrl() + "client"), java.time.Duration.ZERO, false), 1);
		this.runner.run(context -> {
			org.assertj.core.api.Assertions
				.assertThatExceptionOfType(io.github.walletproject.WalletResponseException.class)
				.isThrownBy(() -> context.getBean(WalletProjects.class).serverTime());
			assertThat(api).received(1).requests();
			assertThat(api).received(0).requestsTo("GET", "client");
		});
	}

	// ---- startup failures ---------------------------------------------------------------

	@Test
	void missingMacIdNamesTheProperty() {
		TestApps.runner()
			.withPropertyValues("paysera.wallet.credentials.mac-key=secret-key-value")
			.run(context -> assertFailure(context, "paysera.wallet.credentials.mac-id is missing",
					"WALLET_MAC_ID"));
	}

	@Test
	void missingMacKeyNamesThePropertyAndHidesNothingSecret() {
		TestApps.runner()
			.withPropertyValues("paysera.wallet.credentials.mac-id=my-client")
			.run(context -> assertFailure(context, "paysera.wallet.credentials.mac-key is missing", "WALLET_MAC_KEY"));
	}

	@Test
	void projectCredentialsNeedBothParts() {
		this.runner.withPropertyValues("paysera.wallet.projects.shop.credentials.mac-id=other")
			.run(context -> assertFailure(context, "paysera.wallet.projects.shop.credentials.mac-key is missing",
					"mac-key"));
	}

	@Test
	void malformedBaseUrlNamesTheProperty() {
		this.runner.withPropertyValues("paysera.wallet.base-url=wallet.paysera.com/rest v1")
			.run(context -> assertFailure(context, "paysera.wallet.base-url is not a valid URL", "absolute"));
		this.runner.withPropertyValues("paysera.wallet.base-url=ftp://wallet.paysera.com/rest/v1/")
			.run(context -> assertFailure(context, "paysera.wallet.base-url must be an absolute http or https URL",
					"https://wallet.paysera.com/rest/v1/"));
		this.runner.withPropertyValues("paysera.wallet.base-url=https://user:pa55word@wallet.paysera.com/rest/v1/")
			.run(context -> {
				FailureAnalysis analysis = assertFailure(context, "must not carry a query, fragment or user info",
						"Remove them");
				assertThat(analysis.getDescription()).doesNotContain("pa55word");
			});
	}

	@Test
	void certificateModeWithoutBundleNamesTheProperty() {
		TestApps.runner()
			.withPropertyValues("paysera.wallet.auth.mode=certificate")
			.run(context -> assertFailure(context, "paysera.wallet.auth.ssl-bundle is missing", "spring.ssl.bundle"));
	}

	@Test
	void certificateModeWithUnknownBundleListsTheKnownOnes() {
		TestApps.runner()
			.withPropertyValues("paysera.wallet.auth.mode=certificate", "paysera.wallet.auth.ssl-bundle=walet",
					"spring.ssl.bundle.jks.wallet.keystore.location=classpath:tls/client.p12",
					"spring.ssl.bundle.jks.wallet.keystore.password=changeit",
					"spring.ssl.bundle.jks.wallet.keystore.type=PKCS12")
			.run(context -> assertFailure(context, "names SSL bundle 'walet', which is not defined (defined bundles: wallet)",
					"spring.ssl.bundle.jks.walet"));
	}

	@Test
	void unknownDefaultProjectNamesTheProperty() {
		this.runner.withPropertyValues("paysera.wallet.default-project=shpo")
			.run(context -> assertFailure(context, "paysera.wallet.default-project is 'shpo'", "shop, marketplace"));
	}

	@Test
	void projectWithoutIdNamesTheProperty() {
		this.runner.withPropertyValues("paysera.wallet.projects.donations.credentials.mac-id=x")
			.run(context -> assertFailure(context, "paysera.wallet.projects.donations.id is missing", "donations"));
	}

	@Test
	void sameIdWithDifferentCredentialsIsAmbiguous() {
		this.runner
			.withPropertyValues("paysera.wallet.projects.shop2.id=1221",
					"paysera.wallet.projects.shop2.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
					"paysera.wallet.projects.shop2.credentials.mac-key=" + TestApps.MARKET_MAC_KEY)
			.run(context -> assertFailure(context, "paysera.wallet.projects.shop2.id is 1221, like paysera.wallet.projects.shop.id",
					"one set of credentials"));
	}

	@Test
	void badRetryAndTimeoutSettingsNameTheProperty() {
		this.runner.withPropertyValues("paysera.wallet.retry.methods=GET,FETCH")
			.run(context -> assertFailure(context, "paysera.wallet.retry.methods has an unknown HTTP method 'FETCH'",
					"GET, HEAD"));
		this.runner.withPropertyValues("paysera.wallet.connect-timeout=0s")
			.run(context -> assertFailure(context, "paysera.wallet.connect-timeout must be positive", "2s"));
		this.runner.withPropertyValues("paysera.wallet.access.cache.refresh-ahead=2h")
			.run(context -> assertFailure(context, "paysera.wallet.access.cache.refresh-ahead must be shorter", "5m"));
	}

	@Test
	void failureMessagesNeverContainTheMacKey() {
		this.runner.withPropertyValues("paysera.wallet.credentials.mac-id=bad\"id", "paysera.wallet.credentials.mac-key="
				+ TestApps.MAC_KEY).run(context -> {
					FailureAnalysis analysis = assertFailure(context, "paysera.wallet.credentials.mac-id contains a character",
							"printable ASCII");
					assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(TestApps.MAC_KEY);
					assertThat(context.getStartupFailure()).hasStackTraceContaining("mac-id");
					assertThat(stackTrace(context.getStartupFailure())).doesNotContain(TestApps.MAC_KEY);
				});
	}

	static FailureAnalysis assertFailure(AssertableApplicationContext context, String description, String action) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new WalletConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		assertThat(analysis.getDescription()).contains(description);
		assertThat(analysis.getAction()).contains(action);
		return analysis;
	}

	static String stackTrace(Throwable failure) {
		java.io.StringWriter out = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(out));
		return out.toString();
	}

}
