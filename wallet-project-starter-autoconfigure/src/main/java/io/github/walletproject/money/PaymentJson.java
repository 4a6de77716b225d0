package io.github.walletproject.money;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.StdConverter;


/**
 * The wire form of payments and their items (field names from Paysera's PHP client,
 * {@code Mapper::encodePayment}, {@code decodePayment}, {@code encodeItem}, {@code decodeItem}).
 */
final class PaymentJson {

	private PaymentJson() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Out(@JsonProperty("description") @Nullable String description, @JsonProperty("price") @Nullable Long price,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("cashback") @Nullable Long cashback,
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
			return new Out(request.description(), (price != null) ? price.cents() : null, currency,
					(cashback != null) ? cashback.cents() : null, request.items().isEmpty() ? null : request.items(),
					request.beneficiary(), request.freezeForHours(),
					request.parameters().isEmpty() ? null : request.parameters(), request.purpose());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ItemOut(@JsonProperty("title") String title, @JsonProperty("description") @Nullable String description,
			@JsonProperty("image_uri") @Nullable String imageUri, @JsonProperty("price") long price,
			@JsonProperty("currency") String currency, @JsonProperty("quantity") int quantity,
			@JsonProperty("total_price") @Nullable Long totalPrice,
			@JsonProperty("parameters") @Nullable Map<String, Object> parameters) {
	}

	static final class EncodeItem extends StdConverter<PaymentItem, ItemOut> {

		@Override
		public ItemOut convert(PaymentItem item) {
			return new ItemOut(item.title(), item.description(), item.imageUri(), item.price().cents(),
					item.price().currency(), item.quantity(),
					(item.totalPrice() != null) ? item.totalPrice().cents() : null,
					item.parameters().isEmpty() ? null : item.parameters());
		}

	}

}
