package io.github.walletproject.routing;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every way of choosing a project, every value form, precedence and nesting, through a real
 * application context and the MAC-verifying mock.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletProjectRoutingTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = TestApps.runner(api)
		.withPropertyValues("payments.project=marketplace", "payments.project-id=1222")
		.withBean("walletCalls", WalletCalls.class)
		.withBean(ShopService.class)
		.withBean(MarketplaceOverrides.class)
		.withBean(MetaAnnotated.class)
		.withBean(PlaceholderService.class)
		.withBean(SpelService.class)
		.withBean("tenantDirectory", TenantDirectory.class)
		.withBean(NumericService.class)
		.withBean(Greeter.class, InterfaceAnnotated::new)
		.withBean(Nested.class);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}



	@AfterEach
	void nothingLeftBound() {
		assertThat(ProjectContext.isBound()).isFalse();
	}

	private static Long lastProject() {
		java.util.List<ReceivedRequest> requests = api.requests();
		assertThat(requests).isNotEmpty();
		return requests.get(requests.size() - 1).projectId();
	}

	@Test
	void classAnnotationRoutesEveryMethod() {
		// ShopService's methods are package-private: a class-level annotation applies to every
		// non-private method called through the proxy, as the README says
		this.runner.run(context -> {
			context.getBean(ShopService.class).balance();
			assertThat(lastProject()).isEqualTo(1221);
			context.getBean(ShopService.class).client();
			assertThat(lastProject()).isEqualTo(1221);
			assertThat(api).hasOnlyValidSignatures();
		});
	}

	@Test
	void methodAnnotationWinsOverClass() {
		this.runner.run(context -> {
			MarketplaceOverrides service = context.getBean(MarketplaceOverrides.class);
			service.classLevel();
			assertThat(lastProject()).isEqualTo(1221);
			service.methodLevel();
			assertThat(lastProject()).isEqualTo(1222);
		});
	}

	@Test
	void metaAnnotationWorks() {
		this.runner.run(context -> {
			context.getBean(MetaAnnotated.class).call();
			assertThat(lastProject()).isEqualTo(1222);
		});
	}

	@Test
	void numericIdsAndUnconfiguredIds() {
		this.runner.run(context -> {
			context.getBean(NumericService.class).configured();
			assertThat(lastProject()).isEqualTo(1222);
		});
	}

	@Test
	void placeholdersAreResolvedAtStartup() {
		this.runner.run(context -> {
			context.getBean(PlaceholderService.class).alias();
			assertThat(lastProject()).isEqualTo(1222);
			context.getBean(PlaceholderService.class).id();
			assertThat(lastProject()).isEqualTo(1222);
		});
	}

	@Test
	void spelOverArgumentsAndBeans() {
		this.runner.run(context -> {
			SpelService service = context.getBean(SpelService.class);
			service.forOrder(new Order("marketplace"));
			assertThat(lastProject()).isEqualTo(1222);
			service.forOrder(new Order("1221"));
			assertThat(lastProject()).isEqualTo(1221);
			service.forNumber(1222L);
			assertThat(lastProject()).isEqualTo(1222);
			service.forTenant("acme");
			assertThat(lastProject()).isEqualTo(1221);
			service.forTenant("globex");
			assertThat(lastProject()).isEqualTo(1222);
			assertThat(api).hasOnlyValidSignatures();
		});
	}

	@Test
	void badSpelResultsAreRejectedBeforeAnyRequest() {
		this.runner.run(context -> {
			SpelService service = context.getBean(SpelService.class);
			assertThatExceptionOfType(InvalidProjectException.class)
				.isThrownBy(() -> service.forOrder(new Order("nope")))
				.withMessageContaining("Unknown project alias 'nope'")
				.withMessageContaining("SpelService.forOrder(Order)");
			assertThatExceptionOfType(InvalidProjectException.class)
				.isThrownBy(() -> service.forOrder(new Order("1221\r\nX-Evil: yes")))
				.withMessageContaining("\\u000d\\u000a");
			assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> service.forNumber(-4L))
				.withMessageContaining("positive");
			assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> service.forOrder(null))
				.withMessageContaining("failed to evaluate");
			assertThat(api).receivedNothing();
		});
	}

	@Test
	void jdkProxiedInterfaceAnnotationIsFound() {
		this.runner.withPropertyValues("spring.aop.proxy-target-class=false").run(context -> {
			Greeter greeter = context.getBean(Greeter.class);
			assertThat(org.springframework.aop.support.AopUtils.isJdkDynamicProxy(greeter)).isTrue();
			greeter.greet();
			assertThat(lastProject()).isEqualTo(1222);
		});
		this.runner.run(context -> {
			Greeter greeter = context.getBean(Greeter.class);
			assertThat(org.springframework.aop.support.AopUtils.isCglibProxy(greeter)).isTrue();
			greeter.greet();
			assertThat(lastProject()).isEqualTo(1222);
		});
	}

	@Test
	void innermostBindingWinsAndOuterOneComesBack() {
		this.runner.run(context -> {
			Nested nested = context.getBean(Nested.class);
			nested.outerThenInnerThenOuter();
			assertThat(api.requests()).filteredOn(r -> r.path().startsWith("wallet/"))
				.extracting(ReceivedRequest::projectId)
				.containsExactly(1221L, 1222L, 1221L);
			// context outside, annotation inside: the annotation is innermost
			ProjectContext.runWith("marketplace", () -> context.getBean(ShopService.class).balance());
			assertThat(lastProject()).isEqualTo(1221);
			// annotation outside, context inside: the context is innermost
			nested.contextInside();
			assertThat(lastProject()).isEqualTo(1222);
		});
	}

	@Test
	void requestAttributeWinsOverContextAndAnnotation() {
		this.runner.run(context -> {
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			ProjectContext.runWith("shop", () -> client.get()
				.uri("wallet/2113/balance")
				.attributes(WalletRequestAttributes.project("marketplace"))
				.retrieve()
				.toBodilessEntity());
			assertThat(lastProject()).isEqualTo(1222);
			context.getBean(ShopService.class).withAttribute("1222");
			assertThat(lastProject()).isEqualTo(1222);
		});
	}

	@Test
	void defaultProjectRoutesUnboundCalls() {
		this.runner.withPropertyValues("paysera.wallet.default-project=marketplace").run(context -> {
			context.getBean(WalletCalls.class).balanceOf(2113);
			assertThat(lastProject()).isEqualTo(1222);
			// account-level calls still carry no project with only a default
			context.getBean(WalletProjects.class).client();
			assertThat(lastProject()).isNull();
		});
	}

	@Test
	void accountLevelCallsCarryNoProjectEvenWhenOneIsBound() {
		// issue 11, item 12: an account-level request wins over the thread's binding
		this.runner.run(context -> {
			ProjectContext.runWith("marketplace", () -> context.getBean(WalletProjects.class).client());
			assertThat(lastProject()).isNull();
		});
	}

	@Test
	void routingParametersFollowTheProjectInExt() {
		this.runner.run(context -> {
			RestClient client = context.getBean("walletRestClient", RestClient.class);
			ProjectContext.runWith("shop", () -> client.post()
				.uri("transaction")
				.body("{\"amount\":100}")
				.attributes(WalletRequestAttributes.routingParameter("location_id", "77"))
				.retrieve()
				.toBodilessEntity());
			assertThat(api).hasOnlyValidSignatures();
			ReceivedRequest request = api.requests().get(api.requests().size() - 1);
			assertThat(request.header("Authorization").orElseThrow())
				.matches(".*ext=\"body_hash=[^&]+&project_id=1221&location_id=77\"");
		});
	}

	@Test
	void exceptionsInAnnotatedMethodsLeaveNothingBound() {
		this.runner.run(context -> {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> context.getBean(ShopService.class).fails());
			assertThat(ProjectContext.isBound()).isFalse();
		});
	}

	@Test
	void selfInvocationBypassesTheProxy() {
		// documented limitation: the inner method's annotation is not applied on a this-call
		this.runner.run(context -> {
			context.getBean(MarketplaceOverrides.class).callsMethodLevelOnThis();
			assertThat(lastProject()).isEqualTo(1221);
		});
	}

	@Test
	void projectWithOwnCredentialsSignsWithThem() {
		this.runner
			.withPropertyValues("paysera.wallet.projects.marketplace.credentials.mac-id=" + TestApps.MARKET_MAC_ID,
					"paysera.wallet.projects.marketplace.credentials.mac-key=" + TestApps.MARKET_MAC_KEY)
			.run(context -> {
				context.getBean(MarketplaceOverrides.class).methodLevel();
				context.getBean(ShopService.class).balance();
				assertThat(api).hasOnlyValidSignatures();
				assertThat(api.requests()).filteredOn(r -> "wallet/2113/balance".equals(r.path()))
					.singleElement()
					.satisfies(r -> assertThat(r.verification().macId()).isEqualTo(TestApps.MARKET_MAC_ID));
				assertThat(api.requests()).filteredOn(r -> "wallet/2112/balance".equals(r.path()))
					.singleElement()
					.satisfies(r -> assertThat(r.verification().macId()).isEqualTo(TestApps.MAC_ID));
				// access lists are looked up per credentials
				assertThat(api.requests()).filteredOn(r -> r.path().equals("user/me/projects"))
					.extracting(r -> r.verification().macId())
					.containsExactlyInAnyOrder(TestApps.MAC_ID, TestApps.MARKET_MAC_ID);
			});
	}

	// ---- beans ----------------------------------------------------------------------------

	/** Raw calls through the routed RestClient. */
	static class WalletCalls {

		private final RestClient client;

		WalletCalls(@org.springframework.beans.factory.annotation.Qualifier("walletRestClient") RestClient client) {
			this.client = client;
		}

		void balanceOf(long walletId) {
			this.client.get().uri("wallet/{id}/balance", walletId).retrieve().toBodilessEntity();
		}

		void client() {
			this.client.get().uri("client").retrieve().toBodilessEntity();
		}

	}

	@WalletProject("shop")
	static class ShopService {

		private final WalletCalls calls;

		ShopService(WalletCalls calls) {
			this.calls = calls;
		}

		void balance() {
			this.calls.balanceOf(2112);
		}

		void client() {
			this.calls.client();
		}

		void withAttribute(String project) {
			this.calls.client.get()
				.uri("wallet/2113/balance")
				.attributes(WalletRequestAttributes.project(project))
				.retrieve()
				.toBodilessEntity();
		}

		void fails() {
			throw new IllegalStateException("fails");
		}

	}

	@WalletProject("shop")
	static class MarketplaceOverrides {

		private final WalletCalls calls;

		MarketplaceOverrides(WalletCalls calls) {
			this.calls = calls;
		}

		void classLevel() {
			this.calls.balanceOf(2112);
		}

		@WalletProject("marketplace")
		void methodLevel() {
			this.calls.balanceOf(2113);
		}

		void callsMethodLevelOnThis() {
			methodLevel();
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@WalletProject("marketplace")
	@interface Marketplace {

	}

	static class MetaAnnotated {

		private final WalletCalls calls;

		MetaAnnotated(WalletCalls calls) {
			this.calls = calls;
		}

		@Marketplace
		void call() {
			this.calls.balanceOf(2113);
		}

	}

	static class NumericService {

		private final WalletCalls calls;

		NumericService(WalletCalls calls) {
			this.calls = calls;
		}

		@WalletProject("1222")
		void configured() {
			this.calls.balanceOf(2113);
		}

	}

	static class PlaceholderService {

		private final WalletCalls calls;

		PlaceholderService(WalletCalls calls) {
			this.calls = calls;
		}

		@WalletProject("${payments.project}")
		void alias() {
			this.calls.balanceOf(2113);
		}

		@WalletProject(project = "${payments.project-id}")
		void id() {
			this.calls.balanceOf(2113);
		}

	}

	record Order(String projectId) {
	}

	static class TenantDirectory {

		public String projectFor(String tenant) {
			return "acme".equals(tenant) ? "shop" : "marketplace";
		}

	}

	static class SpelService {

		private final WalletCalls calls;

		SpelService(WalletCalls calls) {
			this.calls = calls;
		}

		@WalletProject("#{#order.projectId}")
		void forOrder(Order order) {
			this.calls.client();
		}

		@WalletProject("#{#id}")
		void forNumber(Long id) {
			this.calls.client();
		}

		@WalletProject("#{@tenantDirectory.projectFor(#tenant)}")
		void forTenant(String tenant) {
			this.calls.client();
		}

	}

	interface Greeter {

		@WalletProject("marketplace")
		void greet();

	}

	static class InterfaceAnnotated implements Greeter {

		@org.springframework.beans.factory.annotation.Autowired
		WalletCalls calls;

		@Override
		public void greet() {
			this.calls.balanceOf(2113);
		}

	}

	@WalletProject("shop")
	static class Nested {

		private final WalletCalls calls;

		private final MarketplaceOverrides marketplace;

		Nested(WalletCalls calls, MarketplaceOverrides marketplace) {
			this.calls = calls;
			this.marketplace = marketplace;
		}

		void outerThenInnerThenOuter() {
			this.calls.balanceOf(2112);
			this.marketplace.methodLevel();
			this.calls.balanceOf(2112);
		}

		void contextInside() {
			ProjectContext.runWith("marketplace", () -> this.calls.balanceOf(2113));
		}

	}

}
