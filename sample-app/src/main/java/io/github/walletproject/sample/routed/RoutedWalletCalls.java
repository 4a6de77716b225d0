package io.github.walletproject.sample.routed;

import java.math.BigDecimal;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletProject;
import io.github.walletproject.money.WalletBalance;
import org.jspecify.annotations.Nullable;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.Money;
import io.github.walletproject.money.PaymentRequest;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.WalletTransactions;

import org.springframework.stereotype.Service;

/**
 * Calls whose project is chosen by {@link WalletProject} with a SpEL expression over the
 * method's arguments. The method bodies never name a project: they make plain calls, and
 * the starter routes them to whatever the annotation bound. A method's binding is innermost,
 * so it wins over the session's project bound around the request.
 */
@Service
public class RoutedWalletCalls {

	private final WalletProjects wallet;

	private final WalletTransactions transactions;

	public RoutedWalletCalls(WalletProjects wallet, WalletTransactions transactions) {
		this.wallet = wallet;
		this.transactions = transactions;
	}

	/**
	 * The balance of a project's default wallet, routed by the argument.
	 * @param project an alias or a project id
	 * @return where the call went, and the balance
	 */
	@WalletProject("#{#project}")
	public RoutedBalance balanceOf(String project) {
		ResolvedProject routed = this.wallet.current();
		WalletBalance balance = this.wallet.balance();
		Long walletId = (routed.walletId() != null) ? routed.walletId() : this.wallet.project(routed.name()).walletId();
		return new RoutedBalance(routed.name(), routed.id(), walletId, balance);
	}

	/**
	 * Create a payment request ({@code POST transaction}, with the starter's typed
	 * {@link WalletTransactions}) in the project the payment names. The request has no project
	 * field: the annotation binds the project, and the starter signs it into the call.
	 * @param payment the payment
	 * @return where it went and the created transaction
	 */
	@WalletProject("#{#payment.project}")
	public PaymentResult pay(DemoPayment payment) {
		ResolvedProject routed = this.wallet.current();
		Transaction transaction = this.transactions.create(TransactionRequest
			.of(PaymentRequest.of(payment.description(), Money.of(payment.amount(), payment.currency()))));
		return new PaymentResult(routed.name(), routed.id(), transaction);
	}

	/**
	 * What {@link #balanceOf(String)} returns.
	 * @param routedTo the alias (or id) the call was routed to
	 * @param routedId its project id
	 * @param walletId the project's default wallet, whose balance it is
	 * @param balance the balance
	 */
	public record RoutedBalance(String routedTo, long routedId, @Nullable Long walletId, WalletBalance balance) {
	}

	/**
	 * A payment request for {@link #pay(DemoPayment)}.
	 * @param project the project to create it in: an alias or an id
	 * @param amount the amount, such as {@code 12.99}
	 * @param currency the currency code
	 * @param description what it is for
	 */
	public record DemoPayment(String project, BigDecimal amount, String currency, String description) {
	}

	/**
	 * What {@link #pay(DemoPayment)} returns.
	 * @param routedTo the alias (or id) the call was routed to
	 * @param routedId its project id
	 * @param transaction the created transaction
	 */
	public record PaymentResult(String routedTo, long routedId, Transaction transaction) {
	}

}
