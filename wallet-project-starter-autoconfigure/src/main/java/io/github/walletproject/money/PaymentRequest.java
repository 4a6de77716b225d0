package io.github.walletproject.money;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A payment to create, alone ({@link WalletPayments#create}) or in a transaction
 * ({@link TransactionRequest}). It needs a description and a price, or items.
 *
 * <pre class="code">
 * PaymentRequest.of("Order #1234", Money.of("12.99", "EUR"))
 *     .withBeneficiary(WalletIdentifier.id(2112))
 *     .withParameters(Map.of("order", "1234"));
 * </pre>
 *
 * @param description what the payer pays for, or {@code null} when there are items
 * @param price the price, or {@code null} when there are items
 * @param cashback the part of the price returned to the payer, or {@code null}
 * @param items the items, possibly empty
 * @param beneficiary who receives the money, or {@code null} for the project's wallet
 * @param freezeForHours hours the beneficiary cannot use the money after confirmation, or {@code null}
 * @param parameters free-form data kept with the payment
 * @param purpose the purpose code ({@code cash}, {@code tips}), or {@code null}
 */
@JsonSerialize(converter = PaymentJson.EncodeRequest.class)
public record PaymentRequest(@Nullable String description, @Nullable Money price, @Nullable Money cashback,
		List<PaymentItem> items, @Nullable WalletIdentifier beneficiary, @Nullable Integer freezeForHours,
		Map<String, Object> parameters, @Nullable String purpose) {

	/**
	 * Check the payment as the API will.
	 */
	public PaymentRequest {
		items = ApiConventions.list(items);
		parameters = ApiConventions.map(parameters);
		if (items.isEmpty() && (description == null || price == null)) {
			throw new IllegalArgumentException("A payment needs a description and a price, or items");
		}
		if (cashback != null && price != null && !cashback.currency().equals(price.currency())) {
			throw new IllegalArgumentException("The cashback of a payment must be in its price's currency "
					+ price.currency() + ", was " + cashback.currency());
		}
		ApiConventions.checkCents(price, "The price of a payment");
		ApiConventions.checkCents(cashback, "The cashback of a payment");
		if (freezeForHours != null && freezeForHours < 0) {
			throw new IllegalArgumentException("freezeForHours must not be negative");
		}
	}

	/**
	 * A payment of a price.
	 * @param description what the payer pays for
	 * @param price the price
	 * @return the payment
	 */
	public static PaymentRequest of(String description, Money price) {
		return new PaymentRequest(description, price, null, List.of(), null, null, Map.of(), null);
	}

	/**
	 * A payment of items; its price is the sum of theirs.
	 * @param items the items
	 * @return the payment
	 */
	public static PaymentRequest ofItems(List<PaymentItem> items) {
		return new PaymentRequest(null, null, null, items, null, null, Map.of(), null);
	}

	/**
	 * This payment, paid to another wallet than the project's.
	 * @param beneficiary the wallet that receives the money
	 * @return a copy
	 */
	public PaymentRequest withBeneficiary(WalletIdentifier beneficiary) {
		return new PaymentRequest(this.description, this.price, this.cashback, this.items, beneficiary,
				this.freezeForHours, this.parameters, this.purpose);
	}

	/**
	 * This payment with a cashback.
	 * @param cashback the part of the price returned to the payer
	 * @return a copy
	 */
	public PaymentRequest withCashback(Money cashback) {
		return new PaymentRequest(this.description, this.price, cashback, this.items, this.beneficiary,
				this.freezeForHours, this.parameters, this.purpose);
	}

	/**
	 * This payment with the money frozen for the beneficiary after confirmation.
	 * @param hours how many hours
	 * @return a copy
	 */
	public PaymentRequest withFreezeForHours(int hours) {
		return new PaymentRequest(this.description, this.price, this.cashback, this.items, this.beneficiary, hours,
				this.parameters, this.purpose);
	}

	/**
	 * This payment with free-form data.
	 * @param parameters the data
	 * @return a copy
	 */
	public PaymentRequest withParameters(Map<String, Object> parameters) {
		return new PaymentRequest(this.description, this.price, this.cashback, this.items, this.beneficiary,
				this.freezeForHours, parameters, this.purpose);
	}

	/**
	 * This payment with a purpose code.
	 * @param purpose such as {@code cash} or {@code tips}
	 * @return a copy
	 */
	public PaymentRequest withPurpose(String purpose) {
		return new PaymentRequest(this.description, this.price, this.cashback, this.items, this.beneficiary,
				this.freezeForHours, this.parameters, purpose);
	}

}
