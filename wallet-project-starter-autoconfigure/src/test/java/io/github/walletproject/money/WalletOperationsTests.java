package io.github.walletproject.money;

import java.math.BigDecimal;

import java.time.Instant;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletResponseException;
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
 * {@link Wallets} against the MAC-verifying mock: wallet by id and {@code me}, balance with
 * {@code convert_to}, a page of statements, and responses that cannot be used.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletOperationsTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	@Test
	void aWalletIsReadByIdAndAsMe() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			Wallet byId = ProjectContext.callWith("shop", () -> wallets.get(2112));
			assertThat(api).lastRequestTo("GET", "wallet/2112").hasValidSignature().isForProject(1221);
			Wallet me = ProjectContext.callWith("shop", wallets::me);

			assertThat(api).lastRequestTo("GET", "wallet/me").hasValidSignature().isForProject(1221);
			assertThat(byId.ownerUserId()).isEqualTo(901);
			assertThat(byId.account()).isNotNull();
			assertThat(byId.account().number()).isEqualTo("EVP0010001002112");
			assertThat(byId.account().ownerDisplayName()).isEqualTo("Shop owner");
			assertThat(byId.account().userId()).isEqualTo(901);
			assertThat(byId.account().ibans()).containsExactly("LT000000000000002112");
			assertThat(me.id()).isEqualTo(MoneyTestApps.MY_WALLET);
			assertThat(me.ownerUserId()).isEqualTo(MoneyTestApps.MY_USER);
		});
	}

	@Test
	void theBalanceIsReadPerCurrencyAndConvertToTravelsInTheQuery() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			WalletBalance plain = ProjectContext.callWith("shop", () -> wallets.balance(2112));
			assertThat(api).lastRequestTo("GET", "wallet/2112/balance").isForProject(1221)
				.doesNotHaveQueryParameter("convert_to");
			WalletBalance converted = ProjectContext.callWith("shop", () -> wallets.balance(2112, "EUR"));

			assertThat(api).lastRequestTo("GET", "wallet/2112/balance")
				.hasValidSignature()
				.isForProject(1221)
				.hasQueryParameter("convert_to", "EUR");
			assertThat(plain.currencies()).containsOnlyKeys("EUR", "USD");
			CurrencyFunds usd = plain.currency("USD").orElseThrow();
			assertThat(usd.atDisposal()).isEqualTo(Money.of("5.00", "USD"));
			assertThat(usd.reserved()).isEqualTo(Money.of("1.25", "USD"));
			assertThat(usd.total()).isEqualTo(Money.of("6.25", "USD"));
			assertThat(usd.converted()).as("no convert_to, no converted").isNull();
			CurrencyFunds eur = converted.currency("EUR").orElseThrow();
			assertThat(eur.converted()).as("converted.{at_disposal, reserved}").isNotNull();
			assertThat(eur.converted().atDisposal()).isEqualByComparingTo(eur.atDisposal().amount());
			assertThat(eur.converted().reserved()).isEqualByComparingTo(eur.reserved().amount());
			// USD 5.00 / 1.25 at 0.90, sent in cents of EUR
			assertThat(converted.currency("USD").orElseThrow().converted())
				.isEqualTo(new CurrencyFunds.Converted(new BigDecimal("4.50"), new BigDecimal("1.12")));
		});
	}

	@Test
	void balancesWithoutDecimalFieldsAreCentsForEveryCurrency() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);
			api.failNext("GET", "wallet/2112/balance",
					Fault.status(200, "{\"JPY\":{\"at_disposal\":1500},\"KWD\":{\"at_disposal\":1234,\"reserved\":5}}"), 1);

			WalletBalance balance = ProjectContext.callWith("shop", () -> wallets.balance(2112));

			assertThat(balance.currency("JPY").orElseThrow().atDisposal()).isEqualTo(Money.of("15.00", "JPY"));
			assertThat(balance.currency("JPY").orElseThrow().reserved()).isEqualTo(Money.of("0", "JPY"));
			assertThat(balance.currency("KWD").orElseThrow().atDisposal()).isEqualTo(Money.of("12.34", "KWD"));
			assertThat(balance.currency("KWD").orElseThrow().reserved()).isEqualTo(Money.of("0.05", "KWD"));
		});
	}

	@Test
	void aPageOfStatementsSendsTheFilterAndReadsTheMetadata() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);
			Instant now = Instant.now();
			StatementFilter filter = StatementFilter.all()
				.currencies("EUR", "USD")
				.from(now.minusSeconds(400_000))
				.to(now.plusSeconds(60))
				.limit(20)
				.offset(20);

			StatementPage page = ProjectContext.callWith("marketplace", () -> wallets.statements(2112, filter));

			assertThat(api).lastRequestTo("GET", "wallet/2112/statements")
				.hasValidSignature()
				.isForProject(1222)
				.hasQueryParameter("currency", "EUR,USD")
				.hasQueryParameter("from", Long.toString(now.minusSeconds(400_000).getEpochSecond()))
				.hasQueryParameter("to", Long.toString(now.plusSeconds(60).getEpochSecond()))
				.hasQueryParameter("limit", "20")
				.hasQueryParameter("offset", "20");
			assertThat(page.items()).hasSize(20);
			assertThat(page.total()).hasValue(45);
			assertThat(page.offset()).isEqualTo(20);
			assertThat(page.hasNext()).isTrue();
			Statement first = page.items().get(0);
			// statement 2112025 is the 21st newest: 10.00 + 20 × 1.37
			assertThat(first.id()).isEqualTo(2112025);
			assertThat(first.amount()).isEqualTo(Money.of("37.40", "EUR"));
			assertThat(first.direction()).isEqualTo(StatementDirection.OUT);
			assertThat(first.type()).isEqualTo(StatementType.TRANSFER);
			assertThat(first.otherParty()).isNotNull();
			assertThat(first.otherParty().name()).isEqualTo("Supplier 2112025");
			assertThat(page.items()).extracting(Statement::date).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		});
	}

	@Test
	void anUnknownWalletIsNotFound() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallets.balance(9999)))
				.withMessageContaining("GET /rest/v1/wallet/9999/balance");
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallets.statements(9999, StatementFilter.all())));
		});
	}

	@Test
	void aResponseThatCannotBeUsedIsAWalletResponseExceptionNamingTheOperation() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			api.failNext("GET", "wallet/2112", Fault.malformedBody(), 1);
			assertThatExceptionOfType(WalletResponseException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallets.get(2112)))
				.withMessageContaining("Wallets.get (GET wallet/{walletId})")
				.withMessageContaining("could not be read");
			api.failNext("GET", "wallet/2112", Fault.status(200, "{\"owner\":901}"), 1);
			assertThatExceptionOfType(WalletResponseException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallets.get(2112)))
				.withMessageContaining("has no \"wallet.id\"");
			api.failNext("GET", "wallet/2112", Fault.emptyBody(), 1);
			assertThatExceptionOfType(WalletResponseException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallets.get(2112)))
				.withMessageContaining("empty where JSON was expected");
			api.failNext("GET", "wallet/2112/balance",
					Fault.status(200, "{\"EUR\":{\"at_disposal_decimal\":\"lots\"}}"), 1);
			assertThatExceptionOfType(WalletResponseException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> wallets.balance(2112)))
				.withMessageContaining("balance.EUR.at_disposal_decimal that is not a decimal number");
			// a value a record refuses (read by its @JsonCreator factory) is wrapped in the same place
			WalletPayments payments = context.getBean(WalletPayments.class);
			api.failNext("GET", "payment/77", Fault.status(200, """
					{"id":77,"status":"new","created_at":1,"price":100,"currency":"EUR",
					 "items":[{"title":"Mug","price":100,"quantity":0}]}"""), 1);
			assertThatExceptionOfType(WalletResponseException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> payments.get(77)))
				.withMessageContaining("WalletPayments.get (GET payment/{id})")
				.withMessageContaining("quantity");
		});
	}

}
