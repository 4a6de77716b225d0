package io.github.walletproject.sample.pay;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.FinalPrices;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.Payment;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.TransactionStatus;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.sample.mode.DemoWalletApi;
import io.github.walletproject.sample.pay.PayViews.PayError;
import io.github.walletproject.sample.pay.PayViews.PayStep;
import io.github.walletproject.sample.pay.PayViews.RoutedProject;
import io.github.walletproject.sample.pay.PayViews.TransactionView;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A transaction's lifecycle with the starter's typed {@link WalletTransactions}: create, read,
 * confirm (optionally for less), revoke; and, in demo mode only, the payer's acceptance,
 * played by the embedded demo Wallet API.
 * <p>
 * None of these methods names a project. Each call goes to the project bound around it (the
 * browser session's, bound by {@code CurrentProjectFilter}, else
 * {@code paysera.wallet.default-project}), so a transaction is created, read, confirmed and
 * revoked in one project as long as the session keeps it; from another project the Wallet
 * API answers {@code not_found}. Each method returns what it did as a {@link PayStep}: the
 * calls it made, the project they were routed to, and the transaction afterwards or the
 * failure.
 */
@Service
class TransactionLifecycle {

	private static final String MERCHANT = "merchant";

	private static final String SIMULATED_PAYER = "simulated payer";

	private final WalletTransactions transactions;

	private final WalletProjects wallet;

	private static final Duration CALLBACK_WAIT = Duration.ofSeconds(3);

	private final ObjectProvider<DemoWalletApi> demo;

	private final CallbackJournal callbacks;

	private final Environment environment;

	TransactionLifecycle(WalletTransactions transactions, WalletProjects wallet, ObjectProvider<DemoWalletApi> demo,
			CallbackJournal callbacks, Environment environment) {
		this.transactions = transactions;
		this.wallet = wallet;
		this.demo = demo;
		this.callbacks = callbacks;
		this.environment = environment;
	}

	/**
	 * In demo mode, this application's own callback endpoint, where the demo Wallet API posts
	 * signed callbacks as the transaction changes; otherwise {@code null} (none is asked for).
	 */
	private @Nullable String callbackUri() {
		String path = this.environment.getProperty("paysera.wallet.callbacks.path");
		String port = this.environment.getProperty("local.server.port");
		if (this.demo.getIfAvailable() == null || path == null || path.isBlank() || port == null) {
			return null;
		}
		return "http://127.0.0.1:" + port + path;
	}

	/** Let the card that answers an action show the callback the demo API sends about it. */
	private Transaction awaitCallback(Transaction transaction) {
		if (transaction.callbackUri() != null) {
			this.callbacks.awaitCallback(transaction.key(), transaction.status().wireValue(), CALLBACK_WAIT);
		}
		return transaction;
	}

	/**
	 * Create a transaction of one payment in the current project ({@code POST transaction}).
	 * @param price the price
	 * @param description what it is for
	 * @return the step; the transaction is {@code new}
	 */
	Attempt create(Money price, String description) {
		return attempt("create", MERCHANT, calls -> {
			String callbackUri = callbackUri();
			TransactionRequest request = (callbackUri != null)
					? TransactionRequest.builder().payment(PaymentRequest.of(description, price)).callbackUri(callbackUri).build()
					: TransactionRequest.of(PaymentRequest.of(description, price));
			calls.add("POST transaction" + ((callbackUri != null) ? " (callback_uri " + callbackUri + ")" : ""));
			return this.transactions.create(request);
		});
	}

	/**
	 * Read a transaction in the current project ({@code GET transaction/{key}}).
	 * @param key the transaction key
	 * @return the step
	 */
	Attempt read(String key) {
		return attempt("read", MERCHANT, calls -> get(key, calls));
	}

