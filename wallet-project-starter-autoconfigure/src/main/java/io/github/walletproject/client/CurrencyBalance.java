package io.github.walletproject.client;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The balance of one currency in a wallet, as decimal amounts (from the API's
 * {@code *_decimal} fields, so no precision is lost).
 *
 * @param currency ISO 4217 code, such as {@code EUR}
 * @param atDisposal the amount that can be spent
 * @param reserved the amount reserved for pending transactions
 */
public record CurrencyBalance(String currency, BigDecimal atDisposal, BigDecimal reserved) implements Serializable {

	/**
	 * The total of both amounts.
	 * @return {@code atDisposal + reserved}
	 */
	public BigDecimal total() {
		return this.atDisposal.add(this.reserved);
	}

}
