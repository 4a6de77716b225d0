package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The status of a transaction. A created transaction is {@code new}; the payer accepts it and it
 * is {@code reserved} (or {@code waiting} for funds or registration); the client confirms it
 * ({@code confirmed}) or revokes it ({@code revoked}).
 * <p>
 * A value this client does not know reads as {@link #UNKNOWN}, so that a status added to the
 * API later does not break reading the response.
 */
public enum TransactionStatus {

	/** Created, not yet accepted by the payer. */
	NEW("new"),

	/** Accepted, waiting for something before it can be reserved. */
	WAITING("waiting"),

	/** Waiting for the payer to register. */
	WAITING_REGISTRATION("waiting_registration"),

	/** Waiting for funds in the payer's account. */
	WAITING_FUNDS("waiting_funds"),

	/** Accepted by the payer, the money is reserved; can be confirmed or revoked. */
	RESERVED("reserved"),

	/** Confirmed by the client: the money moved. */
	CONFIRMED("confirmed"),

	/** Revoked by the client. */
	REVOKED("revoked"),

	/** Rejected by the payer. */
	REJECTED("rejected"),

	/** Failed. */
	FAILED("failed"),

	/** Deleted, for example a {@code new} transaction older than a month. */
	DELETED("deleted"),

	/** A value this client does not know. */
	UNKNOWN(null);

	private final @Nullable String wireValue;

	TransactionStatus(@Nullable String wireValue) {
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
	public static TransactionStatus fromWireValue(@Nullable String value) {
		return Lenient.value(values(), TransactionStatus::wireValue, UNKNOWN, value);
	}

}
