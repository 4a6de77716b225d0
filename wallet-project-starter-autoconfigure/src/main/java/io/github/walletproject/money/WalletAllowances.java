package io.github.walletproject.money;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Allowances of the Wallet API: create, read and cancel, in the bound project.
 *
 * @see WalletTransactions for how calls are routed and fail
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface WalletAllowances {

	/**
	 * {@code POST allowance}: create an allowance for the user to confirm. Not retried.
	 * @param request the allowance
	 * @return the allowance, {@code new}
	 */
	@PostExchange(url = "allowance", contentType = MediaType.APPLICATION_JSON_VALUE)
	Allowance create(@RequestBody AllowanceRequest request);

	/**
	 * {@code GET allowance/{id}}.
	 * @param allowanceId the allowance id
	 * @return the allowance
	 */
	@GetExchange("allowance/{id}")
	Allowance get(@PathVariable("id") long allowanceId);

	/**
	 * {@code DELETE allowance/{id}}: cancel an allowance.
	 * @param allowanceId the allowance id
	 * @return the allowance, canceled
	 */
	@DeleteExchange("allowance/{id}")
	Allowance cancel(@PathVariable("id") long allowanceId);

	/**
	 * {@code GET allowance/active/{wallet}}: the wallet's active allowance for the bound project.
	 * @param wallet a wallet id, or {@code me}
	 * @return the allowance
	 */
	@GetExchange("allowance/active/{wallet}")
	Allowance active(@PathVariable("wallet") String wallet);

	/**
	 * {@code GET allowance/active/{wallet}}.
	 * @param walletId the wallet id
	 * @return the allowance ({@code not_found} when it has none)
	 */
	default Allowance active(long walletId) {
		return active(Long.toString(walletId));
	}

	/**
	 * {@code DELETE allowance/active/{wallet}}: cancel the wallet's active allowance.
	 * @param wallet a wallet id, or {@code me}
	 * @return the cancelled allowance
	 */
	@DeleteExchange("allowance/active/{wallet}")
	Allowance cancelActive(@PathVariable("wallet") String wallet);

	/**
	 * {@code DELETE allowance/active/{wallet}}.
	 * @param walletId the wallet id
	 * @return the cancelled allowance
	 */
	default Allowance cancelActive(long walletId) {
		return cancelActive(Long.toString(walletId));
	}

	/**
	 * {@code GET allowance/limit/{wallet}?currency=…}: how much the wallet's active allowance
	 * still lets the bound project charge.
	 * @param walletId the wallet id
	 * @param currency the currency
	 * @return the amount left
	 */
	@GetExchange("allowance/limit/{wallet}")
	AllowanceLimitLeft limit(@PathVariable("wallet") long walletId, @RequestParam("currency") String currency);

}
