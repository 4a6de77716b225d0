package io.github.walletproject.sample.pay;

import java.util.List;

import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.sample.mode.SampleMode;
import io.github.walletproject.sample.pay.PayViews.PayCard;
import io.github.walletproject.sample.pay.PayViews.PayError;
import io.github.walletproject.sample.pay.PayViews.RoutedProject;
import io.github.walletproject.sample.pay.PayViews.TransactionView;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Builds a browser session's {@link PayCard}: what {@code GET /api/pay} answers and what the
 * dashboard page embeds for its first paint. It makes no Wallet API call: the transaction is
 * shown as the session's last action left it.
 */
@Component
public class PayCards {

	static final String DEMO_NOTE = "Demo mode: transactions are created in the embedded demo Wallet API, and its "
			+ "simulated payer can accept them.";

	static final String LIVE_NOTE = "Live mode: creating, accepting, confirming and revoking are disabled, because the "
			+ "sample never moves real money. Reading a transaction by its key still works.";

	private final SampleMode mode;

	private final WalletProjects wallet;

	private final CallbackJournal callbacks;

	PayCards(SampleMode mode, WalletProjects wallet, CallbackJournal callbacks) {
		this.mode = mode;
		this.wallet = wallet;
		this.callbacks = callbacks;
	}

	/**
	 * The card of the request's browser session.
	 * @param request the request, with the session's project bound
	 * @return the card (empty when the session followed no transaction yet)
	 */
	public PayCard of(HttpServletRequest request) {
		return of(PayHistory.of(request, false), null);
	}

	PayCard of(@Nullable PayHistory history, @Nullable PayError error) {
		boolean demo = this.mode.isDemo();
		TransactionView transaction = (history != null) ? history.transaction() : null;
		return new PayCard(demo, demo ? DEMO_NOTE : LIVE_NOTE, currentProject(), transaction,
				(history != null) ? history.steps() : List.of(), error,
				(transaction != null) ? this.callbacks.of(transaction.key()) : List.of());
	}

	private @Nullable RoutedProject currentProject() {
		try {
			return RoutedProject.of(this.wallet.current());
		}
		catch (NoProjectBoundException ex) {
			return null;
		}
	}

}
