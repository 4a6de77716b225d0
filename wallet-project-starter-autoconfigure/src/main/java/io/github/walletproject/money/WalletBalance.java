package io.github.walletproject.money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * A wallet's balance ({@code GET wallet/{id}/balance}), one entry per currency in the order
 * the API listed them. Amounts come from the API's {@code *_decimal} fields, else from its
 * cents.
 *
 * @param currencies the funds keyed by currency code
 */
public record WalletBalance(Map<String, CurrencyFunds> currencies) {

	/**
	 * Copy the map, keeping its order.
	 */
	public WalletBalance {
		currencies = Collections.unmodifiableMap(new LinkedHashMap<>(currencies));
	}

	/**
	 * The funds of one currency.
	 * @param currency the currency code
	 * @return its funds, or empty when the wallet has none
	 */
	public Optional<CurrencyFunds> currency(String currency) {
		return Optional.ofNullable(this.currencies.get(currency));
	}

	/**
	 * Read a balance from the API's object keyed by currency.
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static WalletBalance fromJson(LinkedHashMap<String, CurrencyFunds.@Nullable FundsJson> json) {
		Map<String, CurrencyFunds> currencies = new LinkedHashMap<>();
		json.forEach((currency, funds) -> currencies.put(currency,
				ApiConventions.required(funds, "balance." + currency).toFunds(currency)));
		return new WalletBalance(currencies);
	}

}
