package io.github.walletproject.test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link MockWalletApiExtension}: runs scenario classes through the JUnit Platform launcher
 * and checks that one mock per class is injected into constructors, lifecycle and test
 * methods, that recordings, faults and used nonces are reset before each test while fixtures
 * stay, and that the mock is stopped after the class.
 */
class MockWalletApiExtensionTests {

	static final String NONCE = "the-same-nonce-in-every-test";

	@Test
	void injectsOneMockPerClassResetsItBeforeEachTestAndStopsItAfterTheClass() throws Exception {
		FirstScenario.seen.clear();
		SecondScenario.seen.clear();

		TestExecutionSummary summary = run(FirstScenario.class, SecondScenario.class);

		assertThat(summary.getTestsFoundCount()).isEqualTo(3);
		assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(3);
		// constructor x2, @BeforeAll, @BeforeEach x2, @Test x2
		assertThat(FirstScenario.seen).hasSize(7).doesNotContainNull().allSatisfy(api -> assertThat(api)
			.isSameAs(FirstScenario.seen.get(0)));
		assertThat(SecondScenario.seen).hasSize(2).allSatisfy(api -> assertThat(api)
			.isSameAs(SecondScenario.seen.get(0)));
		assertThat(SecondScenario.seen.get(0)).isNotSameAs(FirstScenario.seen.get(0));
		assertStopped(FirstScenario.seen.get(0));
		assertStopped(SecondScenario.seen.get(0));
	}

	@Test
	void aFailingTestDoesNotLeakItsRecordingsIntoTheNext() {
		LeakScenario.seen.clear();

		TestExecutionSummary summary = run(LeakScenario.class);

		assertThat(summary.getTestsFailedCount()).isEqualTo(1);
		assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(1);
		assertStopped(LeakScenario.seen.get(0));
	}

	private static TestExecutionSummary run(Class<?>... classes) {
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
		for (Class<?> type : classes) {
			request.selectors(selectClass(type));
		}
		launcher.execute(request.build(), listener);
		return listener.getSummary();
	}

	private static String failures(TestExecutionSummary summary) {
		StringWriter out = new StringWriter();
		summary.printFailuresTo(new PrintWriter(out), 20);
		return out.toString();
	}

	private static void assertStopped(MockWalletApi api) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "server")).build();
		assertThatExceptionOfType(IOException.class).as("the mock on port %d still answers", api.port())
			.isThrownBy(() -> SignedClient.send(request));
	}

	// ---- scenarios, run only through the launcher above ---------------------------------------

	@ExtendWith(MockWalletApiExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class FirstScenario {

		static final List<MockWalletApi> seen = new CopyOnWriteArrayList<>();

		FirstScenario(MockWalletApi api) {
			seen.add(api);
		}

		@BeforeAll
		static void fixtures(MockWalletApi api) {
			seen.add(api);
			api.client(MockWalletApiTests.ID, MockWalletApiTests.KEY).balance(2112, "EUR", "1.00", "0.00");
		}

		@BeforeEach
		void beforeEach(MockWalletApi api) {
			seen.add(api);
		}

		@Test
		@Order(1)
		void first(MockWalletApi api) throws Exception {
			seen.add(api);
			assertThat(balance(api).statusCode()).isEqualTo(200);
			assertThat(api.requests()).hasSize(1);
			api.failNext(Fault.badGateway(), 10);
			api.serverClockOffset(java.time.Duration.ofHours(2));
		}

		@Test
		@Order(2)
		void second(MockWalletApi api) throws Exception {
			seen.add(api);
			assertThat(api.requests()).as("recordings of the previous test").isEmpty();
			// same nonce as the previous test, no fault left, server clock back to normal,
			// fixtures (client key, balance) kept
			assertThat(balance(api).statusCode()).isEqualTo(200);
			assertThat(api.requests()).singleElement().satisfies(r -> assertThat(r.signatureValid()).isTrue());
		}

		static java.net.http.HttpResponse<String> balance(MockWalletApi api) throws Exception {
			return new SignedClient(api, MockWalletApiTests.ID, MockWalletApiTests.KEY).send("GET",
					"wallet/2112/balance", null, "project_id=1221", SignedClient.now(), NONCE, Map.of());
		}

	}

	@ExtendWith(MockWalletApiExtension.class)
	static class SecondScenario {

		static final List<MockWalletApi> seen = new CopyOnWriteArrayList<>();

		@Test
		void only(MockWalletApi api) throws Exception {
			seen.add(api);
			assertThat(api.baseUrl()).isEqualTo("http://127.0.0.1:" + api.port() + "/rest/v1/");
			assertThat(SignedClient.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "server")).build())
				.statusCode()).isEqualTo(200);
		}

		@BeforeEach
		void beforeEach(MockWalletApi api) {
			seen.add(api);
		}

	}

	@ExtendWith(MockWalletApiExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class LeakScenario {

		static final List<MockWalletApi> seen = new CopyOnWriteArrayList<>();

		@Test
		@Order(1)
		void fails(MockWalletApi api) throws Exception {
			seen.add(api);
			SignedClient.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "server")).build());
			throw new AssertionError("this scenario test fails on purpose");
		}

		@Test
		@Order(2)
		void startsClean(MockWalletApi api) {
			seen.add(api);
			assertThat(api.requests()).isEmpty();
		}

	}

}
