package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Whether a statement moved money into the wallet or out of it.
 * <p>
 * A value this client does not know reads as {@link #UNKNOWN}, so that a status added to the
 * API later does not break reading the response.
 */
public enum StatementDirection {

	/** Money came in. */
	IN("in"),

	/** Money went out. */
	OUT("out"),

	/** A value this client does not know. */
	UNKNOWN(null);

	private final @Nullable String wireValue;

	StatementDirection(@Nullable String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value as the Wallet API spells it.
	 * @return the value, such as {@code "in"}; {@code null} for {@link #UNKNOWN}
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
	public static StatementDirection fromWireValue(@Nullable String value) {
		return Lenient.value(values(), StatementDirection::wireValue, UNKNOWN, value);
	}

}
