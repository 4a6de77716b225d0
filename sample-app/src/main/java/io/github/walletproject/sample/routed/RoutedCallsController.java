package io.github.walletproject.sample.routed;

import java.util.List;
import java.util.Map;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.sample.mode.SampleMode;
import io.github.walletproject.sample.pay.PayViews.TransactionView;
import io.github.walletproject.sample.routed.RoutedWalletCalls.DemoPayment;
import io.github.walletproject.sample.routed.RoutedWalletCalls.PaymentResult;
import io.github.walletproject.sample.routed.RoutedWalletCalls.RoutedBalance;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the {@code @WalletProject} SpEL-routed calls and shows where they went, next to the
 * session's binding before and after the call (the method's binding is innermost while it
 * runs, and the session's comes back afterwards).
 */
@RestController
@RequestMapping("/api/routed")
class RoutedCallsController {

	private final RoutedWalletCalls calls;

	private final SampleMode mode;

	RoutedCallsController(RoutedWalletCalls calls, SampleMode mode) {
		this.calls = calls;
		this.mode = mode;
	}

	@GetMapping("/balance")
	Map<String, Object> balance(@RequestParam String project) {
		String before = ProjectContext.current().orElse(null);
		RoutedBalance result = this.calls.balanceOf(project);
		String after = ProjectContext.current().orElse(null);
		List<Map<String, String>> currencies = result.balance()
			.currencies()
			.values()
			.stream()
			.map(c -> Map.of("currency", c.currency(), "atDisposal", c.atDisposal().amount().toPlainString(), "reserved",
					c.reserved().amount().toPlainString()))
			.toList();
		return ordered("annotation", "@WalletProject(\"#{#project}\") balanceOf(String project)", "argument", project,
				"routedTo", result.routedTo(), "routedId", result.routedId(), "walletId", result.walletId(),
				"currencies", currencies, "sessionBindingBefore", before, "sessionBindingAfter", after);
	}

	@PostMapping("/payment")
	ResponseEntity<Map<String, Object>> payment(@RequestBody DemoPayment payment) {
		if (!this.mode.isDemo()) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(ordered("type", "DemoOnly", "message",
						"The sample only creates payment requests in the embedded demo Wallet API, never in a real one"));
		}
		if (payment.project() == null || payment.amount() == null || payment.amount().signum() <= 0
				|| payment.amount().scale() > 2 || payment.currency() == null
				|| !payment.currency().matches("[A-Z]{3}")) {
			return ResponseEntity.badRequest()
				.body(ordered("type", "InvalidPayment", "message",
						"A payment needs a project, a positive amount with at most two decimals and a currency code"));
		}
		DemoPayment normalized = new DemoPayment(payment.project(), payment.amount().setScale(2),
				payment.currency(), (payment.description() != null) ? payment.description() : "Demo payment");
		PaymentResult result = this.calls.pay(normalized);
		return ResponseEntity.ok(ordered("annotation", "@WalletProject(\"#{#payment.project}\") pay(DemoPayment payment)",
				"argument", payment.project(), "routedTo", result.routedTo(), "routedId", result.routedId(),
				"amount", normalized.amount().toPlainString(), "currency", normalized.currency(), "transaction",
				TransactionView.of(result.transaction())));
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
