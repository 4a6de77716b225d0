package io.github.walletproject.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.oauth.WalletOAuthClient;
import io.github.walletproject.oauth.WalletUserTokens;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockCallbacks;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callbacks about transactions a platform made for a connected user
 * ({@code WalletUserTokens.callAs}) in a project only that user's token may use: never
 * acknowledged with 200 and dropped because the application's own credentials may not use
 * the project.
 */
@ExtendWith(MockWalletApiExtension.class)
class CallbackUserTokensTests {

	static MockWalletApi api;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

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
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aCallbackAboutATransactionMadeAsAUserInAProjectOnlyTheUsersTokenMayUseIsNotAcknowledgedAndDropped() {
		ConfigurableApplicationContext app = CallbackApps.start(api, "paysera.wallet.oauth.user-tokens=true");
		this.contexts.add(app);
		// the merchant's token may use project 1223; the application's credentials may not
		api.authorizationCode("m1-code", null, 1223);
		WalletUserTokens users = app.getBean(WalletUserTokens.class);
		users.save("m1", app.getBean(WalletOAuthClient.class).exchangeCode("m1-code", null));
		WalletTransactions transactions = app.getBean(WalletTransactions.class);

		Transaction created = users.callAs("m1", () -> ProjectContext.callWith("1223",
				() -> transactions.create(TransactionRequest.builder()
					.payment(PaymentRequest.of("Order #77", Money.of("7.00", "EUR")))
					.callbackUri(CallbackApps.callbackUri(app))
					.build())));
		api.acceptTransaction(created.key(), 2114L);
		MockCallbacks.Delivery reserved = api.callbacks()
			.awaitDelivery(delivery -> delivery.isAbout("transaction", "reserved"), Duration.ofSeconds(20));

		// Paysera must keep it: a 200 would end it, never handled
		assertThat(reserved.status()).isNotEqualTo(200).isGreaterThanOrEqualTo(500);
		assertThat(CallbackApps.outcomes(app, "forbidden_project")).isZero();
		assertThat(CallbackApps.outcomes(app, "user_project")).isEqualTo(1);
		assertThat(reserved.status()).isEqualTo(503);
		assertThat(app.getBean(CallbackApps.Listener.class).seen).isEmpty();
	}

}
