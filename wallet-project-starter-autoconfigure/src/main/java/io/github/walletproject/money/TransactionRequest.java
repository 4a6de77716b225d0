package io.github.walletproject.money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A transaction to create: payments (new ones, or existing ones by id) and/or an allowance,
 * that the payer accepts in one go. The project is not part of the request: it is the project
 * bound when the request is sent ({@code @WalletProject}, {@code ProjectContext}), carried as
 * {@code project_id} in the signature's {@code ext} (or the {@code Wallet-Api-Project-Id}
 * header), like every other call.
 *
 * <pre class="code">
 * TransactionRequest request = TransactionRequest.builder()
 *     .payment(PaymentRequest.of("Order #1234", Money.of("12.99", "EUR")))
 *     .redirectUri("https://shop.example/paid")
 *     .build();
 * </pre>
 *
 * @param payments new payments, possibly empty
 * @param paymentIds existing payments to include, possibly empty
 * @param allowance a new allowance to include, or {@code null}
 * @param allowanceId an existing allowance to include, or {@code null}
 * @param allowanceOptional whether the payer may decline the allowance and still pay, or {@code null}
 * @param reserveForHours how long the money stays reserved before confirmation, or {@code null}
 * @param reserveUntil until when the money stays reserved, or {@code null}
 * @param useAllowance whether the payer's active allowance may accept it automatically, or {@code null}
 * @param suggestAllowance whether the payer is offered to create an allowance, or {@code null}
 * @param autoConfirm whether it is confirmed as soon as the payer accepts it, or {@code null}
 * @param redirectUri where the payer returns after accepting, or {@code null}
 * @param callbackUri where the API sends status callbacks, or {@code null}
 * @param callbacksDisabled whether no callbacks are sent at all
 */
