package io.github.walletproject.sample.routed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.github.walletproject.WalletProject;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.client.Balance;
import io.github.walletproject.ResolvedProject;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Calls whose project is chosen by {@link WalletProject} with a SpEL expression over the
 * method's arguments. The method bodies never name a project: they make plain calls, and
 * the starter routes them to whatever the annotation bound. A method's binding is innermost,
 * so it wins over the session's project bound around the request.
 */
@Service
public class RoutedWalletCalls {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final WalletProjects wallet;

	public RoutedWalletCalls(WalletProjects wallet) {
		this.wallet = wallet;
	}

	/**
	 * The balance of a project's default wallet, routed by the argument.
	 * @param project an alias or a project id
	 * @return where the call went, and the balance
	 */
	@WalletProject("#{#project}")
	public RoutedBalance balanceOf(String project) {
		ResolvedProject routed = this.wallet.current();
		Balance balance = this.wallet.balance();
		return new RoutedBalance(routed.name(), routed.id(), balance);
	}

	/**
	 * Create a payment request ({@code POST transaction}) in the project the payment names.
	 * @param payment the payment
	 * @return where it went and what the API answered
	 */
	@WalletProject("#{#payment.project}")
	public PaymentResult pay(DemoPayment payment) {
		ResolvedProject routed = this.wallet.current();
		long cents = payment.amount().movePointRight(2).longValueExact();
		Map<String, Object> body = Map.of("payments", List.of(Map.of("description", payment.description(), "price",
				cents, "price_decimal", payment.amount().toPlainString(), "currency", payment.currency())));
		Map<String, Object> transaction = this.wallet.restClient()
			.post()
			.uri("transaction")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JSON_OBJECT);
		return new PaymentResult(routed.name(), routed.id(), transaction);
	}

	/**
	 * What {@link #balanceOf(String)} returns.
	 * @param routedTo the alias (or id) the call was routed to
	 * @param routedId its project id
	 * @param balance the balance
	 */
	public record RoutedBalance(String routedTo, long routedId, Balance balance) {
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
	 * @param transaction the Wallet API's answer
	 */
	public record PaymentResult(String routedTo, long routedId, Map<String, Object> transaction) {
	}

}
