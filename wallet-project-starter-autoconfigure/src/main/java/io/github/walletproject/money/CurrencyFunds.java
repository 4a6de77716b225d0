package io.github.walletproject.money;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The funds of one currency in a wallet.
 *
 * @param currency the currency code
 * @param atDisposal what can be spent
 * @param reserved what is reserved for transactions not yet confirmed
 * @param converted the same funds in the currency asked for with {@code convert_to}, when the
 * balance was asked that way, else {@code null}
 */
public record CurrencyFunds(String currency, Money atDisposal, Money reserved, @Nullable Converted converted) {

	/**
	 * Funds without a conversion.
	 * @param currency the currency code
	 * @param atDisposal what can be spent
	 * @param reserved what is reserved
	 */
	public CurrencyFunds(String currency, Money atDisposal, Money reserved) {
		this(currency, atDisposal, reserved, null);
	}

	/**
	 * Everything in this currency.
	 * @return {@code atDisposal + reserved}
	 */
	public Money total() {
		return Money.of(this.atDisposal.amount().add(this.reserved.amount()), this.currency);
	}

	/**
	 * Funds converted to the currency of {@code convert_to} (the API's {@code converted} object;
	 * it does not repeat that currency, so the amounts are plain decimals in it).
	 *
	 * @param atDisposal what can be spent, converted
	 * @param reserved what is reserved, converted
	 */
	public record Converted(BigDecimal atDisposal, BigDecimal reserved) {

		/**
		 * Both amounts as money in the currency the balance was converted to.
		 * @param currency the {@code convert_to} currency
		 * @return what can be spent
		 */
		public Money atDisposal(String currency) {
			return Money.of(this.atDisposal, currency);
		}

	}

	/**
	 * One currency's entry of a balance as the API sends it ({@code Mapper.php}
	 * {@code decodeWalletBalance}; {@code converted} as the Java SDK's
	 * {@code WalletBalanceDeserializer} reads it). A missing amount reads as zero, as in the PHP
	 * client.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record FundsJson(@JsonProperty("at_disposal") @Nullable Long atDisposal,
			@JsonProperty("at_disposal_decimal") @Nullable String atDisposalDecimal,
			@JsonProperty("reserved") @Nullable Long reserved,
			@JsonProperty("reserved_decimal") @Nullable String reservedDecimal,
			@JsonProperty("converted") @Nullable FundsJson converted) {

		CurrencyFunds toFunds(String currency) {
			String field = "balance." + currency;
			Converted convertedFunds = null;
			if (this.converted != null) {
				convertedFunds = new Converted(this.converted.plain(true, field + ".converted"),
						this.converted.plain(false, field + ".converted"));
			}
			return new CurrencyFunds(currency, amount(true, currency, field), amount(false, currency, field),
					convertedFunds);
		}

		private Money amount(boolean atDisposal, String currency, String field) {
			try {
				return Money.of(plain(atDisposal, field), currency);
			}
			catch (IllegalArgumentException ex) {
				throw new io.github.walletproject.WalletResponseException(
						"Wallet API sent " + field + " in an invalid currency", ex);
			}
		}

		private java.math.BigDecimal plain(boolean atDisposal, String field) {
			Long cents = atDisposal ? this.atDisposal : this.reserved;
			String decimal = atDisposal ? this.atDisposalDecimal : this.reservedDecimal;
			java.math.BigDecimal amount = ApiConventions.amount(cents, decimal,
					field + (atDisposal ? ".at_disposal" : ".reserved"));
			return (amount != null) ? amount : java.math.BigDecimal.ZERO.setScale(2);
		}

	}

}
