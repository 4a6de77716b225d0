package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How much a wallet's active allowance still lets a project charge
 * ({@code GET allowance/limit/{wallet}?currency=…}).
 *
 * @param amount the amount left
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AllowanceLimitLeft(Money amount) {

	/**
	 * Read the answer ({@code Mapper.php} {@code decodeMoney}: {@code amount} in cents and
	 * {@code currency}; {@code amount_decimal} wins when sent).
	 */
	@JsonCreator
	static AllowanceLimitLeft fromJson(@JsonProperty("amount") @Nullable Long amount,
			@JsonProperty("amount_decimal") @Nullable String amountDecimal,
			@JsonProperty("currency") @Nullable String currency) {
		return new AllowanceLimitLeft(ApiConventions.requiredMoney(amount, amountDecimal, currency, "limit.amount"));
	}

}
