package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Whether a project location is in use.
 * <p>
 * A value this client does not know reads as {@link #UNKNOWN}, so that a status added to the
 * API later does not break reading the response.
 */
public enum LocationStatus {

	/** In use. */
	ACTIVE("active"),

	/** Not in use. */
	INACTIVE("inactive"),

	/** A value this client does not know. */
	UNKNOWN(null);

	private final @Nullable String wireValue;

	LocationStatus(@Nullable String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value as the Wallet API spells it.
	 * @return the value, such as {@code "active"}; {@code null} for {@link #UNKNOWN}
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
	public static LocationStatus fromWireValue(@Nullable String value) {
		return Lenient.value(values(), LocationStatus::wireValue, UNKNOWN, value);
	}

}
