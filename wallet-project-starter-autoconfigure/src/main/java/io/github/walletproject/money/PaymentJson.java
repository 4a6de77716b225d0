package io.github.walletproject.money;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.StdConverter;


/**
 * The written form of payments and their items: amounts as decimal strings
 * ({@code price_decimal}, {@code cashback_decimal}, {@code items[].price_decimal},
 * {@code items[].total_price_decimal}), as Paysera's PHP client writes them since 2.2.0
 * ({@code Mapper.php} {@code encodePayment}, {@code encodeItem} at {@code db931c5}).
 */
final class PaymentJson {

	private PaymentJson() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Out(@JsonProperty("description") @Nullable String description,
			@JsonProperty("price_decimal") @Nullable String price, @JsonProperty("currency") @Nullable String currency,
			@JsonProperty("cashback_decimal") @Nullable String cashback,
			@JsonProperty("items") @Nullable List<PaymentItem> items,
			@JsonProperty("beneficiary") @Nullable WalletIdentifier beneficiary,
			@JsonProperty("freeze_for") @Nullable Integer freezeFor,
			@JsonProperty("parameters") @Nullable Map<String, Object> parameters,
			@JsonProperty("purpose") @Nullable String purpose) {
	}

	static final class EncodeRequest extends StdConverter<PaymentRequest, Out> {

		@Override
		public Out convert(PaymentRequest request) {
			Money price = request.price();
			Money cashback = request.cashback();
			String currency = (price != null) ? price.currency() : (cashback != null) ? cashback.currency() : null;
			return new Out(request.description(), ApiConventions.decimal(price, "The price"), currency,
					ApiConventions.decimal(cashback, "The cashback"), request.items().isEmpty() ? null : request.items(),
					request.beneficiary(), request.freezeForHours(),
					request.parameters().isEmpty() ? null : request.parameters(), request.purpose());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ItemOut(@JsonProperty("title") String title, @JsonProperty("description") @Nullable String description,
			@JsonProperty("image_uri") @Nullable String imageUri, @JsonProperty("price_decimal") String price,
			@JsonProperty("currency") String currency, @JsonProperty("quantity") int quantity,
			@JsonProperty("total_price_decimal") @Nullable String totalPrice,
			@JsonProperty("parameters") @Nullable Map<String, Object> parameters) {
	}

	static final class EncodeItem extends StdConverter<PaymentItem, ItemOut> {

		@Override
		public ItemOut convert(PaymentItem item) {
			return new ItemOut(item.title(), item.description(), item.imageUri(),
					ApiConventions.decimal(item.price(), "The price of item '" + item.title() + "'"),
					item.price().currency(), item.quantity(),
					ApiConventions.decimal(item.totalPrice(), "The total price of item '" + item.title() + "'"),
					item.parameters().isEmpty() ? null : item.parameters());
		}

	}

}
