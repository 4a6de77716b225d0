package io.github.walletproject.money;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One line of a wallet's statement.
 *
 * @param id the statement id
 * @param amount the amount moved
 * @param date when it happened
 * @param details its text
 * @param direction whether money came in or went out
 * @param type what kind of movement it was
 * @param otherParty who was on the other side, or {@code null}
 * @param transferId the transfer behind it, or {@code null}
 * @param referenceNumber the payment's reference number ({@code reference_number}), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Statement(long id, Money amount, Instant date, @Nullable String details, StatementDirection direction,
		StatementType type, @Nullable StatementParty otherParty, @Nullable Long transferId,
		@Nullable String referenceNumber) {

	/**
	 * Read a statement from the Wallet API's fields: the amount from {@code amount_decimal} when
	 * sent, else {@code amount} in cents (as the Java SDK reads it; see docs/wallet-api-coverage.md).
	 */
	@JsonCreator
	static Statement fromJson(@JsonProperty("id") @Nullable Long id, @JsonProperty("amount") @Nullable Long amount,
			@JsonProperty("amount_decimal") @Nullable String amountDecimal,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("date") @Nullable Long date,
			@JsonProperty("details") @Nullable String details, @JsonProperty("direction") @Nullable String direction,
			@JsonProperty("type") @Nullable String type, @JsonProperty("other_party") @Nullable StatementParty otherParty,
			@JsonProperty("transfer_id") @Nullable Long transferId,
			@JsonProperty("reference_number") @Nullable String referenceNumber) {
		return new Statement(ApiConventions.required(id, "statement.id"),
				ApiConventions.requiredMoney(amount, amountDecimal, currency, "statement.amount"),
				ApiConventions.required(ApiConventions.instant(date), "statement.date"), details,
				StatementDirection.fromWireValue(direction), StatementType.fromWireValue(type), otherParty, transferId,
				referenceNumber);
	}

}
