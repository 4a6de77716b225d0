package io.github.walletproject.money;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
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

}
