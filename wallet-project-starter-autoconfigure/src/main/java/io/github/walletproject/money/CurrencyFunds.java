package io.github.walletproject.money;

/**
 * The funds of one currency in a wallet.
 *
 * @param currency the currency code
 * @param atDisposal what can be spent
 * @param reserved what is reserved for transactions not yet confirmed
 */
public record CurrencyFunds(String currency, Money atDisposal, Money reserved) {

	/**
	 * Everything in this currency.
	 * @return {@code atDisposal + reserved}
	 */
	public Money total() {
		return Money.of(this.atDisposal.amount().add(this.reserved.amount()), this.currency);
	}

}
