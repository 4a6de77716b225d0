package io.github.walletproject.money;

import java.math.BigDecimal;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link WalletTransactions} against the MAC-verifying mock: what goes on the wire (method,
 * path, body fields, the bound project in the signed {@code ext}), what comes back, the
 * lifecycle new → reserved → confirmed or revoked, and how each refusal surfaces.
 */
@ExtendWith(MockWalletApiExtension.class)
class TransactionOperationsTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	private static TransactionRequest order() {
		return TransactionRequest.builder()
			.payment(PaymentRequest.of("Order #1234", Money.of("12.99", "EUR"))
				.withBeneficiary(WalletIdentifier.id(2112))
				.withParameters(Map.of("order", "1234")))
			.payment(PaymentRequest.ofItems(java.util.List.of(PaymentItem.of("Mug", Money.of("4.50", "EUR"), 2))))
			.redirectUri("https://shop.example/paid")
			.build();
	}

	@Test
	void createSendsDecimalsAndTheBoundProjectAndReadsTheTransaction() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);

			Transaction created = ProjectContext.callWith("shop", () -> transactions.create(order()));

			assertThat(api).lastRequestTo("POST", "transaction")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("", "payments", "redirect_uri")
				.hasBodyFieldNames("payments[0]", "description", "price_decimal", "currency", "beneficiary",
						"parameters")
				.hasBodyField("payments[0].description", "Order #1234")
				.hasBodyField("payments[0].price_decimal", "12.99")
				.hasBodyFieldAsDecimal("payments[0].price_decimal", "12.99")
				.hasBodyField("payments[0].currency", "EUR")
				.hasBodyField("payments[0].beneficiary.id", 2112)
				.hasBodyField("payments[0].parameters.order", "1234")
				.hasBodyFieldNames("payments[1].items[0]", "title", "price_decimal", "currency", "quantity")
				.hasBodyField("payments[1].items[0].price_decimal", "4.50")
				.hasBodyField("payments[1].items[0].quantity", 2)
				.hasBodyField("redirect_uri", "https://shop.example/paid")
				.doesNotHaveBodyField("project_id");
			assertThat(created.status()).isEqualTo(TransactionStatus.NEW);
			assertThat(created.projectId()).isEqualTo(1221);
			assertThat(created.key()).matches("[A-Za-z0-9]{8}");
			assertThat(created.payments()).hasSize(2);
			Payment first = created.payments().get(0);
			assertThat(first.price()).isEqualTo(Money.of("12.99", "EUR"));
			assertThat(first.price().amount()).isEqualByComparingTo(new BigDecimal("12.99"));
			assertThat(first.status()).isEqualTo(PaymentStatus.NEW);
			assertThat(first.beneficiary()).isEqualTo(WalletIdentifier.id(2112));
			assertThat(first.transactionKey()).isEqualTo(created.key());
			assertThat(created.payments().get(1).price()).isEqualTo(Money.of("9.00", "EUR"));
			assertThat(created.payments().get(1).items()).singleElement()
				.satisfies(item -> assertThat(item.title()).isEqualTo("Mug"));
			assertThat(created.redirectUri()).isEqualTo("https://shop.example/paid");
		});
	}

	@Test
	void getReadsTheTransactionByKeyInItsProject() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			Transaction created = ProjectContext.callWith("marketplace", () -> transactions.create(order()));

			Transaction read = ProjectContext.callWith("marketplace", () -> transactions.get(created.key()));

			assertThat(api).lastRequestTo("GET", "transaction/" + created.key()).hasValidSignature().isForProject(1222);
			assertThat(read.key()).isEqualTo(created.key());
			assertThat(read.payments()).extracting(Payment::id).isEqualTo(created.payments().stream().map(Payment::id).toList());
		});
	}

	@Test
	void aTransactionAcceptedByItsPayerIsConfirmedInItsProject() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			String key = ProjectContext.callWith("shop", () -> transactions.create(order())).key();
			api.acceptTransaction(key, MoneyTestApps.MY_WALLET);

			Transaction confirmed = ProjectContext.callWith("shop", () -> transactions.confirm(key));

			assertThat(api).lastRequestTo("PUT", "transaction/" + key + "/confirm")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("");
			assertThat(confirmed.status()).isEqualTo(TransactionStatus.CONFIRMED);
			assertThat(confirmed.confirmedAt()).isNotNull();
			assertThat(confirmed.walletId()).isEqualTo(MoneyTestApps.MY_WALLET);
			assertThat(confirmed.payments()).extracting(Payment::status).containsOnly(PaymentStatus.CONFIRMED);
			assertThat(api.transactionStatus(key)).contains("confirmed");
		});
	}

	@Test
	void confirmingWithAFinalPriceSendsItInCentsKeyedByPayment() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			Transaction created = ProjectContext.callWith("shop", () -> transactions.create(order()));
			long paymentId = created.payments().get(0).id();
			api.acceptTransaction(created.key(), MoneyTestApps.MY_WALLET);

			Transaction confirmed = ProjectContext.callWith("shop",
					() -> transactions.confirm(created.key(), FinalPrices.of(paymentId, Money.of("10", "EUR"))));

			assertThat(api).lastRequestTo("PUT", "transaction/" + created.key() + "/confirm")
				.isForProject(1221)
				.hasBodyFieldNames("", Long.toString(paymentId))
				.hasBodyFieldNames("['" + paymentId + "']", "price", "currency")
				.hasBodyField("['" + paymentId + "'].price", 1000)
				.hasBodyField("['" + paymentId + "'].currency", "EUR");
			assertThat(confirmed.payment(paymentId).orElseThrow().price()).isEqualTo(Money.of("10.00", "EUR"));
			assertThat(confirmed.payments().get(1).price()).isEqualTo(Money.of("9.00", "EUR"));
		});
	}

	@Test
	void revokeSendsADeleteAndReadsTheRevokedTransaction() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			String key = ProjectContext.callWith("shop", () -> transactions.create(order())).key();

			Transaction revoked = ProjectContext.callWith("shop", () -> transactions.revoke(key));

			assertThat(api).lastRequestTo("DELETE", "transaction/" + key).hasValidSignature().isForProject(1221);
			assertThat(api.requests()).filteredOn(r -> r.method().equals("DELETE"))
				.singleElement()
				.satisfies(r -> assertThat(r.body()).isEmpty());
			assertThat(revoked.status()).isEqualTo(TransactionStatus.REVOKED);
			assertThat(revoked.payments()).extracting(Payment::status).containsOnly(PaymentStatus.REVOKED);
		});
	}

	@Test
	void anUnknownKeyIsNotFound() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);

			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> transactions.get("nosuchkey")))
				.satisfies(ex -> {
					assertThat(ex.getErrorCode()).isEqualTo("not_found");
					assertThat(ex.getStatus()).isEqualTo(404);
					assertThat(ex.getMessage()).contains("GET /rest/v1/transaction/nosuchkey");
				});
		});
	}

	@Test
	void anotherProjectsTransactionIsNotFound() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			String key = ProjectContext.callWith("shop", () -> transactions.create(order())).key();

			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("marketplace", () -> transactions.revoke(key)));
			assertThat(api).lastRequestTo("DELETE", "transaction/" + key).isForProject(1222).hasStatus(404);
			assertThat(api.transactionStatus(key)).contains("new");
		});
	}

	@Test
	void confirmingWhatThePayerHasNotAcceptedIsAnInvalidState() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			String key = ProjectContext.callWith("shop", () -> transactions.create(order())).key();

			assertThatExceptionOfType(WalletApiException.InvalidState.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> transactions.confirm(key)))
				.satisfies(ex -> {
					assertThat(ex.getErrorCode()).isEqualTo("invalid_state");
					assertThat(ex.getStatus()).isEqualTo(409);
					assertThat(ex.getErrorDescription()).hasValueSatisfying(d -> assertThat(d).contains("reserved"));
				});
			assertThat(api.transactionStatus(key)).contains("new");
		});
	}

	@Test
	void aFinalPriceAboveTheReservedOneIsRefusedByTheApi() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			Transaction created = ProjectContext.callWith("shop", () -> transactions.create(order()));
			api.acceptTransaction(created.key(), MoneyTestApps.MY_WALLET);
			FinalPrices higher = FinalPrices.of(created.payments().get(0).id(), Money.of("15.00", "EUR"));

			assertThatExceptionOfType(WalletApiException.InvalidParameters.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> transactions.confirm(created.key(), higher)))
				.satisfies(ex -> {
					assertThat(ex.getErrorCode()).isEqualTo("invalid_parameters");
					assertThat(ex.getErrorProperties())
						.containsEntry(created.payments().get(0).id() + ".price", "cannot exceed the reserved price");
				});
			assertThat(api.transactionStatus(created.key())).contains("reserved");
		});
	}

	@Test
	void aTransactionTheApiRefusesIsAnInvalidParametersErrorAndNothingIsCreated() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			TransactionRequest unknownPayment = TransactionRequest.builder().paymentId(999_999).build();

			assertThatExceptionOfType(WalletApiException.InvalidParameters.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> transactions.create(unknownPayment)))
				.satisfies(ex -> {
					assertThat(ex.getErrorCode()).isEqualTo("invalid_parameters");
					assertThat(ex.getStatus()).isEqualTo(400);
				});
			assertThat(api).lastRequestTo("POST", "transaction").isForProject(1221).hasBodyField("payments[0]", 999_999);
			assertThat(api.createdTransactions()).isEmpty();
		});
	}

	@Test
	void anErrorKeepsItsUriDataAndPropertiesAndIsTypedByItsCode() {
		this.runner.run(context -> {
			WalletTransactions transactions = context.getBean(WalletTransactions.class);
			String key = ProjectContext.callWith("shop", () -> transactions.create(order())).key();
			api.failNext("PUT", "transaction/" + key + "/confirm", Fault.status(409, """
					{"error":"invalid_state","error_description":"Transaction is not reserved",
					 "error_uri":"https://developers.paysera.com/en/wallet/errors#invalid_state",
					 "error_properties":{"status":"new"},"error_data":{"confirm_url":"https://pay.example/k"}}"""),
					1);

			assertThatExceptionOfType(WalletApiException.InvalidState.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> transactions.confirm(key)))
				.satisfies(ex -> {
					assertThat(ex.getStatus()).isEqualTo(409);
					assertThat(ex.getErrorUri()).contains("https://developers.paysera.com/en/wallet/errors#invalid_state");
					assertThat(ex.getErrorData()).containsEntry("confirm_url", "https://pay.example/k");
					assertThat(ex.getErrorProperties()).containsEntry("status", "new");
					assertThat(ex).hasMessageContaining("(see https://developers.paysera.com/en/wallet/errors");
				})
				.isInstanceOf(WalletApiException.class);
			assertThat(api).lastRequestTo("PUT", "transaction/" + key + "/confirm").hasValidSignature()
				.isForProject(1221);
		});
	}

	@Test
	void anAmountWithAFractionOfACentIsRefusedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentRequest.of("Too precise", Money.of("12.999", "EUR")))
			.withMessageContaining("12.999")
			.withMessageContaining("whole cents");
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionRequest.builder().build())
			.withMessageContaining("at least one payment");
		assertThat(api).receivedNothing();
	}

}
