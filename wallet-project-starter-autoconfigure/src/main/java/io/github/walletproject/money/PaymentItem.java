package io.github.walletproject.money;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One line of a payment: a title, a unit price and a quantity.
 *
 * @param title what is sold
 * @param description more about it, or {@code null}
 * @param imageUri a picture of it, or {@code null}
 * @param price the price of one unit
 * @param quantity how many units
 * @param totalPrice the price of the line when it is not {@code price × quantity}, or {@code null}
 * @param parameters free-form data kept with the item
 */
@JsonSerialize(converter = PaymentJson.EncodeItem.class)
public record PaymentItem(String title, @Nullable String description, @Nullable String imageUri, Money price,
		int quantity, @Nullable Money totalPrice, Map<String, Object> parameters) {

	/**
	 * Check the fields.
	 */
	public PaymentItem {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(price, "price");
		if (quantity < 1) {
			throw new IllegalArgumentException("The quantity of item '" + title + "' must be at least 1");
		}
		if (totalPrice != null && !totalPrice.currency().equals(price.currency())) {
			throw new IllegalArgumentException("The total price of item '" + title + "' must be in " + price.currency());
		}
		ApiConventions.checkCents(price, "The price of item '" + title + "'");
		ApiConventions.checkCents(totalPrice, "The total price of item '" + title + "'");
		parameters = ApiConventions.map(parameters);
	}

	/**
	 * An item.
	 * @param title what is sold
	 * @param price the price of one unit
	 * @param quantity how many units
	 * @return the item
	 */
	public static PaymentItem of(String title, Money price, int quantity) {
		return new PaymentItem(title, null, null, price, quantity, null, Map.of());
	}

	/**
	 * This item with a description.
	 * @param description the description
	 * @return a copy
	 */
	public PaymentItem withDescription(String description) {
		return new PaymentItem(this.title, description, this.imageUri, this.price, this.quantity, this.totalPrice,
				this.parameters);
	}

	/**
	 * This item with a picture.
	 * @param imageUri the picture's URI
	 * @return a copy
	 */
	public PaymentItem withImageUri(String imageUri) {
		return new PaymentItem(this.title, this.description, imageUri, this.price, this.quantity, this.totalPrice,
				this.parameters);
	}

	/**
	 * This item with free-form data.
	 * @param parameters the data
	 * @return a copy
	 */
	public PaymentItem withParameters(Map<String, Object> parameters) {
		return new PaymentItem(this.title, this.description, this.imageUri, this.price, this.quantity, this.totalPrice,
				parameters);
	}

	/**
	 * An item as the API sends it ({@code Mapper.php} {@code decodeItem}): amounts from
	 * {@code price_decimal}/{@code total_price_decimal} when sent, else from cents; the currency
	 * is the item's own, else its payment's.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ItemJson(@JsonProperty("title") @Nullable String title,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("image_uri") @Nullable String imageUri, @JsonProperty("price") @Nullable Long price,
			@JsonProperty("price_decimal") @Nullable String priceDecimal,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("quantity") @Nullable Integer quantity,
			@JsonProperty("total_price") @Nullable Long totalPrice,
			@JsonProperty("total_price_decimal") @Nullable String totalPriceDecimal,
			@JsonProperty("parameters") @Nullable Map<String, Object> parameters) {

		PaymentItem toItem(@Nullable String paymentCurrency) {
			String itemCurrency = (this.currency != null) ? this.currency : paymentCurrency;
			return new PaymentItem(ApiConventions.required(this.title, "item.title"), this.description, this.imageUri,
					ApiConventions.requiredMoney(this.price, this.priceDecimal, itemCurrency, "item.price"),
					(this.quantity != null) ? this.quantity : 1,
					ApiConventions.money(this.totalPrice, this.totalPriceDecimal, itemCurrency, "item.total_price"),
					ApiConventions.map(this.parameters));
		}

	}

}
