package io.github.walletproject.client;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A wallet's balance ({@code GET wallet/{id}/balance}), one entry per currency.
 *
 * @param walletId the wallet
 * @param currencies the balances keyed by currency code, in the order the API listed them
 */
public record Balance(long walletId, Map<String, CurrencyBalance> currencies) implements Serializable {

	/**
	 * Copy the map into an unmodifiable one that keeps its order.
	 */
	public Balance {
		currencies = Collections.unmodifiableMap(new LinkedHashMap<>(currencies));
	}

	/**
	 * The balance of one currency.
	 * @param currency the currency code
	 * @return its balance, or empty when the wallet has none
	 */
	public Optional<CurrencyBalance> currency(String currency) {
		return Optional.ofNullable(this.currencies.get(currency));
	}

}
