package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import static io.github.walletproject.money.ApiConventions.instant;
import static io.github.walletproject.money.ApiConventions.required;
import static io.github.walletproject.money.ApiConventions.requiredMoney;

/**
 * The wire form of statements (field names from Paysera's PHP client,
 * {@code Mapper::decodeStatement} and {@code decodeStatementParty}). The amount is read in
 * cents like every other amount, or from {@code amount_decimal} when the API sends it.
 */
final class StatementJson {

	private StatementJson() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PartyIn(@JsonProperty("name") @Nullable String name,
			@JsonProperty("display_name") @Nullable String displayName, @JsonProperty("code") @Nullable String code,
			@JsonProperty("bic") @Nullable String bic,
			@JsonProperty("account_number") @Nullable String accountNumber) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record In(@JsonProperty("id") @Nullable Long id, @JsonProperty("amount") @Nullable Long amount,
			@JsonProperty("amount_decimal") @Nullable String amountDecimal,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("date") @Nullable Long date,
			@JsonProperty("details") @Nullable String details,
			@JsonProperty("direction") @Nullable String direction, @JsonProperty("type") @Nullable String type,
			@JsonProperty("other_party") @Nullable PartyIn otherParty,
			@JsonProperty("transfer_id") @Nullable Long transferId) {
	}

	static final class Decode extends Decoder<In, Statement> {

		Decode() {
			super("statement");
		}

		@Override
		Statement decode(In in) {
			PartyIn party = in.otherParty();
			StatementParty otherParty = null;
			if (party != null) {
				String name = (party.name() != null && !party.name().isEmpty()) ? party.name() : party.displayName();
				otherParty = new StatementParty(name, party.code(), party.bic(), party.accountNumber());
			}
			return new Statement(required(in.id(), "statement.id"),
					requiredMoney(in.amount(), in.amountDecimal(), in.currency(), "statement.amount"),
					required(instant(in.date()), "statement.date"), in.details(),
					StatementDirection.fromWireValue(in.direction()), StatementType.fromWireValue(in.type()), otherParty,
					in.transferId());
		}

	}

}
