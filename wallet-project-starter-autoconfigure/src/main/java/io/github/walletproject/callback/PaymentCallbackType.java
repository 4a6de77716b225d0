package io.github.walletproject.callback;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The type of a payment callback: Paysera names it after the payment's new status (its PHP client dispatches {@code payment.<type>} without listing them).
 * A value this client does not know reads as {@link #UNKNOWN}; {@code typeName()} of the event keeps it.
 */
public enum PaymentCallbackType {

	/** {@code new}. */
	NEW,

	/** {@code waiting}. */
	WAITING,

	/** {@code reserved}. */
	RESERVED,

	/** {@code confirmed}. */
	CONFIRMED,

	/** {@code done}. */
	DONE,

	/** {@code canceled}. */
	CANCELED,

	/** {@code revoked}. */
	REVOKED,

	/** {@code rejected}. */
	REJECTED,

	/** {@code failed}. */
	FAILED,

	/** {@code deleted}. */
	DELETED,

	/** A type this client does not know. */
	UNKNOWN;

	/**
	 * The type as Paysera spells it.
	 * @return the value, such as {@code "new"}; {@code null} for {@link #UNKNOWN}
	 */
	public @Nullable String wireValue() {
		return (this == UNKNOWN) ? null : name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Read a type as Paysera spells it.
	 * @param value the value, or {@code null}
	 * @return the constant; {@link #UNKNOWN} for a value this client does not know
	 */
	public static PaymentCallbackType fromWireValue(@Nullable String value) {
		for (PaymentCallbackType type : values()) {
			if (type != UNKNOWN && type.name().toLowerCase(Locale.ROOT).equals(value)) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
