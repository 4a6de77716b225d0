package io.github.walletproject.money;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The values a user builds before a call: {@link Money}, {@link WalletIdentifier} and the
 * filters. What they refuse is refused before anything is sent, naming what is wrong; what
 * they accept is sent exactly as given.
 */
class MoneyValuesTests {

	@Test
	void moneyKeepsEveryDecimalItIsGivenAndShowsAtLeastTwo() {
		assertThat(Money.of("12", "EUR").amount()).hasToString("12.00");
		assertThat(Money.of("12.5", "EUR").amount()).hasToString("12.50");
		assertThat(Money.of("12.50", "EUR").amount()).hasToString("12.50");
		assertThat(Money.of("12.345", "EUR").amount()).as("never rounded").hasToString("12.345");
		assertThat(Money.of("1E+3", "EUR")).hasToString("1000.00 EUR");
		assertThat(Money.of("-0.5", "EUR").cents()).isEqualTo(-50);
		assertThat(Money.ofCents(-1, "EUR")).hasToString("-0.01 EUR");
	}

	@Test
	void moneyThatIsNotWholeCentsCannotBeSentAndTheErrorSaysSo() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("12.345", "EUR").cents())
			.withMessage("Amount 12.345 cannot be sent: the Wallet API takes whole cents (two decimals) for every currency");
	}

	@Test
	void aCurrencyIsThreeUpperCaseLettersAndNothingIsMissing() {
		assertThat(Money.of("1", "USD").currency()).isEqualTo("USD");
		for (String currency : new String[] { "EU", "EURO", "eur", "E1R", " EUR", "" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", currency))
				.withMessage("Currency '" + currency + "' is not a three-letter ISO 4217 code");
		}
		assertThatNullPointerException().isThrownBy(() -> Money.of("1", null)).withMessage("currency");
		assertThatNullPointerException().isThrownBy(() -> new Money(null, "EUR")).withMessage("amount");
	}

	@Test
	void aWalletIsNamedByExactlyOneOfIdEmailOrPhone() {
		assertThat(WalletIdentifier.id(7)).isEqualTo(new WalletIdentifier(7L, null, null));
		assertThat(WalletIdentifier.email("a@example.com").email()).isEqualTo("a@example.com");
		assertThat(WalletIdentifier.phone("37060000000").phone()).isEqualTo("37060000000");
		assertThatIllegalArgumentException().isThrownBy(() -> new WalletIdentifier(null, null, null))
			.withMessage("A wallet is named by exactly one of id, email or phone");
		assertThatIllegalArgumentException().isThrownBy(() -> new WalletIdentifier(7L, "a@example.com", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new WalletIdentifier(null, "a@example.com", "370"));
		assertThatIllegalArgumentException().isThrownBy(() -> new WalletIdentifier(7L, null, "370"));
	}

	@Test
	void aWalletIdentifierIsSentAsTheOneFieldThatNamesIt() {
		assertThat(WalletIdentifier.id(7).toJson()).isEqualTo(Map.of("id", 7L));
		assertThat(WalletIdentifier.email("a@example.com").toJson()).isEqualTo(Map.of("email", "a@example.com"));
		assertThat(WalletIdentifier.phone("370").toJson()).isEqualTo(Map.of("phone", "370"));
	}

	@Test
	void aWalletIdentifierIsReadFromEveryFormTheApiSends() {
		assertThat(WalletIdentifier.fromJson(14471)).isEqualTo(WalletIdentifier.id(14471));
		assertThat(WalletIdentifier.fromJson(Map.of("id", 14471))).isEqualTo(WalletIdentifier.id(14471));
		assertThat(WalletIdentifier.fromJson(Map.of("id", " 14471 "))).isEqualTo(WalletIdentifier.id(14471));
		assertThat(WalletIdentifier.fromJson(Map.of("id", " ", "email", "a@example.com")))
			.isEqualTo(WalletIdentifier.email("a@example.com"));
		assertThat(WalletIdentifier.fromJson(Map.of("phone", "370"))).isEqualTo(WalletIdentifier.phone("370"));
		assertThat(WalletIdentifier.fromJson(Map.of("name", "x"))).isNull();
		assertThat(WalletIdentifier.fromJson("14471")).isNull();
		assertThat(WalletIdentifier.fromJson(null)).isNull();
	}

	@Test
	void aPageHoldsOneToTwoHundredItemsAndAnOffsetIsNeverNegative() {
		for (int limit : new int[] { 1, 200 }) {
			assertThat(StatementFilter.all().limit(limit).limit()).isEqualTo(limit);
			assertThat(PaymentFilter.all().limit(limit).limit()).isEqualTo(limit);
			assertThat(LocationFilter.all().limit(limit).limit()).isEqualTo(limit);
		}
		for (int limit : new int[] { 0, 201, -1 }) {
			assertThatIllegalArgumentException().isThrownBy(() -> StatementFilter.all().limit(limit))
				.withMessage("A Wallet API page holds 1 to 200 items; limit " + limit + " is out of range");
			assertThatIllegalArgumentException().isThrownBy(() -> PaymentFilter.all().limit(limit));
			assertThatIllegalArgumentException().isThrownBy(() -> LocationFilter.all().limit(limit));
		}
		assertThat(StatementFilter.all().offset(0).offset()).isZero();
		assertThat(PaymentFilter.all().offset(0).offset()).isZero();
		assertThat(LocationFilter.all().offset(0).offset()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> StatementFilter.all().offset(-1))
			.withMessage("offset must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentFilter.all().offset(-1))
			.withMessage("offset must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> LocationFilter.all().offset(-1))
			.withMessage("offset must not be negative, was -1");
	}

	@Test
	void aFilterCannotAskForAStatusOrDirectionTheApiDoesNotHave() {
		assertThatIllegalArgumentException().isThrownBy(() -> StatementFilter.all().direction(StatementDirection.UNKNOWN))
			.withMessage("Filter by StatementDirection.IN or OUT");
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentFilter.all().status(PaymentStatus.UNKNOWN))
			.withMessage("Filter by a known PaymentStatus, not UNKNOWN");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocationFilter.all().statuses(LocationStatus.ACTIVE, LocationStatus.UNKNOWN))
			.withMessage("Filter by LocationStatus.ACTIVE or INACTIVE");
	}

	@Test
	void everyFilterFieldIsSentUnderTheApisName() {
		assertThat(PaymentFilter.all().status(PaymentStatus.DONE).wallet(14).beneficiary(15).limit(20).offset(40)
			.toQueryParameters())
			.isEqualTo(Map.of("status", List.of("done"), "wallet", List.of("14"), "beneficiary", List.of("15"), "limit",
					List.of("20"), "offset", List.of("40")));
		assertThat(PaymentFilter.all().toQueryParameters()).isEmpty();
		assertThat(LocationFilter.all().statuses(LocationStatus.ACTIVE).updatedAfter(Instant.ofEpochSecond(300))
			.limit(20).offset(40).toQueryParameters())
			.isEqualTo(Map.of("status", List.of("active"), "updated_after", List.of("300"), "limit", List.of("20"),
					"offset", List.of("40")));
		assertThat(LocationFilter.all().toQueryParameters()).isEmpty();
	}

	@Test
	void aTransactionFilterPagesLikeTheOthersAndSendsEveryField() {
		assertThat(TransactionFilter.all().limit(1).limit()).isEqualTo(1);
		assertThat(TransactionFilter.all().limit(200).limit()).isEqualTo(200);
		for (int limit : new int[] { 0, 201 }) {
			assertThatIllegalArgumentException().isThrownBy(() -> TransactionFilter.all().limit(limit))
				.withMessage("A page holds 1 to 200 transactions, not " + limit);
		}
		assertThat(TransactionFilter.all().offset(0).offset()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionFilter.all().offset(-1))
			.withMessage("The offset must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionFilter.all().status(TransactionStatus.UNKNOWN))
			.withMessage("UNKNOWN is not a status to filter by");
		assertThat(TransactionFilter.all().location(77).status(TransactionStatus.NEW).from(Instant.ofEpochSecond(300))
			.limit(20).offset(40).toQueryParameters())
			.isEqualTo(Map.of("location_id", List.of("77"), "status", List.of("new"), "from", List.of("300"), "limit",
					List.of("20"), "offset", List.of("40")));
		assertThat(TransactionFilter.all().toQueryParameters()).isEmpty();
	}

	@Test
	void aPaymentIsRefusedBeforeSendingWhenItsAmountsOrFreezeCannotBeRight() {
		PaymentRequest order = PaymentRequest.of("Order", Money.of("10", "EUR"));
		assertThat(order.withCashback(Money.of("1", "EUR")).cashback()).isEqualTo(Money.of("1", "EUR"));
		assertThatIllegalArgumentException().isThrownBy(() -> order.withCashback(Money.of("1", "USD")))
			.withMessage("The cashback of a payment must be in its price's currency EUR, was USD");
		assertThatIllegalArgumentException().isThrownBy(() -> order.withCashback(Money.of("0.015", "EUR")))
			.withMessageStartingWith("The cashback of a payment 0.015 cannot be sent");
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentRequest.of("Order", Money.of("0.001", "EUR")))
			.withMessageStartingWith("The price of a payment 0.001 cannot be sent");
		assertThat(order.withFreezeForHours(0).freezeForHours()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> order.withFreezeForHours(-1))
			.withMessage("freezeForHours must not be negative");
	}

	@Test
	void anItemHasAtLeastOneOfItselfAndItsTotalInItsPricesCurrency() {
		assertThat(PaymentItem.of("Mug", Money.of("4.5", "EUR"), 1).quantity()).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentItem.of("Mug", Money.of("4.5", "EUR"), 0))
			.withMessage("The quantity of item 'Mug' must be at least 1");
	}

	@Test
	void aTransactionIsReservedForSomeHoursOrUntilATimeNotBoth() {
		PaymentRequest order = PaymentRequest.of("Order", Money.of("10", "EUR"));
		Instant until = Instant.ofEpochSecond(1_900_000_000);
		TransactionRequest hours = TransactionRequest.builder().payment(order).reserveUntil(until).reserveForHours(2).build();
		assertThat(hours.reserveForHours()).as("the builder's last choice wins").isEqualTo(2);
		assertThat(hours.reserveUntil()).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransactionRequest(List.of(order), List.of(), null, null, null, 2, until, null, null,
					null, null, null, false))
			.withMessage("A transaction is reserved for some hours or until a time, not both");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransactionRequest(List.of(order), List.of(), null, null, null, null, null, null, null,
					null, null, "https://shop.example/callback", true))
			.withMessage("A transaction has a callback URI or no callbacks, not both");
		assertThat(TransactionRequest.builder().payment(order).noCallbacks().build().callbacksDisabled()).isTrue();
	}

	@Test
	void anEmptyPageEndsTheStreamEvenWhenTheTotalPromisedMore() {
		List<Long> offsets = new java.util.ArrayList<>();
		Pages.Fetcher<Long> fetcher = (offset, limit) -> {
			offsets.add(offset);
			if (offsets.size() > 3) {
				throw new AssertionError("asked again for offset " + offset + " after an empty page");
			}
			List<Long> items = (offset == 0) ? java.util.stream.LongStream.range(0, limit).boxed().toList() : List.of();
			return new Page<>() {
				public List<Long> items() {
					return items;
				}

				public long offset() {
					return offset;
				}

				public int limit() {
					return limit;
				}

				public java.util.OptionalLong total() {
					return java.util.OptionalLong.of(100);
				}
			};
		};
		assertThat(Pages.stream("statements", 0, 20, fetcher).toList()).hasSize(20);
		assertThat(offsets).containsExactly(0L, 20L);
	}

	@Test
	void anAllowanceNeedsAMaximumInWholeCentsAndIsValidForHoursOrUntilATimeNotBoth() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowanceRequest(null, null, List.of(), null, null))
			.withMessage("An allowance needs a maximum price or limits");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowanceRequest.upTo(Money.of("0.001", "EUR")))
			.withMessageStartingWith("The maximum price of an allowance 0.001 cannot be sent");
		Instant until = Instant.ofEpochSecond(1_900_000_000);
		assertThat(AllowanceRequest.upTo(Money.of("50", "EUR")).validForHours(2).validUntil(until).validForHours())
			.as("the last choice wins").isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AllowanceRequest(null, Money.of("50", "EUR"), List.of(), 2, until))
			.withMessage("An allowance is valid for some hours or until a time, not both");
	}

	@Test
	void aReservationsPinIsNeverShownAndNeverBlank() {
		Reservation reservation = Reservation.withPin(WalletIdentifier.id(7), "1234");
		assertThat(reservation.toString()).doesNotContain("1234").contains("pin=******").contains("payer=");
		assertThat(Reservation.byAllowance(WalletIdentifier.id(7)).toString()).contains("pin=none");
		assertThatIllegalArgumentException().isThrownBy(() -> Reservation.withPin(WalletIdentifier.id(7), " "))
			.withMessage("A reservation's PIN must not be blank");
	}

}
