package io.github.walletproject.money;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * What a merchant does after creating a transaction, against the MAC-verifying mock: reserve it
 * for the payer (allowance or PIN), finalize and freeze payments, the payer's active allowance
 * and its limit, listing transactions, and the transaction and statement fields that go with
 * them. Each checks method, path, body field names and units, and {@code project_id}, and the
 * typed error of a refusal.
 */
@ExtendWith(MockWalletApiExtension.class)
class MerchantOperationsTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock).pin(MoneyTestApps.MY_WALLET, "1234");
	}

	private static TransactionRequest order(String amount) {
		return TransactionRequest.of(PaymentRequest.of("Order", Money.of(amount, "EUR")));
	}

	/** The payer accepts a first transaction that carries an allowance: it becomes active. */
	private static void activateAllowance(WalletTransactions transactions, String maxPrice) {
		Transaction first = ProjectContext.callWith("shop", () -> transactions.create(TransactionRequest.builder()
			.payment(PaymentRequest.of("Plan", Money.of("1.00", "EUR")))
			.allowance(AllowanceRequest.upTo(Money.of(maxPrice, "EUR")).withLimit(Money.of("20.00", "EUR"),
					Duration.ofDays(1)), false)
			.build()));
		api.acceptTransaction(first.key(), MoneyTestApps.MY_WALLET);
	}

	@Test
	void aTransactionReservedWithTheAllowanceGoesToTheWalletInThePathAndCanThenBeConfirmed() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			activateAllowance(transactions, "50.00");
			String key = ProjectContext.callWith("shop", () -> transactions.create(order("12.99"))).key();

			Transaction reserved = ProjectContext.callWith("shop",
					() -> transactions.reserve(key, Reservation.byAllowance(WalletIdentifier.id(MoneyTestApps.MY_WALLET))));

			assertThat(api).lastRequestTo("PUT", "transaction/" + key + "/reserve/" + MoneyTestApps.MY_WALLET)
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("");
			assertThat(reserved.status()).isEqualTo(TransactionStatus.RESERVED);
			assertThat(reserved.walletId()).isEqualTo(MoneyTestApps.MY_WALLET);
			Transaction confirmed = ProjectContext.callWith("shop", () -> transactions.confirm(key));
			assertThat(confirmed.status()).isEqualTo(TransactionStatus.CONFIRMED);
			// a reserved (here: confirmed) transaction cannot be reserved again
			assertThatExceptionOfType(WalletApiException.InvalidState.class).isThrownBy(() -> ProjectContext.runWith("shop",
					() -> transactions.reserve(key, Reservation.byAllowance(WalletIdentifier.id(MoneyTestApps.MY_WALLET)))));
		});
	}

	@Test
	void aTransactionReservedWithAPinNamesAnEmailPayerInTheBodyAndAWrongPinNamesThePin() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			String key = ProjectContext.callWith("marketplace", () -> transactions.create(order("5.00"))).key();
			Reservation wrong = Reservation.withPin(WalletIdentifier.email("jane@example.com"), "0000");

			assertThatExceptionOfType(WalletApiException.InvalidParameters.class)
				.isThrownBy(() -> ProjectContext.runWith("marketplace", () -> transactions.reserve(key, wrong)))
				.satisfies(ex -> assertThat(ex.getErrorProperties()).containsKey("pin"))
				.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("0000"));
			assertThat(wrong.toString()).doesNotContain("0000");

			Transaction reserved = ProjectContext.callWith("marketplace",
					() -> transactions.reserve(key, Reservation.withPin(WalletIdentifier.email("jane@example.com"), "1234")
						.withFundsSource(new FundsSource("buy", null))));

			assertThat(api).lastRequestTo("PUT", "transaction/" + key + "/reserve")
				.hasValidSignature()
				.isForProject(1222)
				.hasBodyFieldNames("", "payer", "pin", "funds_sources")
				.hasBodyField("payer.email", "jane@example.com")
				.hasBodyField("funds_sources[0].type", "buy");
			assertThat(reserved.status()).isEqualTo(TransactionStatus.RESERVED);
		});
	}

	@Test
	void withoutAnActiveAllowanceAReservationIsAnInvalidState() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			String key = ProjectContext.callWith("marketplace", () -> transactions.create(order("5.00"))).key();

			assertThatExceptionOfType(WalletApiException.InvalidState.class).isThrownBy(() -> ProjectContext.runWith(
					"marketplace", () -> transactions.reserve(key, Reservation.byAllowance(WalletIdentifier.id(4711)))));
			assertThat(api.transactionStatus(key)).contains("new");
		});
	}

	@Test
	void aConfirmedPaymentIsFrozenAndFinalizedForLessAndAFinalizedPaymentCannotBeCancelled() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			WalletPayments payments = context.getBean(WalletPayments.class);
			Transaction created = ProjectContext.callWith("shop", () -> transactions.create(order("12.99")));
			long paymentId = created.payments().get(0).id();
			assertThatExceptionOfType(WalletApiException.InvalidState.class)
				.as("a new payment cannot be finalized")
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> payments.finalize(paymentId)));
			api.acceptTransaction(created.key(), MoneyTestApps.MY_WALLET);
			ProjectContext.runWith("shop", () -> transactions.confirm(created.key()));
			Instant until = Instant.parse("2031-01-01T00:00:00Z");

			Payment frozen = ProjectContext.callWith("shop", () -> payments.freeze(paymentId, FreezePeriod.until(until)));
			assertThat(api).lastRequestTo("PUT", "payment/" + paymentId + "/freeze")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("", "freeze_until")
				.hasBodyField("freeze_until", until.getEpochSecond());
			assertThat(frozen.freezeUntil()).isEqualTo(until);
			assertThatExceptionOfType(WalletApiException.InvalidParameters.class)
				.isThrownBy(() -> ProjectContext.runWith("shop",
						() -> payments.finalize(paymentId, FinalPrice.of(Money.of("13.00", "EUR")))))
				.satisfies(ex -> assertThat(ex.getErrorProperties()).containsKey("price"));

			Payment finalized = ProjectContext.callWith("shop",
					() -> payments.finalize(paymentId, FinalPrice.of(Money.of("10.00", "EUR"))));

			assertThat(api).lastRequestTo("PUT", "payment/" + paymentId + "/finalize")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("", "price", "currency")
				.hasBodyField("price", 1000)
				.hasBodyField("currency", "EUR");
			assertThat(finalized.status()).isEqualTo(PaymentStatus.DONE);
			assertThat(finalized.price()).isEqualTo(Money.of("10.00", "EUR"));
			assertThatExceptionOfType(WalletApiException.InvalidState.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> payments.cancel(paymentId)));
		});
	}

	@Test
	void theActiveAllowanceOfAWalletIsReadLimitedAndCancelled() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			WalletAllowances allowances = context.getBean(WalletAllowances.class);
			activateAllowance(transactions, "50.00");

			Allowance active = ProjectContext.callWith("shop", () -> allowances.active(MoneyTestApps.MY_WALLET));
			assertThat(api).lastRequestTo("GET", "allowance/active/" + MoneyTestApps.MY_WALLET)
				.hasValidSignature()
				.isForProject(1221);
			assertThat(active.status()).isEqualTo(AllowanceStatus.ACTIVE);
			assertThat(active.walletId()).isEqualTo(MoneyTestApps.MY_WALLET);
			assertThat(active.limits()).containsExactly(new AllowanceLimit(Money.of("20.00", "EUR"), Duration.ofDays(1)));

			AllowanceLimitLeft left = ProjectContext.callWith("shop", () -> allowances.limit(MoneyTestApps.MY_WALLET, "EUR"));
			assertThat(api).lastRequestTo("GET", "allowance/limit/" + MoneyTestApps.MY_WALLET)
				.hasValidSignature()
				.isForProject(1221)
				.hasQueryParameter("currency", "EUR");
			assertThat(left.amount()).isEqualTo(Money.of("50.00", "EUR"));
			assertThatExceptionOfType(WalletApiException.InvalidParameters.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> allowances.limit(MoneyTestApps.MY_WALLET, "USD")))
				.satisfies(ex -> assertThat(ex.getErrorProperties()).containsKey("currency"));
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.as("another project's allowance is not this project's")
				.isThrownBy(() -> ProjectContext.runWith("marketplace", () -> allowances.active(MoneyTestApps.MY_WALLET)));

			Allowance cancelled = ProjectContext.callWith("shop", () -> allowances.cancelActive(MoneyTestApps.MY_WALLET));
			assertThat(api).lastRequestTo("DELETE", "allowance/active/" + MoneyTestApps.MY_WALLET)
				.hasValidSignature()
				.isForProject(1221);
			assertThat(cancelled.status()).isEqualTo(AllowanceStatus.DELETED);
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> allowances.active(MoneyTestApps.MY_WALLET)));
		});
	}

	@Test
	void transactionsAreListedForTheBoundProjectPagedLikeStatements() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			for (int i = 0; i < 3; i++) {
				ProjectContext.runWith("shop", () -> transactions.create(order("1.00")));
			}
			ProjectContext.runWith("marketplace", () -> transactions.create(order("1.00")));

			TransactionPage page = ProjectContext.callWith("shop",
					() -> transactions.find(TransactionFilter.all().status(TransactionStatus.NEW).limit(2)));

			assertThat(api).lastRequestTo("GET", "transactions")
				.hasValidSignature()
				.isForProject(1221)
				.hasQueryParameter("status", "new")
				.hasQueryParameter("limit", "2")
				.doesNotHaveQueryParameter("project_id");
			assertThat(page.items()).hasSize(2).allSatisfy(t -> assertThat(t.projectId()).isEqualTo(1221));
			assertThat(page.total()).hasValue(3);
			assertThat(page.hasNext()).isTrue();
			List<Transaction> all = ProjectContext.callWith("shop",
					() -> transactions.findAll(TransactionFilter.all().limit(2)).toList());
			assertThat(all).hasSize(3);
			assertThatIllegalArgumentException().isThrownBy(() -> TransactionFilter.all().limit(0));
			api.failNext("GET", "transactions", Fault.error(400, "invalid_parameters", "from is invalid"), 1);
			assertThatExceptionOfType(WalletApiException.InvalidParameters.class).isThrownBy(
					() -> ProjectContext.runWith("shop", () -> transactions.find(TransactionFilter.all())));
		});
	}

	@Test
	void allowanceFlagsAndTheReservePeriodTravelAsTheClientsSendThemAndReadBack() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			Instant until = Instant.parse("2030-06-01T00:00:00Z");

			Transaction created = ProjectContext.callWith("shop", () -> transactions.create(TransactionRequest.builder()
				.payment(PaymentRequest.of("Order", Money.of("3.00", "EUR")))
				.useAllowance(true)
				.suggestAllowance(false)
				.reserveUntil(until)
				.build()));

			assertThat(api).lastRequestTo("POST", "transaction")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("", "payments", "reserve_until", "use_allowance", "suggest_allowance")
				.hasBodyField("use_allowance", true)
				.hasBodyField("suggest_allowance", false)
				.hasBodyField("reserve_until", until.getEpochSecond());
			assertThat(created.useAllowance()).isTrue();
			assertThat(created.suggestAllowance()).isFalse();
			assertThat(created.reserveUntil()).as("reserve.until").isEqualTo(until);
			assertThat(created.reserveForHours()).isNull();
		});
	}

	@Test
	void statementsReadTheirReferenceNumberAndAutomaticPayments() {
		api.respond("GET", "wallet/2113/statements", 200, """
				{"statements":[{"id":9,"amount":1500,"currency":"EUR","date":1700000000,"direction":"out",
				 "type":"automatic_payment","reference_number":"RF18539007547034"}],
				 "_metadata":{"total":1,"offset":0,"limit":20}}""");
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			StatementPage page = ProjectContext.callWith("marketplace",
					() -> wallets.statements(2113, StatementFilter.all()));

			assertThat(api).lastRequestTo("GET", "wallet/2113/statements").hasValidSignature().isForProject(1222);
			Statement statement = page.items().get(0);
			assertThat(statement.type()).isEqualTo(StatementType.AUTOMATIC_PAYMENT);
			assertThat(statement.referenceNumber()).isEqualTo("RF18539007547034");
			assertThat(statement.amount()).isEqualTo(Money.of("15.00", "EUR"));
		});
	}

}
