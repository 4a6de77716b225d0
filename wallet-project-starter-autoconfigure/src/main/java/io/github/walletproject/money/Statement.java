package io.github.walletproject.money;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

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
 */
@JsonDeserialize(converter = StatementJson.Decode.class)
public record Statement(long id, Money amount, Instant date, @Nullable String details, StatementDirection direction,
		StatementType type, @Nullable StatementParty otherParty, @Nullable Long transferId) {

}
