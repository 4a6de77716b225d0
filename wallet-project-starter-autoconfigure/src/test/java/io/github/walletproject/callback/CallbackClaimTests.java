package io.github.walletproject.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.walletproject.support.ShiftedClock;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockCallbacks;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate check's two states on one instance without a shared cache: an event whose
 * listener still runs is "in progress" (a retry gets 503, never a 200 that would end it), it is
 * "done" only once the listeners returned, and an in-progress claim lapses after
 * {@code paysera.wallet.callbacks.in-progress-lease} so that a claim nobody finishes never
 * blocks the event for good.
 */
@ExtendWith({ MockWalletApiExtension.class, OutputCaptureExtension.class })
class CallbackClaimTests {

	static MockWalletApi api;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final ExecutorService background = Executors.newCachedThreadPool();

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@BeforeEach
	void resetMock() {
		api.reset();
		api.callbacks().clear();
	}

	@AfterEach
	void close() {
		this.background.shutdownNow();
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext app(String... extra) {
		ConfigurableApplicationContext context = CallbackApps.start(api, extra);
		this.contexts.add(context);
		return context;
	}

	private static String data(String key) {
		return "{\"transaction_key\":\"" + key + "\",\"status\":\"failed\",\"created_at\":1700000000,"
				+ "\"project_id\":1221,\"payments\":[]}";
	}

	@Test
	void aRetryWhileTheListenerStillRunsGets503AndOnceItReturnedADuplicate() throws Exception {
		ConfigurableApplicationContext app = app();
		String uri = CallbackApps.callbackUri(app);
		CallbackApps.Listener listener = app.getBean(CallbackApps.Listener.class);
		CountDownLatch release = listener.holdNext();

		Future<MockCallbacks.Delivery> first = this.background
			.submit(() -> api.callbacks().deliver(uri, "transaction", "failed", data("claim001")));
		assertThat(listener.entered.await(20, TimeUnit.SECONDS)).isTrue();
		MockCallbacks.Delivery retry = api.callbacks().deliver(uri, "transaction", "failed", data("claim001"));

		assertThat(retry.status()).isEqualTo(503);
		assertThat(CallbackApps.outcomes(app, "in_progress")).isEqualTo(1);
		assertThat(CallbackApps.outcomes(app, "duplicate")).isZero();

		release.countDown();
		assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
		MockCallbacks.Delivery later = api.callbacks().deliver(uri, "transaction", "failed", data("claim001"));

		assertThat(later.status()).isEqualTo(200);
		assertThat(CallbackApps.outcomes(app, "duplicate")).isEqualTo(1);
		assertThat(listener.seen).hasSize(1);
	}

	@Test
	void anInProgressClaimNobodyFinishesLapsesAfterTheDefaultLeaseOfFiveMinutes() throws Exception {
		ShiftedClock clock = new ShiftedClock();
		ConfigurableApplicationContext app = CallbackApps.start(api, clock);
		this.contexts.add(app);
		String uri = CallbackApps.callbackUri(app);
		CallbackApps.Listener listener = app.getBean(CallbackApps.Listener.class);
		CountDownLatch release = listener.holdNext();

		Future<MockCallbacks.Delivery> stuck = this.background
			.submit(() -> api.callbacks().deliver(uri, "transaction", "failed", data("claim002")));
		assertThat(listener.entered.await(20, TimeUnit.SECONDS)).isTrue();
		clock.advance(Duration.ofMinutes(4));
		assertThat(api.callbacks().deliver(uri, "transaction", "failed", data("claim002")).status()).isEqualTo(503);
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		MockCallbacks.Delivery afterTheLease = api.callbacks().deliver(uri, "transaction", "failed", data("claim002"));

		// the first listener still hangs (a dead instance's would never return): the retry is handled
		assertThat(afterTheLease.status()).isEqualTo(200);
		assertThat(listener.seen).hasSize(1);
		release.countDown();
		stuck.get(20, TimeUnit.SECONDS);
	}

	@Test
	void theLeaseIsAPropertyAndAListenerThatOutlivesItIsLoggedNamingIt(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext app = app("paysera.wallet.callbacks.in-progress-lease=1s");
		String uri = CallbackApps.callbackUri(app);
		CallbackApps.Listener listener = app.getBean(CallbackApps.Listener.class);
		CountDownLatch release = listener.holdNext();

		Future<MockCallbacks.Delivery> slow = this.background
			.submit(() -> api.callbacks().deliver(uri, "transaction", "failed", data("claim003")));
		assertThat(listener.entered.await(20, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(1_500);
		MockCallbacks.Delivery afterTheLease = api.callbacks().deliver(uri, "transaction", "failed", data("claim003"));

		assertThat(afterTheLease.status()).isEqualTo(200);
		assertThat(listener.seen).hasSize(1);
		release.countDown();
		assertThat(slow.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(output).contains("outlived paysera.wallet.callbacks.in-progress-lease");
	}

	@Test
	void aLeaseThatIsNotShorterThanTheDuplicateWindowStopsTheApplication() {
		org.assertj.core.api.Assertions
			.assertThatException()
			.isThrownBy(() -> app("paysera.wallet.callbacks.in-progress-lease=2d"))
			.withStackTraceContaining("paysera.wallet.callbacks.in-progress-lease is PT48H")
			.withStackTraceContaining("paysera.wallet.callbacks.duplicate-window");
	}

}
