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
import io.github.walletproject.test.ReceivedRequest;
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

	private ConfigurableApplicationContext appWithMerchant(String code) {
		return appWithMerchant(code, "m1");
	}

	private ConfigurableApplicationContext appWithMerchant(String code, String merchant) {
		ConfigurableApplicationContext app = CallbackApps.start(api, "paysera.wallet.oauth.user-tokens=true");
		this.contexts.add(app);
		// the merchant's token may use project 1223; the application's credentials may not
		api.authorizationCode(code, null, 1223);
		app.getBean(WalletUserTokens.class).save(merchant, app.getBean(WalletOAuthClient.class).exchangeCode(code, null));
		return app;
	}

	private static Transaction createAsMerchant(ConfigurableApplicationContext app, String order) {
		return createAsMerchant(app, order, "m1");
	}

	private static Transaction createAsMerchant(ConfigurableApplicationContext app, String order, String merchant) {
		WalletTransactions transactions = app.getBean(WalletTransactions.class);
		return app.getBean(WalletUserTokens.class).callAs(merchant, () -> ProjectContext.callWith("1223",
				() -> transactions.create(TransactionRequest.builder()
					.payment(PaymentRequest.of(order, Money.of("7.00", "EUR")))
					.callbackUri(CallbackApps.callbackUri(app))
					.build())));
	}

	@Test
	void aCallbackAboutATransactionMadeAsAUserInAProjectOnlyTheUsersTokenMayUseIsHandledAsThatUser() {
		handledAsTheMerchant("m1-code", "m1", "Order #77");
	}

	@Test
	void aCallbackAboutATransactionMadeAsAUserWhosePrincipalNameIsKeptByItsFingerprintIsHandledAsThatUser() {
		// a principal name with characters a store key does not take is kept by its SHA-256
		handledAsTheMerchant("m2-code", "auth0|5f7c1e", "Order #79");
	}

	private void handledAsTheMerchant(String code, String merchant, String order) {
		ConfigurableApplicationContext app = appWithMerchant(code, merchant);
		Transaction created = createAsMerchant(app, order, merchant);
		ReceivedRequest create = api.requests().stream().filter(request -> request.method().equals("POST"))
			.reduce((first, second) -> second).orElseThrow();

		api.acceptTransaction(created.key(), 2114L);
		MockCallbacks.Delivery reserved = api.callbacks()
			.awaitDelivery(delivery -> delivery.isAbout("transaction", "reserved"), Duration.ofSeconds(20));

		// never a 200 that drops it: dispatched, in its project, with the merchant's token
		assertThat(reserved.status()).isEqualTo(200);
		assertThat(CallbackApps.outcomes(app, "forbidden_project")).isZero();
		// the reserved event (confirming it makes the mock send a later event about the transaction too)
		assertThat(app.getBean(CallbackApps.Listener.class).seen)
			.filteredOn(seen -> seen.callback() instanceof TransactionCallback callback
					&& callback.type() == TransactionCallbackType.RESERVED)
			.singleElement()
			.satisfies(seen -> {
			assertThat(seen.callback().project().id()).isEqualTo(1223);
			assertThat(seen.confirmed()).isNotNull();
		});
		ReceivedRequest confirm = api.requests().stream()
			.filter(request -> request.method().equals("PUT") && request.path().contains(created.key()))
			.findFirst().orElseThrow();
		assertThat(confirm.verification().macId()).isEqualTo(create.verification().macId())
			.isNotEqualTo(TestApps.MAC_ID);
	}

	@Test
	void aCallbackAboutATransactionMadeAsAUserWhoDisconnectedIsAnswered503() {
		ConfigurableApplicationContext app = appWithMerchant("m1-code2");
		Transaction created = createAsMerchant(app, "Order #78");
		app.getBean(WalletUserTokens.class).disconnect("m1");

		MockCallbacks.Delivery delivery = api.callbacks().deliver(CallbackApps.callbackUri(app), "transaction",
				"reserved", "{\"transaction_key\":\"" + created.key() + "\",\"status\":\"reserved\","
						+ "\"created_at\":1700000000,\"project_id\":1223,\"payments\":[]}");

		assertThat(delivery.status()).isEqualTo(503);
		assertThat(CallbackApps.outcomes(app, "user_not_connected")).isEqualTo(1);
		assertThat(app.getBean(CallbackApps.Listener.class).seen).isEmpty();
	}

}
