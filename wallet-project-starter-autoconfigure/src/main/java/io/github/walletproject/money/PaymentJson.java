package io.github.walletproject.money;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.StdConverter;

import static io.github.walletproject.money.ApiConventions.instant;
import static io.github.walletproject.money.ApiConventions.money;
import static io.github.walletproject.money.ApiConventions.required;
import static io.github.walletproject.money.ApiConventions.requiredMoney;

/**
 * The wire form of payments and their items (field names from Paysera's PHP client,
 * {@code Mapper::encodePayment}, {@code decodePayment}, {@code encodeItem}, {@code decodeItem}).
 */
final class PaymentJson {

	private PaymentJson() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record In(@JsonProperty("id") @Nullable Long id, @JsonProperty("transaction_key") @Nullable String transactionKey,
			@JsonProperty("status") @Nullable String status, @JsonProperty("created_at") @Nullable Long createdAt,
			@JsonProperty("confirmed_at") @Nullable Long confirmedAt, @JsonProperty("price") @Nullable Long price,
			@JsonProperty("price_decimal") @Nullable String priceDecimal,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("cashback") @Nullable Long cashback,
			@JsonProperty("cashback_decimal") @Nullable String cashbackDecimal,
			@JsonProperty("wallet") @Nullable Long wallet,
			@JsonProperty("beneficiary") @Nullable WalletIdentifier beneficiary,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("items") @Nullable List<PaymentItem> items,
			@JsonProperty("freeze_for") @Nullable Integer freezeFor,
			@JsonProperty("freeze_until") @Nullable Long freezeUntil,
			@JsonProperty("parameters") @Nullable Map<String, Object> parameters,
			@JsonProperty("purpose") @Nullable String purpose) {
	}

	static final class Decode extends Decoder<In, Payment> {

		Decode() {
			super("payment");
		}

		@Override
		Payment decode(In in) {
			return new Payment(required(in.id(), "payment.id"), in.transactionKey(),
					PaymentStatus.fromWireValue(in.status()), required(instant(in.createdAt()), "payment.created_at"),
					instant(in.confirmedAt()),
					requiredMoney(in.price(), in.priceDecimal(), in.currency(), "payment.price"),
					money(in.cashback(), in.cashbackDecimal(), in.currency(), "payment.cashback"), in.wallet(),
					in.beneficiary(), in.description(), ApiConventions.list(in.items()), in.freezeFor(),
					instant(in.freezeUntil()), ApiConventions.map(in.parameters()), in.purpose());
		}

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

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ItemIn(@JsonProperty("title") @Nullable String title,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("image_uri") @Nullable String imageUri, @JsonProperty("price") @Nullable Long price,
			@JsonProperty("price_decimal") @Nullable String priceDecimal,
			@JsonProperty("currency") @Nullable String currency, @JsonProperty("quantity") @Nullable Integer quantity,
			@JsonProperty("total_price") @Nullable Long totalPrice,
			@JsonProperty("total_price_decimal") @Nullable String totalPriceDecimal,
			@JsonProperty("parameters") @Nullable Map<String, Object> parameters) {
	}

	static final class DecodeItem extends Decoder<ItemIn, PaymentItem> {

		DecodeItem() {
			super("payment item");
		}

		@Override
		PaymentItem decode(ItemIn in) {
			return new PaymentItem(required(in.title(), "item.title"), in.description(), in.imageUri(),
					requiredMoney(in.price(), in.priceDecimal(), in.currency(), "item.price"),
					(in.quantity() != null) ? in.quantity() : 1,
					money(in.totalPrice(), in.totalPriceDecimal(), in.currency(), "item.total_price"),
					ApiConventions.map(in.parameters()));
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
