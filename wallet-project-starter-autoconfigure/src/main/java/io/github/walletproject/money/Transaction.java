package io.github.walletproject.money;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

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
 * @param reserveForHours for how many hours the funds stay reserved ({@code reserve.for}), or {@code null}
 * @param reserveUntil until when the funds stay reserved ({@code reserve.until}), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Transaction(String key, TransactionStatus status, TransactionType type, @Nullable Long projectId,
		@Nullable Long walletId, Instant createdAt, @Nullable Instant confirmedAt, @Nullable String correlationKey,
		List<Payment> payments, @Nullable Allowance allowance, @Nullable Boolean allowanceOptional,
		@Nullable Boolean useAllowance, @Nullable Boolean suggestAllowance, @Nullable Boolean autoConfirm,
		@Nullable String redirectUri, @Nullable String callbackUri, @Nullable Long locationId,
		@Nullable Integer reserveForHours, @Nullable Instant reserveUntil) {

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

	/**
	 * Read a transaction from the Wallet API's fields ({@code Mapper.php} {@code decodeTransaction}).
	 */
	@JsonCreator
	static Transaction fromJson(@JsonProperty("transaction_key") @Nullable String key,
			@JsonProperty("status") @Nullable String status, @JsonProperty("type") @Nullable String type,
			@JsonProperty("project_id") @Nullable Long projectId, @JsonProperty("wallet") @Nullable Long wallet,
			@JsonProperty("created_at") @Nullable Long createdAt,
			@JsonProperty("confirmed_at") @Nullable Long confirmedAt,
			@JsonProperty("correlation_key") @Nullable String correlationKey,
			@JsonProperty("payments") @Nullable List<Payment> payments,
			@JsonProperty("allowance") @Nullable AllowanceJson allowance,
			@JsonProperty("use_allowance") @Nullable Boolean useAllowance,
			@JsonProperty("suggest_allowance") @Nullable Boolean suggestAllowance,
			@JsonProperty("auto_confirm") @Nullable Boolean autoConfirm,
			@JsonProperty("redirect_uri") @Nullable String redirectUri,
			@JsonProperty("callback_uri") @Nullable Object callbackUri,
			@JsonProperty("location_id") @Nullable Long locationId,
			@JsonProperty("reserve") @Nullable ReserveJson reserve) {
		return new Transaction(ApiConventions.required(key, "transaction.transaction_key"),
				TransactionStatus.fromWireValue(status), TransactionType.fromWireValue(type), projectId, wallet,
				ApiConventions.required(ApiConventions.instant(createdAt), "transaction.created_at"),
				ApiConventions.instant(confirmedAt), correlationKey, ApiConventions.list(payments),
				(allowance != null) ? allowance.data() : null, (allowance != null) ? allowance.optional() : null,
				useAllowance, suggestAllowance, autoConfirm, redirectUri,
				(callbackUri instanceof String uri) ? uri : null, locationId,
				(reserve != null) ? reserve.forHours() : null,
				(reserve != null) ? ApiConventions.instant(reserve.until()) : null);
	}

	/** The {@code allowance} object of a transaction. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AllowanceJson(@JsonProperty("data") @Nullable Allowance data,
			@JsonProperty("optional") @Nullable Boolean optional) {
	}

	/** The {@code reserve} object of a transaction. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ReserveJson(@JsonProperty("for") @Nullable Integer forHours, @JsonProperty("until") @Nullable Long until) {
	}

}
