package io.github.walletproject.money;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

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
@JsonDeserialize(converter = PaymentJson.Decode.class)
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

}
