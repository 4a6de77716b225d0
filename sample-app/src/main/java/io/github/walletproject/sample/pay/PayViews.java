package io.github.walletproject.sample.pay;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.Payment;
import io.github.walletproject.money.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the pay card ({@code /api/pay/**}). Amounts are decimal strings and
 * statuses are the Wallet API's own spelling ({@code new}, {@code reserved},
 * {@code confirmed}, {@code revoked}), so the page shows what the API said.
 */
public final class PayViews {

	private PayViews() {
	}

	/**
	 * An exception's name as code writes it: {@code WalletApiException.NotFound} for a nested
	 * type, the simple name otherwise.
	 * @param failure the exception
	 * @return its name
	 */
	public static String typeName(Throwable failure) {
		StringBuilder name = new StringBuilder(failure.getClass().getSimpleName());
		for (Class<?> outer = failure.getClass().getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
			name.insert(0, '.').insert(0, outer.getSimpleName());
		}
		return name.toString();
	}

	/**
	 * The pay card: what the page shows.
	 * @param canChange whether this sample may create, accept, confirm and revoke transactions
	 * (demo mode only; reading one by key works in both modes)
	 * @param note what the card says about its mode
	 * @param currentProject the project the card's calls go to now, or {@code null} when none
	 * @param transaction the transaction the card follows, as last read, or {@code null}
	 * @param steps what happened to it, oldest first, failures included
	 * @param error why the last action failed, or {@code null}
	 * @param callbacks the callbacks received about the transaction, oldest first
	 */
	public record PayCard(boolean canChange, String note, @Nullable RoutedProject currentProject,
			@Nullable TransactionView transaction, List<PayStep> steps, @Nullable PayError error,
			List<CallbackView> callbacks) {
	}

	/**
	 * A callback Paysera (in demo mode, the embedded demo Wallet API) sent about the card's
	 * transaction, as the sample's handler saw it.
	 * @param receivedAt when it was handled (ISO-8601)
	 * @param object the object kind, {@code transaction}
	 * @param type its type, such as {@code reserved}
	 * @param key the transaction key
	 * @param project the project the starter handled it in (from the signed data or its record)
	 * @param boundProject the project bound while the handler ran
	 * @param walletCall the Wallet call the handler made, and its result
	 */
	public record CallbackView(String receivedAt, String object, String type, String key, RoutedProject project,
			String boundProject, String walletCall) implements Serializable {
	}

	/**
	 * One action on a transaction and where it went.
	 * @param action {@code create}, {@code read}, {@code accept}, {@code confirm} or {@code revoke}
	 * @param by who acted: {@code merchant} (this sample, through the starter) or
	 * {@code simulated payer} (the demo Wallet API playing the payer)
	 * @param calls the Wallet API calls it made, such as {@code POST transaction}
	 * @param project the project the calls were routed to
	 * @param status the transaction's status afterwards, or {@code null} when it failed
	 * @param transaction the transaction afterwards, or {@code null} when it failed
	 * @param error why it failed, or {@code null}
	 */
	public record PayStep(String action, String by, List<String> calls, @Nullable RoutedProject project,
			@Nullable String status, @Nullable TransactionView transaction, @Nullable PayError error)
			implements Serializable {

		/**
		 * Copy the calls.
		 */
		public PayStep {
			calls = List.copyOf(calls);
		}

	}

	/**
	 * A project a call was routed to.
	 * @param name its alias, or its id when it has none
	 * @param id the project id
	 */
	public record RoutedProject(String name, long id) implements Serializable {

		static RoutedProject of(ResolvedProject project) {
			return new RoutedProject(project.name(), project.id());
		}

	}

	/**
	 * A transaction as the card shows it.
	 * @param key the transaction key
	 * @param status its status, as the API spells it ({@code unknown} for a status this client
	 * does not know)
	 * @param projectId the project the API says it belongs to, or {@code null}
	 * @param payerWalletId the payer's wallet once the payer accepted, or {@code null}
	 * @param createdAt when it was created (ISO-8601)
	 * @param confirmedAt when it was confirmed (ISO-8601), or {@code null}
	 * @param payments its payments
	 */
	public record TransactionView(String key, String status, @Nullable Long projectId, @Nullable Long payerWalletId,
			String createdAt, @Nullable String confirmedAt, List<PaymentView> payments) implements Serializable {

		/**
		 * Copy the payments.
		 */
		public TransactionView {
			payments = List.copyOf(payments);
		}

		/**
		 * The view of a transaction.
		 * @param transaction the transaction
		 * @return its view
		 */
		public static TransactionView of(Transaction transaction) {
			String status = transaction.status().wireValue();
			return new TransactionView(transaction.key(), (status != null) ? status : "unknown",
					transaction.projectId(), transaction.walletId(), text(transaction.createdAt()),
					(transaction.confirmedAt() != null) ? text(transaction.confirmedAt()) : null,
					transaction.payments().stream().map(PaymentView::of).toList());
		}

		private static String text(Instant instant) {
			return instant.toString();
		}

	}

	/**
	 * A payment of a transaction.
	 * @param id the payment id
	 * @param status its status, as the API spells it
	 * @param price its price, such as {@code 12.99} (after a confirmation for less, the final price)
	 * @param currency the currency code
	 * @param description its description, or {@code null}
	 */
	public record PaymentView(long id, String status, String price, String currency, @Nullable String description)
			implements Serializable {

		static PaymentView of(Payment payment) {
			String status = payment.status().wireValue();
			Money price = payment.price();
			return new PaymentView(payment.id(), (status != null) ? status : "unknown", price.amount().toPlainString(),
					price.currency(), payment.description());
		}

	}

	/**
	 * Why an action failed.
	 * @param type the exception's simple class name, such as {@code WalletApiException.NotFound},
	 * or {@code DemoOnly} / {@code InvalidPayment} for the sample's own refusals
	 * @param message what went wrong (the starter's messages carry no secrets)
	 * @param code Paysera's error code, such as {@code invalid_state}, when the Wallet API refused it
	 */
	public record PayError(String type, String message, @Nullable String code) implements Serializable {
	}

}
