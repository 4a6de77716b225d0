package io.github.walletproject.sample.pay;

import java.util.function.Supplier;

import io.github.walletproject.sample.mode.SampleMode;
import io.github.walletproject.sample.pay.PayViews.PayCard;
import io.github.walletproject.sample.pay.TransactionLifecycle.Attempt;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pay card's JSON API: a transaction's lifecycle in the browser session's current
 * project. Every answer is the session's whole {@link PayCard}, also when an action failed
 * (then with the failure's status, the failed step in the card's steps and the card's
 * {@code error}).
 * <p>
 * Only reading a transaction works in live mode: creating, accepting, confirming and revoking
 * answer {@code 409 DemoOnly} there and send nothing, so the sample never moves real money.
 */
@RestController
@RequestMapping("/api/pay")
class PayController {

	private final TransactionLifecycle lifecycle;

	private final PayCards cards;

	private final SampleMode mode;

	PayController(TransactionLifecycle lifecycle, PayCards cards, SampleMode mode) {
		this.lifecycle = lifecycle;
		this.cards = cards;
		this.mode = mode;
	}

	@GetMapping
	PayCard card(HttpServletRequest request) {
		return this.cards.of(request);
	}

	@PostMapping("/transaction")
	ResponseEntity<PayCard> create(@RequestBody NewTransaction transaction, HttpServletRequest request) {
		return act(request, true, () -> this.lifecycle.create(PayRules.price(transaction.amount(), transaction.currency()),
				PayRules.description(transaction.description())));
	}

	@GetMapping("/transaction/{key}")
	ResponseEntity<PayCard> read(@PathVariable String key, HttpServletRequest request) {
		return act(request, false, () -> this.lifecycle.read(PayRules.key(key)));
	}

	@PostMapping("/transaction/{key}/accept")
	ResponseEntity<PayCard> accept(@PathVariable String key, HttpServletRequest request) {
		return act(request, true, () -> this.lifecycle.acceptAsDemoPayer(PayRules.key(key)));
	}

	@PostMapping("/transaction/{key}/confirm")
	ResponseEntity<PayCard> confirm(@PathVariable String key, @RequestBody(required = false) @Nullable Confirmation body,
			HttpServletRequest request) {
		return act(request, true, () -> this.lifecycle.confirm(PayRules.key(key),
				PayRules.finalAmount((body != null) ? body.finalAmount() : null)));
	}

	@PostMapping("/transaction/{key}/revoke")
	ResponseEntity<PayCard> revoke(@PathVariable String key, HttpServletRequest request) {
		return act(request, true, () -> this.lifecycle.revoke(PayRules.key(key)));
	}

	private ResponseEntity<PayCard> act(HttpServletRequest request, boolean changesMoney, Supplier<Attempt> action) {
		PayHistory history = PayHistory.of(request, true);
		try {
			if (changesMoney && !this.mode.isDemo()) {
				throw PayRules.demoOnly();
			}
			Attempt attempt = action.get();
			history.record(attempt.step());
			if (attempt.failure() == null) {
				return ResponseEntity.ok(this.cards.of(history, null));
			}
			return ResponseEntity.status(PayRules.status(attempt.failure()))
				.body(this.cards.of(history, attempt.step().error()));
		}
		catch (RefusedAction refused) {
			// refused by the sample before any Wallet API call: not a step of the transaction
			return ResponseEntity.status(refused.status())
				.body(this.cards.of(history, TransactionLifecycle.error(refused)));
		}
	}

	/**
	 * A transaction to create, as the page sends it.
	 * @param amount the amount, such as {@code 12.99}
	 * @param currency the currency code
	 * @param description what it is for, or {@code null} for a default
	 */
	record NewTransaction(@Nullable String amount, @Nullable String currency, @Nullable String description) {
	}

	/**
	 * A confirmation, as the page sends it.
	 * @param finalAmount the final price, lower than the reserved one, or {@code null}/blank for
	 * the reserved price
	 */
	record Confirmation(@Nullable String finalAmount) {
	}

}
