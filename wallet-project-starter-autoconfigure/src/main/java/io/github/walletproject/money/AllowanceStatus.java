package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The status of an allowance.
 * <p>
 * A value this client does not know reads as {@link #UNKNOWN}, so that a status added to the
 * API later does not break reading the response.
 */
public enum AllowanceStatus {

	/** Created, not yet confirmed by the user. */
	NEW("new"),

	/** Confirmed and in force. */
	ACTIVE("active"),

	/** No longer in force. */
	INACTIVE("inactive"),

	/** Canceled or deleted. */
	DELETED("deleted"),

	/** A value this client does not know. */
	UNKNOWN(null);

	private final @Nullable String wireValue;

	AllowanceStatus(@Nullable String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value as the Wallet API spells it.
	 * @return the value, such as {@code "new"}; {@code null} for {@link #UNKNOWN}
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
	public static AllowanceStatus fromWireValue(@Nullable String value) {
		return Lenient.value(values(), AllowanceStatus::wireValue, UNKNOWN, value);
	}

}
