package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How the payer accepts a transaction.
 * <p>
 * A value this client does not know reads as {@link #UNKNOWN}, so that a status added to the
 * API later does not break reading the response.
 */
public enum TransactionType {

	/** Accepted automatically, with an allowance. */
	AUTOMATIC("automatic"),

	/** On Paysera's confirmation page. */
	PAGE("page"),

	/** With a flash SMS. */
	FLASH("flash"),

	/** With the payer's PIN. */
	PIN("pin"),

	/** A value this client does not know. */
	UNKNOWN(null);

	private final @Nullable String wireValue;

	TransactionType(@Nullable String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value as the Wallet API spells it.
	 * @return the value, such as {@code "automatic"}; {@code null} for {@link #UNKNOWN}
	 */
	@JsonValue
	public @Nullable String wireValue() {
		return this.wireValue;
	}

	/**
	 * Read a value as the Wallet API spells it.
	 * @param value the value, or {@code null}
	 * @return the constant; {@link #UNKNOWN} for a value this client does not know
	 */
	@JsonCreator
	public static TransactionType fromWireValue(@Nullable String value) {
		return Lenient.value(values(), TransactionType::wireValue, UNKNOWN, value);
	}

}