	/**
	 * Play the payer who accepts the transaction on Paysera's page, which reserves the money.
	 * Only the embedded demo Wallet API can do that: it is the demo's simulated payer, not a
	 * call of this application. The transaction is read in the current project first (so a
	 * transaction of another project is {@code not_found} and stays as it was) and again
	 * afterwards.
	 * @param key the transaction key
	 * @return the step; the transaction is {@code reserved}
	 */
	Attempt acceptAsDemoPayer(String key) {
		return attempt("accept", SIMULATED_PAYER, calls -> {
			DemoWalletApi api = this.demo.getIfAvailable();
			if (api == null) {
				throw PayRules.demoOnly();
			}
			Transaction before = get(key, calls);
			if (before.status() != TransactionStatus.NEW) {
				throw new RefusedAction("InvalidState", HttpStatus.CONFLICT, "Transaction " + key + " is "
						+ TransactionView.of(before).status() + ": the payer can only accept a new transaction");
			}
			calls.add("the payer accepts it (simulated by the demo Wallet API, payer wallet "
					+ DemoWalletApi.PAYER_WALLET_ID + ")");
			api.acceptAsPayer(key);
			return awaitCallback(get(key, calls));
		});
	}

	/**
	 * Confirm a reserved transaction ({@code PUT transaction/{key}/confirm}), for what was
	 * reserved or, with a final amount, for less: the transaction is read first to name its
	 * payment and currency.
	 * @param key the transaction key
	 * @param finalAmount the final price of its one payment, or {@code null} for the reserved price
	 * @return the step; the transaction is {@code confirmed}
	 */
	Attempt confirm(String key, @Nullable BigDecimal finalAmount) {
		return attempt("confirm", MERCHANT, calls -> {
			if (finalAmount == null) {
				calls.add("PUT transaction/" + key + "/confirm");
				return awaitCallback(this.transactions.confirm(key));
			}
			Transaction transaction = get(key, calls);
			if (transaction.payments().size() != 1) {
				throw new RefusedAction("InvalidPayment", HttpStatus.BAD_REQUEST, "A final amount needs a transaction "
						+ "of exactly one payment; transaction " + key + " has " + transaction.payments().size());
			}
			Payment payment = transaction.payments().get(0);
			Money finalPrice = Money.of(finalAmount, payment.price().currency());
			calls.add("PUT transaction/" + key + "/confirm (payment " + payment.id() + " for " + finalPrice + ")");
			return awaitCallback(this.transactions.confirm(key, FinalPrices.of(payment.id(), finalPrice)));
		});
	}

	/**
	 * Revoke a transaction that is not confirmed ({@code DELETE transaction/{key}}).
	 * @param key the transaction key
	 * @return the step; the transaction is {@code revoked}
	 */
	Attempt revoke(String key) {
		return attempt("revoke", MERCHANT, calls -> {
			calls.add("DELETE transaction/" + key);
			return awaitCallback(this.transactions.revoke(key));
		});
	}

	private Transaction get(String key, List<String> calls) {
		calls.add("GET transaction/" + key);
		return this.transactions.get(key);
	}

	private Attempt attempt(String action, String by, Action call) {
		List<String> calls = new ArrayList<>();
		RoutedProject project = null;
		try {
			project = RoutedProject.of(this.wallet.current());
			TransactionView transaction = TransactionView.of(call.run(calls));
			return new Attempt(new PayStep(action, by, calls, project, transaction.status(), transaction, null), null);
		}
		catch (WalletException | RefusedAction | IllegalArgumentException ex) {
			return new Attempt(new PayStep(action, by, calls, project, null, null, error(ex)), ex);
		}
	}

	static PayError error(RuntimeException ex) {
		String type = (ex instanceof RefusedAction refused) ? refused.type() : PayViews.typeName(ex);
		String code = (ex instanceof WalletApiException api) ? api.getErrorCode() : null;
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		return new PayError(type, message, code);
	}

	/**
	 * What an action did.
	 * @param step the step, for the card
	 * @param failure why it failed, or {@code null}
	 */
	record Attempt(PayStep step, @Nullable RuntimeException failure) {
	}

	@FunctionalInterface
	private interface Action {

		Transaction run(List<String> calls);

	}

}
