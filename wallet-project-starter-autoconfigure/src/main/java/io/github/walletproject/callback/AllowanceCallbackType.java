package io.github.walletproject.callback;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The type of an allowance callback: Paysera names it after the allowance's new status (its PHP client dispatches {@code allowance.<type>} without listing them).
 * A value this client does not know reads as {@link #UNKNOWN}; {@code typeName()} of the event keeps it.
 */
public enum AllowanceCallbackType {

	/** {@code new}. */
	NEW,

	/** {@code active}. */
	ACTIVE,

	/** {@code inactive}. */
	INACTIVE,

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
	public static AllowanceCallbackType fromWireValue(@Nullable String value) {
		for (AllowanceCallbackType type : values()) {
			if (type != UNKNOWN && type.name().toLowerCase(Locale.ROOT).equals(value)) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
