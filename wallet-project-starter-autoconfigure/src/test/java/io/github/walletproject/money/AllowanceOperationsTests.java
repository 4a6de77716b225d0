package io.github.walletproject.money;

import java.time.Duration;
import java.time.Instant;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link WalletAllowances} against the MAC-verifying mock.
 */
@ExtendWith(MockWalletApiExtension.class)
class AllowanceOperationsTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	@Test
	void createSendsOneCurrencyAndAmountsInCents() {
		this.runner.run(context -> {
			WalletAllowances allowances = context.getBean(WalletAllowances.class);

			Allowance allowance = ProjectContext.callWith("shop", () -> allowances.create(AllowanceRequest
				.upTo(Money.of("50", "EUR"))
				.withLimit(Money.of("10.00", "EUR"), Duration.ofHours(24))
				.withDescription("Monthly plan")
				.validForHours(720)));

			assertThat(api).lastRequestTo("POST", "allowance")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("", "description", "currency", "max_price", "valid_for", "limits")
				.hasBodyField("currency", "EUR")
				.hasBodyField("max_price", 5000)
				.hasBodyField("valid_for", 720)
				.hasBodyFieldNames("limits[0]", "max_price", "time")
				.hasBodyField("limits[0].max_price", 1000)
				.hasBodyField("limits[0].time", 86400);
			assertThat(allowance.status()).isEqualTo(AllowanceStatus.NEW);
			assertThat(allowance.maxPrice()).isEqualTo(Money.of("50.00", "EUR"));
			assertThat(allowance.limits()).containsExactly(new AllowanceLimit(Money.of("10.00", "EUR"), Duration.ofHours(24)));
			assertThat(allowance.validForHours()).isEqualTo(720);
			assertThat(allowance.description()).isEqualTo("Monthly plan");
		});
	}

	@Test
	void aDailyLimitTravelsAsSecondsAndReadsBackAsADay() {
		this.runner.run(context -> {
			WalletAllowances allowances = context.getBean(WalletAllowances.class);

			Allowance allowance = ProjectContext.callWith("shop", () -> allowances
				.create(AllowanceRequest.limitedTo(Money.of("10.00", "EUR"), Duration.ofHours(24))));

			assertThat(api).lastRequestTo("POST", "allowance")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("limits[0]", "max_price", "time")
				.hasBodyField("limits[0].time", 86400)
				.hasBodyFieldInSeconds("limits[0].time", Duration.ofDays(1));
			assertThat(allowance.limits()).containsExactly(new AllowanceLimit(Money.of("10.00", "EUR"), Duration.ofHours(24)));
			// the test kit's unit assertion names the unit when a body holds another one
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(api).lastRequestTo("POST", "allowance")
					.hasBodyFieldInSeconds("limits[0].time", Duration.ofHours(24).dividedBy(3600)))
				.withMessageContaining("in seconds <24>");
		});
	}

	@Test
	void aLegacyPeriodIsReadAsHours() {
		api.respond("GET", "allowance/777", 200, """
				{"id": 777, "status": "active", "created_at": 1700000000, "currency": "EUR",
				 "limits": [{"max_price": 1000, "period": 24}, {"max_price": 2000, "time": 604800}]}""");
		this.runner.run(context -> {
			WalletAllowances allowances = context.getBean(WalletAllowances.class);

			Allowance allowance = ProjectContext.callWith("shop", () -> allowances.get(777));

			assertThat(api).lastRequestTo("GET", "allowance/777").hasValidSignature().isForProject(1221);
			assertThat(allowance.limits()).containsExactly(new AllowanceLimit(Money.of("10.00", "EUR"), Duration.ofHours(24)),
					new AllowanceLimit(Money.of("20.00", "EUR"), Duration.ofDays(7)));
		});
	}

	@Test
	void getAndCancelNameTheAllowanceInThePath() {
		this.runner.run(context -> {
			WalletAllowances allowances = context.getBean(WalletAllowances.class);
			Instant until = Instant.parse("2030-01-01T00:00:00Z");
			long id = ProjectContext.callWith("marketplace",
					() -> allowances.create(AllowanceRequest.upTo(Money.of("20.00", "EUR")).validUntil(until))).id();
			assertThat(api).lastRequestTo("POST", "allowance").hasBodyField("valid_until", until.getEpochSecond());

			Allowance read = ProjectContext.callWith("marketplace", () -> allowances.get(id));
			assertThat(api).lastRequestTo("GET", "allowance/" + id).hasValidSignature().isForProject(1222);
			Allowance canceled = ProjectContext.callWith("marketplace", () -> allowances.cancel(id));

			assertThat(api).lastRequestTo("DELETE", "allowance/" + id).hasValidSignature().isForProject(1222);
			assertThat(read.validUntil()).isEqualTo(until);
			assertThat(canceled.status()).isEqualTo(AllowanceStatus.DELETED);
		});
	}

	@Test
	void anUnknownAllowanceIsNotFoundAndCancelingTwiceIsAnInvalidState() {
		this.runner.run(context -> {
			WalletAllowances allowances = context.getBean(WalletAllowances.class);
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> allowances.get(4242)));
			long id = ProjectContext.callWith("shop",
					() -> allowances.create(AllowanceRequest.upTo(Money.of("1.00", "EUR")))).id();
			ProjectContext.runWith("shop", () -> allowances.cancel(id));

			assertThatExceptionOfType(WalletApiException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> allowances.cancel(id)))
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo("invalid_state"));
			// another project cannot see it
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("marketplace", () -> allowances.get(id)));
		});
	}

	@Test
	void aRateLimitedCreationIsARateLimitExceptionAndIsNotResent() {
		this.runner.run(context -> {
			WalletAllowances allowances = context.getBean(WalletAllowances.class);
			api.failNext("POST", "allowance", Fault.rateLimited(java.time.Duration.ofSeconds(7)), 1);

			assertThatExceptionOfType(WalletApiException.RateLimit.class)
				.isThrownBy(() -> ProjectContext.runWith("shop",
						() -> allowances.create(AllowanceRequest.upTo(Money.of("5.00", "EUR")))))
				.satisfies(ex -> assertThat(ex.getRetryAfter()).contains(java.time.Duration.ofSeconds(7)));
			assertThat(api).received(1).requestsTo("POST", "allowance");
		});
	}

	@Test
	void mixedCurrenciesAreRefusedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AllowanceRequest.upTo(Money.of("50", "EUR")).withLimit(Money.of("10", "USD"), Duration.ofHours(24)))
			.withMessageContaining("one currency");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AllowanceRequest.limitedTo(Money.of("10", "EUR"), Duration.ofMillis(1500)))
			.withMessageContaining("whole seconds");
		assertThat(api).receivedNothing();
	}

}
