package io.github.walletproject.callback;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The type of a transaction callback (Paysera's PHP client, {@code Callback/EventSubscriber.php}, lists the first seven; {@code revoked} and {@code done} are statuses Paysera's guide also names).
 * A value this client does not know reads as {@link #UNKNOWN}; {@code typeName()} of the event keeps it.
 */
public enum TransactionCallbackType {

	/** {@code reserved}. */
	RESERVED,

	/** {@code waiting_funds}. */
	WAITING_FUNDS,

	/** {@code waiting_registration}. */
	WAITING_REGISTRATION,

	/** {@code waiting_password}. */
	WAITING_PASSWORD,

	/** {@code confirmed}. */
	CONFIRMED,

	/** {@code rejected}. */
	REJECTED,

	/** {@code failed}. */
	FAILED,

	/** {@code revoked}. */
	REVOKED,

	/** {@code done}. */
	DONE,

	/** A type this client does not know. */
	UNKNOWN;

	/**
	 * The type as Paysera spells it.
	 * @return the value, such as {@code "reserved"}; {@code null} for {@link #UNKNOWN}
	 */
	public @Nullable String wireValue() {
		return (this == UNKNOWN) ? null : name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Read a type as Paysera spells it.
	 * @param value the value, or {@code null}
	 * @return the constant; {@link #UNKNOWN} for a value this client does not know
	 */
	public static TransactionCallbackType fromWireValue(@Nullable String value) {
		for (TransactionCallbackType type : values()) {
			if (type != UNKNOWN && type.name().toLowerCase(Locale.ROOT).equals(value)) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
