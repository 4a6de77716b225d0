package io.github.walletproject.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.WalletTransactions;
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
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record of the project each transaction was created in (transaction key → project), from
 * the user's side: whatever client shape created the transaction, a callback about it without
 * {@code project_id} is handled in that project; a transaction with no record is never
 * handled in a guessed project and is answered so that Paysera sends it again.
 */
@ExtendWith({ MockWalletApiExtension.class, OutputCaptureExtension.class })
class CallbackRecordsTests {

	private static final String CREATE = "{\"payments\":[{\"description\":\"Order\",\"price_decimal\":\"1.00\","
			+ "\"currency\":\"EUR\"}]}";

	private static final Pattern KEY = Pattern.compile("\"transaction_key\"\\s*:\\s*\"([^\"]+)\"");

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

	private ConfigurableApplicationContext app() {
		ConfigurableApplicationContext context = CallbackApps.start(api);
		this.contexts.add(context);
		return context;
	}

	private static String keyOf(String transactionJson) {
		Matcher matcher = KEY.matcher(transactionJson);
		assertThat(matcher.find()).as("a transaction_key in %s", transactionJson).isTrue();
		return matcher.group(1);
	}

	/** A payment callback about the transaction, without project_id: the record must route it. */
	private static void assertAPaymentCallbackIsHandledInShop(ConfigurableApplicationContext app, String transactionKey) {
		String payment = "{\"id\":4401,\"transaction_key\":\"" + transactionKey + "\",\"status\":\"reserved\","
				+ "\"created_at\":1700000000,\"price\":100,\"currency\":\"EUR\"}";
		MockCallbacks.Delivery delivery = api.callbacks()
			.deliver(CallbackApps.callbackUri(app), "payment", "reserved", payment);
		assertThat(delivery.status()).isEqualTo(200);
		assertThat(app.getBean(CallbackApps.Listener.class).seen).singleElement().satisfies(seen -> {
			assertThat(seen.callback().project().id()).isEqualTo(1221);
			assertThat(seen.boundProject()).isEqualTo("shop");
		});
	}

	@Test
	void aTransactionCreatedWithTheRawSignedRestClientIsRecorded() {
		ConfigurableApplicationContext app = app();
		RestClient wallet = app.getBean("walletRestClient", RestClient.class);

		String created = ProjectContext.callWith("shop", () -> wallet.post()
			.uri("transaction")
			.contentType(MediaType.APPLICATION_JSON)
			.body(CREATE)
			.retrieve()
			.body(String.class));

		assertAPaymentCallbackIsHandledInShop(app, keyOf(created));
	}

	@Test
	void aTransactionCreatedWithTheReactiveWebClientIsRecorded() {
		ConfigurableApplicationContext app = app();
		WebClient wallet = app.getBean("walletWebClient", WebClient.class);

		String created = WalletReactive.withProject("shop", wallet.post()
			.uri("transaction")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(CREATE)
			.retrieve()
			.bodyToMono(String.class)).block();

		assertAPaymentCallbackIsHandledInShop(app, keyOf(created));
	}

	@Test
	void aTransactionCreatedThroughAMoneyInterfaceOverTheWebClientIsRecorded() {
		ConfigurableApplicationContext app = app();
		WalletTransactions transactions = HttpServiceProxyFactory
			.builderFor(WebClientAdapter.create(app.getBean("walletWebClient", WebClient.class)))
			.build()
			.createClient(WalletTransactions.class);

		Transaction created = ProjectContext.callWith("shop", () -> transactions.create(
				io.github.walletproject.money.TransactionRequest.of(io.github.walletproject.money.PaymentRequest
					.of("Order", io.github.walletproject.money.Money.of("1.00", "EUR")))));

		assertAPaymentCallbackIsHandledInShop(app, created.key());
	}

	@Test
	void aTransactionWithNoRecordIsNotHandledInAGuessedProjectAndPayseraIsAskedToSendItAgain(CapturedOutput output) {
		ConfigurableApplicationContext app = app();
		String payment = "{\"id\":4402,\"transaction_key\":\"notOurs1\",\"status\":\"reserved\","
				+ "\"created_at\":1700000000,\"price\":100,\"currency\":\"EUR\"}";

		MockCallbacks.Delivery delivery = api.callbacks()
			.deliver(CallbackApps.callbackUri(app), "payment", "reserved", payment);

		assertThat(delivery.status()).isEqualTo(503);
		assertThat(app.getBean(CallbackApps.Listener.class).seen).isEmpty();
		assertThat(CallbackApps.outcomes(app, "unknown_project")).isEqualTo(1);
		assertThat(output).contains("no project was recorded for transaction 'notOurs1'");
	}

}
