package io.github.walletproject.sample.pay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.callback.TransactionCallback;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.sample.pay.PayViews.CallbackView;
import io.github.walletproject.sample.pay.PayViews.RoutedProject;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sample's handler of Paysera's transaction callbacks, and what it did: the starter
 * verified each callback and bound its project; the handler reads the transaction again
 * ({@code GET transaction/{key}}), a Wallet call that goes to that project whatever the
 * request thread had bound (the dashboard binds the browser session's project to every
 * request). The pay card shows the entries of its transaction.
 */
@Component
class CallbackJournal {

	private static final int KEPT = 200;

	private final ConcurrentLinkedDeque<CallbackView> entries = new ConcurrentLinkedDeque<>();

	private final WalletTransactions transactions;

	CallbackJournal(WalletTransactions transactions) {
		this.transactions = transactions;
	}

	@EventListener
	void on(TransactionCallback callback) {
		String key = callback.transaction().key();
		String bound = ProjectContext.current().orElse("none");
		String call = "GET transaction/" + key;
		String result;
		try {
			Transaction now = this.transactions.get(key);
			result = call + " \u2192 " + now.status().wireValue();
		}
		catch (WalletException ex) {
			result = call + " \u2192 " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		this.entries.addLast(new CallbackView(Instant.now().toString(), callback.object(), callback.typeName(), key,
				RoutedProject.of(callback.project()), bound, result));
		while (this.entries.size() > KEPT) {
			this.entries.pollFirst();
		}
	}

	/**
	 * The callbacks about a transaction, oldest first.
	 * @param transactionKey the transaction
	 * @return its entries
	 */
	List<CallbackView> of(String transactionKey) {
		return this.entries.stream().filter(entry -> entry.key().equals(transactionKey)).toList();
	}

	/**
	 * Wait a little for the callback of a transaction's new status, which the demo Wallet API
	 * sends in the background, so that the card that answers the action shows it.
	 * @param transactionKey the transaction
	 * @param type the callback's type, such as {@code reserved}
	 * @param timeout how long to wait at most
	 */
	void awaitCallback(String transactionKey, String type, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (of(transactionKey).stream().anyMatch(entry -> entry.type().equals(type))) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
