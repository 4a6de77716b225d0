package io.github.walletproject.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.walletproject.WalletResponseException;
import org.jspecify.annotations.Nullable;

/**
 * The Wallet API's conventions for values, in one place:
 * <ul>
 * <li>amounts travel as integer cents, 1/100 of the currency unit for <em>every</em> currency
 * (Paysera's own clients divide by 100 for JPY and KWD too), often with a decimal string
 * beside them ({@code price} and {@code price_decimal}); the decimal string wins when both
 * are sent, and the client sends cents only, never rounding an amount;</li>
 * <li>times travel as Unix seconds;</li>
 * <li>a required field that is missing in a response is a {@link WalletResponseException}
 * naming the field.</li>
 * </ul>
 */
final class ApiConventions {

	private ApiConventions() {
	}

	/**
	 * Amount in cents to a decimal amount.
	 * @param cents the amount in cents
	 * @return the amount with two decimals
	 */
	static BigDecimal fromCents(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	/**
	 * Decimal amount to cents, refusing to round.
	 * @param amount the amount
	 * @param what what the amount is, for the message
	 * @return the amount in cents
	 * @throws IllegalArgumentException when the amount has a fraction of a cent or is too large
	 */
	static long toCents(BigDecimal amount, String what) {
		try {
			return amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(what + " " + amount.toPlainString()
					+ " cannot be sent: the Wallet API takes whole cents (two decimals) for every currency", ex);
		}
	}

	/**
	 * Money as the API's {@code *_decimal} string, refusing to round.
	 * @param money the money, or {@code null}
	 * @param what what it is, for the message
	 * @return the amount with two decimals, such as {@code "12.99"}, or {@code null}
	 */
	static @Nullable String decimal(@Nullable Money money, String what) {
		return (money != null) ? fromCents(toCents(money.amount(), what)).toPlainString() : null;
	}

	/**
	 * Check that money can be sent: whole cents only.
	 * @param money the money, or {@code null}
	 * @param what what it is, for the message
	 * @throws IllegalArgumentException when it has a fraction of a cent
	 */
	static void checkCents(@Nullable Money money, String what) {
		if (money != null) {
			toCents(money.amount(), what);
		}
	}

	/**
	 * The money of a response field: its {@code *_decimal} string when sent, else its cents.
	 * @param cents the integer field, or {@code null}
	 * @param decimal the {@code *_decimal} field, or {@code null}
	 * @param currency the currency field
	 * @param field the field name, for messages
	 * @return the money, or {@code null} when neither amount was sent
	 */
	static @Nullable Money money(@Nullable Long cents, @Nullable String decimal, @Nullable String currency,
			String field) {
		BigDecimal amount = amount(cents, decimal, field);
		if (amount == null) {
			return null;
		}
		if (currency == null) {
			throw new WalletResponseException("Wallet API sent " + field + " without a currency");
		}
		try {
			return Money.of(amount, currency);
		}
		catch (IllegalArgumentException ex) {
			throw new WalletResponseException("Wallet API sent " + field + " in an invalid currency", ex);
		}
	}

	/**
	 * The amount of a response field: its {@code *_decimal} string when sent, else its cents.
	 * @param cents the integer field, or {@code null}
	 * @param decimal the {@code *_decimal} field, or {@code null}
	 * @param field the field name, for messages
	 * @return the amount, or {@code null} when neither was sent
	 */
	static @Nullable BigDecimal amount(@Nullable Long cents, @Nullable String decimal, String field) {
		if (decimal != null) {
			try {
				return new BigDecimal(decimal.trim());
			}
			catch (NumberFormatException ex) {
				throw new WalletResponseException("Wallet API sent " + field + "_decimal that is not a decimal number",
						ex);
			}
		}
		return (cents != null) ? fromCents(cents) : null;
	}

	/**
	 * A required money field of a response.
	 * @param cents the integer field
	 * @param decimal the {@code *_decimal} field
	 * @param currency the currency
	 * @param field the field name
	 * @return the money
	 */
	static Money requiredMoney(@Nullable Long cents, @Nullable String decimal, @Nullable String currency,
			String field) {
		Money money = money(cents, decimal, currency, field);
		if (money == null) {
			throw missing(field);
		}
		return money;
	}

	/**
	 * Unix seconds to an instant.
	 * @param seconds the seconds, or {@code null}
	 * @return the instant, or {@code null}
	 */
	static @Nullable Instant instant(@Nullable Long seconds) {
		return (seconds != null) ? Instant.ofEpochSecond(seconds) : null;
	}

	/**
	 * An instant to Unix seconds.
	 * @param instant the instant, or {@code null}
	 * @return the seconds, or {@code null}
	 */
	static @Nullable Long seconds(@Nullable Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

	/**
	 * A required field of a response.
	 * @param <T> its type
	 * @param value the value
	 * @param field the field name
	 * @return the value
	 */
	static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw missing(field);
		}
		return value;
	}

	static WalletResponseException missing(String field) {
		return new WalletResponseException("Wallet API response has no \"" + field + "\"");
	}

	static <T> List<T> list(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	static Map<String, Object> map(@Nullable Map<String, Object> map) {
		return (map != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map)) : Map.of();
	}

}
