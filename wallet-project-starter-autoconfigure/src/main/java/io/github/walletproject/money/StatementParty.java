package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The other side of a statement.
 *
 * @param name the party's name (its display name when no name is sent), or {@code null}
 * @param code the party's person or company code, or {@code null}
 * @param bic the bank's BIC, or {@code null}
 * @param accountNumber the party's account number, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementParty(@Nullable String name, @Nullable String code, @Nullable String bic,
		@Nullable String accountNumber) {

	/**
	 * Read the party from the Wallet API's fields ({@code Mapper.php} {@code decodeStatementParty}).
	 */
	@JsonCreator
	static StatementParty fromJson(@JsonProperty("name") @Nullable String name,
			@JsonProperty("display_name") @Nullable String displayName, @JsonProperty("code") @Nullable String code,
			@JsonProperty("bic") @Nullable String bic, @JsonProperty("account_number") @Nullable String accountNumber) {
		return new StatementParty((name != null && !name.isEmpty()) ? name : displayName, code, bic, accountNumber);
	}

}
