package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.StdConverter;


/**
 * The wire form of transactions (field names from Paysera's PHP client,
 * {@code Mapper::encodeTransaction} and {@code decodeTransaction}). The request has no
 * {@code project_id}: the project travels in the signature, as for every call.
 */
final class TransactionJson {

	private TransactionJson() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AllowanceOut(@JsonProperty("data") @Nullable AllowanceRequest data, @JsonProperty("id") @Nullable Long id,
			@JsonProperty("optional") @Nullable Boolean optional) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Out(@JsonProperty("payments") @Nullable List<Object> payments,
			@JsonProperty("reserve_for") @Nullable Integer reserveFor,
			@JsonProperty("reserve_until") @Nullable Long reserveUntil,
			@JsonProperty("allowance") @Nullable AllowanceOut allowance,
			@JsonProperty("use_allowance") @Nullable Boolean useAllowance,
			@JsonProperty("suggest_allowance") @Nullable Boolean suggestAllowance,
			@JsonProperty("auto_confirm") @Nullable Boolean autoConfirm,
			@JsonProperty("redirect_uri") @Nullable String redirectUri,
			@JsonProperty("callback_uri") @Nullable Object callbackUri) {
	}

	static final class EncodeRequest extends StdConverter<TransactionRequest, Out> {

		@Override
		public Out convert(TransactionRequest request) {
			List<Object> payments = new ArrayList<>(request.payments());
			payments.addAll(request.paymentIds());
			AllowanceOut allowance = null;
			if (request.allowance() != null || request.allowanceId() != null) {
				allowance = new AllowanceOut(request.allowance(), request.allowanceId(),
						Boolean.TRUE.equals(request.allowanceOptional()));
			}
			Object callbackUri = request.callbacksDisabled() ? Boolean.FALSE : request.callbackUri();
			return new Out(payments.isEmpty() ? null : payments, request.reserveForHours(),
					ApiConventions.seconds(request.reserveUntil()), allowance, request.useAllowance(),
					request.suggestAllowance(), request.autoConfirm(), request.redirectUri(), callbackUri);
		}

	}

}
