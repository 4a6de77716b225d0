package io.github.walletproject.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.walletproject.WalletResponseException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The API's conventions in one place: money in cents or {@code *_decimal}, Unix seconds,
 * tolerant statuses, and request bodies as the API names them. Read with a strict mapper
 * (unknown properties fail) to prove the records do not depend on the application's settings.
 */
class MoneyJsonTests {

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	@Test
	void moneyKeepsTwoDecimalsAndCountsCents() {
		assertThat(Money.of("12.9", "EUR")).isEqualTo(Money.of("12.90", "EUR")).isEqualTo(Money.ofCents(1290, "EUR"));
		assertThat(Money.of("12.900", "EUR").cents()).isEqualTo(1290);
		assertThat(Money.of("1000", "JPY").cents()).as("cents for every currency, JPY too").isEqualTo(100_000);
		assertThat(Money.ofCents(1234, "KWD").amount()).isEqualByComparingTo("12.34");
		assertThat(Money.of("12.99", "EUR")).hasToString("12.99 EUR");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("0.005", "EUR").cents())
			.withMessageContaining("whole cents");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "eur")).withMessageContaining("'eur'");
	}

	@Test
	void aDecimalFieldWinsOverCentsAndCentsAreDividedByOneHundred() {
		Payment payment = this.json.readValue("""
				{"id":1,"transaction_key":"k","status":"new","created_at":1355314332,"price":1999,
				 "price_decimal":"19.99","currency":"EUR","cashback":50,"wallet":14471}
				""", Payment.class);
		Payment centsOnly = this.json.readValue("""
				{"id":2,"status":"new","created_at":1355314332,"price":150000,"currency":"JPY"}
				""", Payment.class);

		assertThat(payment.price()).isEqualTo(Money.of("19.99", "EUR"));
		assertThat(payment.cashback()).isEqualTo(Money.of("0.50", "EUR"));
		assertThat(payment.createdAt()).isEqualTo(Instant.ofEpochSecond(1355314332));
		assertThat(payment.walletId()).isEqualTo(14471);
		assertThat(centsOnly.price()).isEqualTo(Money.of("1500.00", "JPY"));
	}

	@Test
	void statusesTheClientDoesNotKnowReadAsUnknown() {
		Transaction transaction = this.json.readValue("""
				{"transaction_key":"k","status":"on_hold","type":"voice","created_at":1,"payments":[
				 {"id":1,"status":"escrowed","created_at":1,"price":100,"currency":"EUR"}],"callback_uri":false,
				 "some_new_field":{"x":1}}
				""", Transaction.class);

		assertThat(transaction.status()).isEqualTo(TransactionStatus.UNKNOWN);
		assertThat(transaction.type()).isEqualTo(TransactionType.UNKNOWN);
		assertThat(transaction.payments().get(0).status()).isEqualTo(PaymentStatus.UNKNOWN);
		assertThat(transaction.callbackUri()).as("callbacks disabled").isNull();
		assertThat(TransactionStatus.fromWireValue("reserved")).isEqualTo(TransactionStatus.RESERVED);
		assertThat(TransactionStatus.fromWireValue(null)).isEqualTo(TransactionStatus.UNKNOWN);
		assertThat(StatementDirection.fromWireValue("in")).isEqualTo(StatementDirection.IN);
	}

	@Test
	void aMissingRequiredFieldOrAnUnusableValueFailsTheReadWithTheFieldNamed() {
		// MoneyExchangeAdapter makes these WalletResponseExceptions naming the operation
		// (TransactionOperationsTests, PaymentOperationsTests); here the bare mapper shows the cause
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue("{\"status\":\"new\",\"created_at\":1}", Transaction.class))
			.havingRootCause()
			.isInstanceOf(WalletResponseException.class)
			.withMessageContaining("has no \"transaction.transaction_key\"");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue("{\"id\":1,\"created_at\":1,\"price\":100}", Payment.class))
			.havingRootCause()
			.withMessageContaining("payment.price without a currency");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue("""
					{"id":1,"created_at":1,"price":100,"currency":"EUR",
					 "items":[{"title":"Mug","price":100,"quantity":0}]}""", Payment.class))
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("quantity");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue("{\"id\":1,\"created_at\":1,\"currency\":\"EUR\"}", Payment.class))
			.havingRootCause()
			.isInstanceOf(WalletResponseException.class)
			.withMessageContaining("has no \"payment.price\"");
	}

	@Test
	void walletIdentifiersReadFromAnIdOrAnObjectAndWriteAsOneField() {
		assertThat(this.json.readValue("14471", WalletIdentifier.class)).isEqualTo(WalletIdentifier.id(14471));
		assertThat(this.json.readValue("{\"phone\":\"37060000000\"}", WalletIdentifier.class))
			.isEqualTo(WalletIdentifier.phone("37060000000"));
		assertThat(this.json.writeValueAsString(WalletIdentifier.email("a@example.com")))
			.isEqualTo("{\"email\":\"a@example.com\"}");
	}

	@Test
	void requestsAreWrittenAsTheApiNamesThemWithoutNulls() {
		String transaction = this.json.writeValueAsString(TransactionRequest.builder()
			.payment(PaymentRequest.of("Order", Money.of("12.99", "EUR")))
			.paymentId(2987)
			.allowance(AllowanceRequest.upTo(Money.of("50", "EUR")), true)
			.reserveUntil(Instant.ofEpochSecond(1_900_000_000))
			.autoConfirm(false)
			.noCallbacks()
			.build());
		String item = this.json.writeValueAsString(PaymentItem.of("Mug", Money.of("4.5", "EUR"), 2)
			.withParameters(Map.of("sku", "M-1")));

		assertThat(this.json.readTree(transaction)).isEqualTo(this.json.readTree("""
				{"payments":[{"description":"Order","price_decimal":"12.99","currency":"EUR"},2987],
				 "reserve_until":1900000000,
				 "allowance":{"data":{"currency":"EUR","max_price":5000},"optional":true},
				 "auto_confirm":false,"callback_uri":false}
				"""));
		assertThat(this.json.readTree(item)).isEqualTo(this.json.readTree(
				"{\"title\":\"Mug\",\"price_decimal\":\"4.50\",\"currency\":\"EUR\",\"quantity\":2,\"parameters\":{\"sku\":\"M-1\"}}"));
		assertThat(this.json.writeValueAsString(FinalPrices.of(2987, Money.of("10", "EUR")).and(2988, Money.of("1.05", "EUR"))))
			.isEqualTo("{\"2987\":{\"price\":1000,\"currency\":\"EUR\"},\"2988\":{\"price\":105,\"currency\":\"EUR\"}}");
	}

	@Test
	void filtersBecomeTheApisQueryParameters() {
		assertThat(StatementFilter.all()
			.currencies("EUR", "USD")
			.from(Instant.ofEpochSecond(100))
			.to(Instant.ofEpochSecond(200))
			.direction(StatementDirection.OUT)
			.limit(50)
			.offset(100)
			.toQueryParameters()).isEqualTo(Map.of("limit", List.of("50"), "offset", List.of("100"),
					"currency", List.of("EUR,USD"), "from", List.of("100"), "to", List.of("200"), "direction",
					List.of("out")));
		assertThat(PaymentFilter.all().status(PaymentStatus.WAITING_REGISTRATION).beneficiary(2112).toQueryParameters())
			.containsEntry("status", List.of("waiting_registration"))
			.containsEntry("beneficiary", List.of("2112"))
			.doesNotContainKey("limit");
		assertThat(LocationFilter.all().statuses(LocationStatus.ACTIVE, LocationStatus.INACTIVE).toQueryParameters())
			.containsEntry("status", List.of("active,inactive"));
		assertThat(StatementFilter.all().toQueryParameters()).isEmpty();
	}

	@Test
	void theCentsOfABalanceAreReadForEveryCurrencyAndMissingAmountsAreZero() {
		WalletBalance balance = this.json.readValue(
				"{\"EUR\":{\"at_disposal\":2299,\"at_disposal_decimal\":\"22.99\",\"reserved\":0},\"JPY\":{\"reserved\":700}}",
				WalletBalance.class);

		assertThat(balance.currencies()).containsOnlyKeys("EUR", "JPY");
		assertThat(balance.currency("EUR").orElseThrow().atDisposal().amount()).isEqualByComparingTo(new BigDecimal("22.99"));
		assertThat(balance.currency("JPY").orElseThrow().atDisposal()).isEqualTo(Money.of("0", "JPY"));
		assertThat(balance.currency("JPY").orElseThrow().reserved()).isEqualTo(Money.of("7.00", "JPY"));
	}

	@Test
	void aTransactionsPaymentIsFoundByItsIdAndItsReservationAndAllowanceChoiceAreRead() {
		Transaction transaction = this.json.readValue("""
				{"transaction_key":"k1","status":"new","created_at":1,
				 "payments":[{"id":11,"created_at":1,"price":100,"currency":"EUR"},
				             {"id":12,"created_at":1,"price":250,"currency":"EUR"}],
				 "allowance":{"optional":true},"reserve":{"for":3,"until":1900000000}}""", Transaction.class);
		assertThat(transaction.payment(12)).map(Payment::price).contains(Money.of("2.50", "EUR"));
		assertThat(transaction.payment(11)).map(Payment::price).contains(Money.of("1.00", "EUR"));
		assertThat(transaction.payment(13)).isEmpty();
		assertThat(transaction.allowanceOptional()).isTrue();
		assertThat(transaction.reserveForHours()).isEqualTo(3);
		assertThat(transaction.reserveUntil()).isEqualTo(Instant.ofEpochSecond(1_900_000_000));
		Transaction plain = this.json.readValue("{\"transaction_key\":\"k2\",\"status\":\"new\",\"created_at\":1}",
				Transaction.class);
		assertThat(plain.allowanceOptional()).isNull();
		assertThat(plain.reserveForHours()).isNull();
		assertThat(plain.reserveUntil()).isNull();
	}

}
