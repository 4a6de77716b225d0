package io.github.walletproject.money;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A transaction as the Wallet API returns it.
 *
 * @param key the transaction key, which names it in later calls
 * @param status its status
 * @param type how the payer accepts it, or {@link TransactionType#UNKNOWN} when not sent
 * @param projectId the project it belongs to, when the API says it, or {@code null}
 * @param walletId the payer's wallet, once known, or {@code null}
 * @param createdAt when it was created
 * @param confirmedAt when it was confirmed, or {@code null}
 * @param correlationKey the correlation key, or {@code null}
 * @param payments its payments
 * @param allowance its allowance, or {@code null}
 * @param allowanceOptional whether the payer may decline the allowance, or {@code null}
 * @param useAllowance whether the payer's active allowance may accept it, or {@code null}
 * @param suggestAllowance whether the payer is offered an allowance, or {@code null}
 * @param autoConfirm whether it is confirmed as soon as it is accepted, or {@code null}
 * @param redirectUri where the payer returns, or {@code null}
 * @param callbackUri where callbacks go, or {@code null} (also when callbacks are disabled)
 * @param locationId the location it was made at, or {@code null}
 */
@JsonDeserialize(converter = TransactionJson.Decode.class)
public record Transaction(String key, TransactionStatus status, TransactionType type, @Nullable Long projectId,
		@Nullable Long walletId, Instant createdAt, @Nullable Instant confirmedAt, @Nullable String correlationKey,
		List<Payment> payments, @Nullable Allowance allowance, @Nullable Boolean allowanceOptional,
		@Nullable Boolean useAllowance, @Nullable Boolean suggestAllowance, @Nullable Boolean autoConfirm,
		@Nullable String redirectUri, @Nullable String callbackUri, @Nullable Long locationId) {

	/**
	 * Copy the payments.
	 */
	public Transaction {
		payments = ApiConventions.list(payments);
	}

	/**
	 * A payment of this transaction.
	 * @param paymentId the payment id
	 * @return the payment, if it belongs to this transaction
	 */
	public Optional<Payment> payment(long paymentId) {
		return this.payments.stream().filter(payment -> payment.id() == paymentId).findFirst();
	}

}
