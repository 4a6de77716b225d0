package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * What kind of movement a statement records.
 * <p>
 * A value this client does not know reads as {@link #UNKNOWN}, so that a status added to the
 * API later does not break reading the response.
 */
public enum StatementType {

	/** A transfer. */
	TRANSFER("transfer"),

	/** A commission fee. */
	COMMISSION("commission"),

	/** A currency exchange. */
	CURRENCY("currency"),

	/** A tax. */
	TAX("tax"),

	/** A returned transfer. */
	RETURN("return"),

	/** A payment made automatically, under an allowance. */
	AUTOMATIC_PAYMENT("automatic_payment"),

	/** A value this client does not know. */
	UNKNOWN(null);

	private final @Nullable String wireValue;

	StatementType(@Nullable String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value as the Wallet API spells it.
	 * @return the value, such as {@code "transfer"}; {@code null} for {@link #UNKNOWN}
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
	public static StatementType fromWireValue(@Nullable String value) {
		return Lenient.value(values(), StatementType::wireValue, UNKNOWN, value);
	}

}
