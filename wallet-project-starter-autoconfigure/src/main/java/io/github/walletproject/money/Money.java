package io.github.walletproject.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in a currency. The amount is a {@link BigDecimal}, kept with at least two
 * decimals ({@code 12.9} becomes {@code 12.90}) so that equal amounts are equal.
 * <p>
 * The Wallet API counts every amount in cents, 1/100 of the currency unit, for every currency;
 * an amount with a fraction of a cent cannot be sent and is refused when a request is built.
 *
 * @param amount the amount
 * @param currency the ISO 4217 code, three upper-case letters
 */
public record Money(BigDecimal amount, String currency) implements Serializable {

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	/**
	 * Check the currency and normalize the amount's scale.
	 */
	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		if (!CURRENCY.matcher(currency).matches()) {
			throw new IllegalArgumentException("Currency '" + currency + "' is not a three-letter ISO 4217 code");
		}
		BigDecimal normalized = amount.stripTrailingZeros();
		amount = (normalized.scale() < 2) ? normalized.setScale(2) : normalized;
	}

	/**
	 * Money from a decimal amount.
	 * @param amount the amount, such as {@code 12.99}
	 * @param currency the currency code
	 * @return the money
	 */
	public static Money of(BigDecimal amount, String currency) {
		return new Money(amount, currency);
	}

	/**
	 * Money from a decimal string.
	 * @param amount the amount, such as {@code "12.99"}
	 * @param currency the currency code
	 * @return the money
	 */
	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	/**
	 * Money from cents, as the Wallet API counts them.
	 * @param cents the amount in cents ({@code 1299} is {@code 12.99})
	 * @param currency the currency code
	 * @return the money
	 */
	public static Money ofCents(long cents, String currency) {
		return new Money(ApiConventions.fromCents(cents), currency);
	}

	/**
	 * The amount in cents, as the Wallet API takes it.
	 * @return the amount in cents
	 * @throws IllegalArgumentException when the amount has a fraction of a cent
	 */
	public long cents() {
		return ApiConventions.toCents(this.amount, "Amount");
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency;
	}

}
