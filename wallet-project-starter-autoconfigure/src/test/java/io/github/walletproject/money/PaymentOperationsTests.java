package io.github.walletproject.money;

import java.util.List;
import java.util.Map;

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

/**
 * {@link WalletPayments} against the MAC-verifying mock: create, get, cancel and find, with
 * the wire, the project in the signed {@code ext}, and the refusals.
 */
@ExtendWith(MockWalletApiExtension.class)
class PaymentOperationsTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	@Test
	void createSendsThePaymentAsDecimalsToTheBoundProject() {
		this.runner.run(context -> {
			WalletPayments payments = context.getBean(WalletPayments.class);

			Payment payment = ProjectContext.callWith("marketplace", () -> payments.create(PaymentRequest
				.of("Subscription", Money.of("5", "EUR"))
				.withCashback(Money.of("0.50", "EUR"))
				.withFreezeForHours(48)
				.withPurpose("tips")
				.withBeneficiary(WalletIdentifier.email("seller@example.com"))));

			assertThat(api).lastRequestTo("POST", "payment")
				.hasValidSignature()
				.isForProject(1222)
				.hasBodyFieldNames("", "description", "price_decimal", "currency", "cashback_decimal", "beneficiary",
						"freeze_for", "purpose")
				.hasBodyField("price_decimal", "5.00")
				.hasBodyField("cashback_decimal", "0.50")
				.hasBodyField("currency", "EUR")
				.hasBodyField("freeze_for", 48)
				.hasBodyField("beneficiary.email", "seller@example.com");
			assertThat(payment.status()).isEqualTo(PaymentStatus.NEW);
			assertThat(payment.price()).isEqualTo(Money.of("5.00", "EUR"));
			assertThat(payment.cashback()).isEqualTo(Money.of("0.50", "EUR"));
			assertThat(payment.freezeForHours()).isEqualTo(48);
			assertThat(payment.transactionKey()).isNull();
			assertThat(payment.beneficiary()).isEqualTo(WalletIdentifier.email("seller@example.com"));
		});
	}

	@Test
	void getAndCancelNameThePaymentInThePath() {
		this.runner.run(context -> {
			WalletPayments payments = context.getBean(WalletPayments.class);
			long id = ProjectContext.callWith("shop",
					() -> payments.create(PaymentRequest.of("Tote bag", Money.of("12.99", "EUR")))).id();

			Payment read = ProjectContext.callWith("shop", () -> payments.get(id));
			assertThat(api).lastRequestTo("GET", "payment/" + id).hasValidSignature().isForProject(1221);
			Payment canceled = ProjectContext.callWith("shop", () -> payments.cancel(id));

			assertThat(api).lastRequestTo("DELETE", "payment/" + id).hasValidSignature().isForProject(1221);
			assertThat(read.id()).isEqualTo(id);
			assertThat(read.description()).isEqualTo("Tote bag");
			assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
		});
	}

	@Test
	void findSendsTheFilterAsQueryAndReadsThePageWithItsMetadata() {
		this.runner.run(context -> {
			WalletPayments payments = context.getBean(WalletPayments.class);
			ProjectContext.runWith("shop", () -> {
				for (int i = 1; i <= 5; i++) {
					payments.create(PaymentRequest.of("Payment " + i, Money.of(i + ".00", "EUR")));
				}
			});
			ProjectContext.runWith("marketplace",
					() -> payments.create(PaymentRequest.of("Elsewhere", Money.of("1.00", "EUR"))));

			PaymentPage page = ProjectContext.callWith("shop",
					() -> payments.find(PaymentFilter.all().status(PaymentStatus.NEW).limit(2).offset(2)));

			assertThat(api).lastRequestTo("GET", "payments")
				.hasValidSignature()
				.isForProject(1221)
				.hasQueryParameter("status", "new")
				.hasQueryParameter("limit", "2")
				.hasQueryParameter("offset", "2")
				.doesNotHaveQueryParameter("wallet");
			assertThat(page.items()).extracting(Payment::description).containsExactly("Payment 3", "Payment 4");
			assertThat(page.total()).hasValue(5);
			assertThat(page.offset()).isEqualTo(2);
			assertThat(page.limit()).isEqualTo(2);
			assertThat(page.hasNext()).isTrue();
			assertThat(page.nextOffset()).isEqualTo(4);
			List<String> all = ProjectContext.callWith("shop",
					() -> payments.findAll(PaymentFilter.all().limit(2)).map(Payment::description).toList());
			assertThat(all).containsExactly("Payment 1", "Payment 2", "Payment 3", "Payment 4", "Payment 5");
		});
	}

	@Test
	void aRefusedCreationIsATypedErrorAndIsNotResent() {
		this.runner.run(context -> {
			WalletPayments payments = context.getBean(WalletPayments.class);
			api.failNext("POST", "payment", Fault.error(400, "invalid_parameters", "Beneficiary not found"), 1);

			assertThatExceptionOfType(WalletApiException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop",
						() -> payments.create(PaymentRequest.of("x", Money.of("1.00", "EUR"))
							.withBeneficiary(WalletIdentifier.phone("37060000000")))))
				.satisfies(ex -> {
					assertThat(ex.getErrorCode()).isEqualTo("invalid_parameters");
					assertThat(ex.getErrorDescription()).contains("Beneficiary not found");
				});
			assertThat(api).received(1).requestsTo("POST", "payment");
		});
	}

	@Test
	void anUnknownPaymentIsNotFound() {
		this.runner.run(context -> {
			WalletPayments payments = context.getBean(WalletPayments.class);

			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> payments.get(999_999)))
				.withMessageContaining("GET /rest/v1/payment/999999");
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> payments.cancel(999_999)));
		});
	}

	@Test
	void cancelingACanceledPaymentIsAnInvalidState() {
		this.runner.run(context -> {
			WalletPayments payments = context.getBean(WalletPayments.class);
			long id = ProjectContext.callWith("shop",
					() -> payments.create(PaymentRequest.of("Once", Money.of("1.00", "EUR")))).id();
			ProjectContext.runWith("shop", () -> payments.cancel(id));

			assertThatExceptionOfType(WalletApiException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> payments.cancel(id)))
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo("invalid_state"));
		});
	}

	@Test
	void aPageSizeTheApiRefusesIsRefusedBeforeAnythingIsSent() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentFilter.all().limit(201))
			.withMessageContaining("1 to 200");
		this.runner.run(context -> {
			WalletPayments payments = context.getBean(WalletPayments.class);
			api.failNext("GET", "payments", Fault.status(400,
					"{\"error\":\"invalid_parameters\",\"error_description\":\"Bad filter\",\"error_properties\":{\"status\":\"Unknown status\"}}"),
					1);
			assertThatExceptionOfType(WalletApiException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> payments.find(PaymentFilter.all())))
				.satisfies(ex -> {
					assertThat(ex.getErrorCode()).isEqualTo("invalid_parameters");
					assertThat(ex.getErrorProperties()).isEqualTo(Map.of("status", "Unknown status"));
				});
		});
	}

}
