package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The status of a payment.
 * <p>
 * A value this client does not know reads as {@link #UNKNOWN}, so that a status added to the
 * API later does not break reading the response.
 */
public enum PaymentStatus {

	/** Created, not yet accepted. */
	NEW("new"),

	/** Waiting for something before it can be reserved. */
	WAITING("waiting"),

	/** Waiting for the payer to register. */
	WAITING_REGISTRATION("waiting_registration"),

	/** The money is reserved. */
	RESERVED("reserved"),

	/** Confirmed: the money moved (it may still be frozen). */
	CONFIRMED("confirmed"),

	/** Done: the money is the beneficiary's. */
	DONE("done"),

	/** Canceled by the client. */
	CANCELED("canceled"),

	/** Revoked with its transaction. */
	REVOKED("revoked"),

	/** Rejected by the payer. */
	REJECTED("rejected"),

	/** Failed. */
	FAILED("failed"),

	/** Deleted. */
	DELETED("deleted"),

	/** A value this client does not know. */
	UNKNOWN(null);

	private final @Nullable String wireValue;

	PaymentStatus(@Nullable String wireValue) {
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
	public static PaymentStatus fromWireValue(@Nullable String value) {
		return Lenient.value(values(), PaymentStatus::wireValue, UNKNOWN, value);
	}

}
