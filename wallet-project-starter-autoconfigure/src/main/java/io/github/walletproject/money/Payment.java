package io.github.walletproject.money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A payment as the Wallet API returns it.
 *
 * @param id the payment id
 * @param transactionKey the transaction it belongs to, or {@code null}
 * @param status its status
 * @param createdAt when it was created
 * @param confirmedAt when it was confirmed, or {@code null}
 * @param price its price
 * @param cashback the part returned to the payer, or {@code null}
 * @param walletId the payer's wallet, once known, or {@code null}
 * @param beneficiary who receives the money, or {@code null}
 * @param description its description, or {@code null}
 * @param items its items, possibly empty
 * @param freezeForHours the freeze period in hours, or {@code null}
 * @param freezeUntil when the freeze ends, or {@code null}
 * @param parameters the free-form data kept with it
 * @param purpose its purpose code, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Payment(long id, @Nullable String transactionKey, PaymentStatus status, Instant createdAt,
		@Nullable Instant confirmedAt, Money price, @Nullable Money cashback, @Nullable Long walletId,
		@Nullable WalletIdentifier beneficiary, @Nullable String description, List<PaymentItem> items,
		@Nullable Integer freezeForHours, @Nullable Instant freezeUntil, Map<String, Object> parameters,
		@Nullable String purpose) {

	/**
	 * Copy the collections.
	 */
	public Payment {
		items = ApiConventions.list(items);
		parameters = ApiConventions.map(parameters);
	}

	/**
	 * Read a payment from the Wallet API's fields ({@code Mapper.php} {@code decodePayment}):
	 * amounts from {@code price_decimal}/{@code cashback_decimal} when sent, else from cents.
	 */
	@JsonCreator
	static Payment fromJson(@JsonProperty("id") @Nullable Long id,
			@JsonProperty("transaction_key") @Nullable String transactionKey,
			@JsonProperty("status") @Nullable String status, @JsonProperty("created_at") @Nullable Long createdAt,
			@JsonProperty("confirmed_at") @Nullable Long confirmedAt, @JsonProperty("price") @Nullable Long price,
			@JsonProperty("price_decimal") @Nullable String priceDecimal,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("cashback") @Nullable Long cashback,
			@JsonProperty("cashback_decimal") @Nullable String cashbackDecimal,
			@JsonProperty("wallet") @Nullable Long wallet,
			@JsonProperty("beneficiary") @Nullable WalletIdentifier beneficiary,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("items") @Nullable List<PaymentItem.ItemJson> items,
			@JsonProperty("freeze_for") @Nullable Integer freezeFor,
			@JsonProperty("freeze_until") @Nullable Long freezeUntil,
			@JsonProperty("parameters") @Nullable Map<String, Object> parameters,
			@JsonProperty("purpose") @Nullable String purpose) {
		List<PaymentItem> read = new ArrayList<>();
		for (PaymentItem.ItemJson item : ApiConventions.list(items)) {
			read.add(item.toItem(currency));
		}
		return new Payment(ApiConventions.required(id, "payment.id"), transactionKey,
				PaymentStatus.fromWireValue(status),
				ApiConventions.required(ApiConventions.instant(createdAt), "payment.created_at"),
				ApiConventions.instant(confirmedAt),
				ApiConventions.requiredMoney(price, priceDecimal, currency, "payment.price"),
				ApiConventions.money(cashback, cashbackDecimal, currency, "payment.cashback"), wallet, beneficiary,
				description, read, freezeFor, ApiConventions.instant(freezeUntil), ApiConventions.map(parameters),
				purpose);
	}

}