@JsonSerialize(converter = TransactionJson.EncodeRequest.class)
public record TransactionRequest(List<PaymentRequest> payments, List<Long> paymentIds,
		@Nullable AllowanceRequest allowance, @Nullable Long allowanceId, @Nullable Boolean allowanceOptional,
		@Nullable Integer reserveForHours, @Nullable Instant reserveUntil, @Nullable Boolean useAllowance,
		@Nullable Boolean suggestAllowance, @Nullable Boolean autoConfirm, @Nullable String redirectUri,
		@Nullable String callbackUri, boolean callbacksDisabled) {

	/**
	 * Check the transaction as the API will.
	 */
	public TransactionRequest {
		payments = ApiConventions.list(payments);
		paymentIds = ApiConventions.list(paymentIds);
		if (payments.isEmpty() && paymentIds.isEmpty() && allowance == null && allowanceId == null) {
			throw new IllegalArgumentException("A transaction needs at least one payment or an allowance");
		}
		if (allowance != null && allowanceId != null) {
			throw new IllegalArgumentException("A transaction has a new allowance or an existing one, not both");
		}
		if (reserveForHours != null && reserveUntil != null) {
			throw new IllegalArgumentException("A transaction is reserved for some hours or until a time, not both");
		}
		if (callbacksDisabled && callbackUri != null) {
			throw new IllegalArgumentException("A transaction has a callback URI or no callbacks, not both");
		}
	}

	/**
	 * A transaction of some new payments.
	 * @param payments the payments
	 * @return the transaction
	 */
	public static TransactionRequest of(PaymentRequest... payments) {
		return builder().payments(List.of(payments)).build();
	}

	/**
	 * Start building a transaction.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link TransactionRequest}.
	 */
	public static final class Builder {

		private final List<PaymentRequest> payments = new ArrayList<>();

		private final List<Long> paymentIds = new ArrayList<>();

		private @Nullable AllowanceRequest allowance;

		private @Nullable Long allowanceId;

		private @Nullable Boolean allowanceOptional;

		private @Nullable Integer reserveForHours;

		private @Nullable Instant reserveUntil;

		private @Nullable Boolean useAllowance;

		private @Nullable Boolean suggestAllowance;

		private @Nullable Boolean autoConfirm;

		private @Nullable String redirectUri;

		private @Nullable String callbackUri;

		private boolean callbacksDisabled;

		private Builder() {
		}

		/**
		 * Add a new payment.
		 * @param payment the payment
		 * @return this builder
		 */
		public Builder payment(PaymentRequest payment) {
			this.payments.add(payment);
			return this;
		}

		/**
		 * Add new payments.
		 * @param payments the payments
		 * @return this builder
		 */
		public Builder payments(List<PaymentRequest> payments) {
			this.payments.addAll(payments);
			return this;
		}

		/**
		 * Add an existing payment by id.
		 * @param paymentId the payment id
		 * @return this builder
		 */
		public Builder paymentId(long paymentId) {
			this.paymentIds.add(paymentId);
			return this;
		}

		/**
		 * Include a new allowance.
		 * @param allowance the allowance
		 * @param optional whether the payer may decline it and still pay
		 * @return this builder
		 */
		public Builder allowance(AllowanceRequest allowance, boolean optional) {
			this.allowance = allowance;
			this.allowanceId = null;
			this.allowanceOptional = optional;
			return this;
		}

		/**
		 * Include an existing allowance.
		 * @param allowanceId the allowance id
		 * @param optional whether the payer may decline it and still pay
		 * @return this builder
		 */
		public Builder allowanceId(long allowanceId, boolean optional) {
			this.allowanceId = allowanceId;
			this.allowance = null;
			this.allowanceOptional = optional;
			return this;
		}

		/**
		 * Keep the money reserved for some hours before confirmation.
		 * @param hours how many hours
		 * @return this builder
		 */
		public Builder reserveForHours(int hours) {
			this.reserveForHours = hours;
			this.reserveUntil = null;
			return this;
		}

		/**
		 * Keep the money reserved until a time.
		 * @param until the end of the reservation
		 * @return this builder
		 */
		public Builder reserveUntil(Instant until) {
			this.reserveUntil = until;
			this.reserveForHours = null;
			return this;
		}

		/**
		 * Whether the payer's active allowance may accept the transaction automatically.
		 * @param useAllowance whether it may
		 * @return this builder
		 */
		public Builder useAllowance(boolean useAllowance) {
			this.useAllowance = useAllowance;
			return this;
		}

		/**
		 * Whether the payer is offered to create an allowance.
		 * @param suggestAllowance whether to offer it
		 * @return this builder
		 */
		public Builder suggestAllowance(boolean suggestAllowance) {
			this.suggestAllowance = suggestAllowance;
			return this;
		}

		/**
		 * Whether the transaction is confirmed as soon as the payer accepts it.
		 * @param autoConfirm whether to confirm automatically
		 * @return this builder
		 */
		public Builder autoConfirm(boolean autoConfirm) {
			this.autoConfirm = autoConfirm;
			return this;
		}

		/**
		 * Where the payer returns after accepting.
		 * @param redirectUri the URI
		 * @return this builder
		 */
		public Builder redirectUri(String redirectUri) {
			this.redirectUri = redirectUri;
			return this;
		}

		/**
		 * Where the API sends status callbacks (instead of the client's default).
		 * @param callbackUri the URI
		 * @return this builder
		 */
		public Builder callbackUri(String callbackUri) {
			this.callbackUri = callbackUri;
			this.callbacksDisabled = false;
			return this;
		}

		/**
		 * Send no status callbacks for this transaction.
		 * @return this builder
		 */
		public Builder noCallbacks() {
			this.callbacksDisabled = true;
			this.callbackUri = null;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when it has no payment and no allowance
		 */
		public TransactionRequest build() {
			return new TransactionRequest(this.payments, this.paymentIds, this.allowance, this.allowanceId,
					this.allowanceOptional, this.reserveForHours, this.reserveUntil, this.useAllowance,
					this.suggestAllowance, this.autoConfirm, this.redirectUri, this.callbackUri, this.callbacksDisabled);
		}

	}

}
