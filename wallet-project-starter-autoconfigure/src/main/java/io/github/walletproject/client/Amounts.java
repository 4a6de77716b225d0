package io.github.walletproject.client;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.github.walletproject.WalletResponseException;
import org.jspecify.annotations.Nullable;

/**
 * The Wallet API's one money convention, written once: amounts travel as integer cents for
 * every currency (Paysera's own clients divide by 100 whatever the currency), and where the
 * API also sends a {@code *_decimal} field, that exact decimal text wins.
 */
public final class Amounts {

	private Amounts() {
	}

	/**
	 * An amount in cents as a decimal.
	 * @param cents the integer amount the API sent
	 * @return the amount, with two decimal places
	 */
	public static BigDecimal fromCents(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	/**
	 * A decimal amount as the API's integer cents.
	 * @param amount the amount
	 * @return the cents
	 * @throws ArithmeticException when the amount has more than two decimal places
	 */
	public static long toCents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
	}

	/**
	 * The amount of a field the API sends both ways: the {@code *_decimal} text when present,
	 * otherwise the cents.
	 * @param decimal the {@code *_decimal} field, or {@code null}
	 * @param cents the integer field, or {@code null}
	 * @param what the field, for the message when neither is usable
	 * @return the amount
	 */
	public static BigDecimal of(@Nullable String decimal, @Nullable Long cents, String what) {
		if (decimal != null) {
			try {
				return new BigDecimal(decimal);
			}
			catch (NumberFormatException ex) {
				throw new WalletResponseException("Wallet API " + what + " is not a decimal number", ex);
			}
		}
		if (cents != null) {
			return fromCents(cents);
		}
		throw new WalletResponseException("Wallet API " + what + " has no amount");
	}

}
