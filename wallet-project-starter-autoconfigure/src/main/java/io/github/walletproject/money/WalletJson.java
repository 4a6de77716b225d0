package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.walletproject.WalletResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import static io.github.walletproject.money.ApiConventions.required;
import static io.github.walletproject.money.ApiConventions.requiredMoney;

/**
 * The wire form of wallets, accounts and balances (field names from Paysera's PHP client,
 * {@code Mapper::decodeWallet}, {@code decodeAccount}, {@code decodeWallets} and
 * {@code decodeWalletBalance}).
 */
final class WalletJson {

	private WalletJson() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccountIn(@JsonProperty("number") @Nullable String number,
			@JsonProperty("owner_title") @Nullable String ownerTitle,
			@JsonProperty("owner_display_name") @Nullable String ownerDisplayName,
			@JsonProperty("description") @Nullable String description, @JsonProperty("type") @Nullable String type,
			@JsonProperty("user_id") @Nullable String userId, @JsonProperty("ibans") @Nullable List<String> ibans) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record In(@JsonProperty("id") @Nullable Long id, @JsonProperty("owner") @Nullable Long owner,
			@JsonProperty("account") @Nullable AccountIn account) {
	}

	static final class Decode extends Decoder<In, Wallet> {

		Decode() {
			super("wallet");
		}

		@Override
		Wallet decode(In in) {
			AccountIn account = in.account();
			WalletAccount decoded = null;
			if (account != null) {
				List<String> ibans = new ArrayList<>();
				for (String iban : ApiConventions.list(account.ibans())) {
					ibans.add(iban.trim());
				}
				decoded = new WalletAccount(required(account.number(), "wallet.account.number"), account.ownerTitle(),
						account.ownerDisplayName(), account.description(), account.type(), userId(account.userId()),
						ibans);
			}
			return new Wallet(required(in.id(), "wallet.id"), required(in.owner(), "wallet.owner"), decoded);
		}

		private static @Nullable Long userId(@Nullable String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return Long.parseLong(text.trim());
			}
			catch (NumberFormatException ex) {
				throw new WalletResponseException("Wallet API sent an account user_id that is not a number", ex);
			}
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record FundsIn(@JsonProperty("at_disposal") @Nullable Long atDisposal,
			@JsonProperty("at_disposal_decimal") @Nullable String atDisposalDecimal,
			@JsonProperty("reserved") @Nullable Long reserved,
			@JsonProperty("reserved_decimal") @Nullable String reservedDecimal) {
	}

	static final class DecodeBalance extends Decoder<LinkedHashMap<String, FundsIn>, WalletBalance> {

		DecodeBalance() {
			super("balance");
		}

		@Override
		WalletBalance decode(LinkedHashMap<String, FundsIn> in) {
			Map<String, CurrencyFunds> currencies = new LinkedHashMap<>();
			in.forEach((currency, funds) -> {
				FundsIn amounts = required(funds, "balance." + currency);
				// a missing amount reads as zero, as Paysera's PHP client reads it
				Long atDisposal = (amounts.atDisposal() == null && amounts.atDisposalDecimal() == null) ? Long.valueOf(0)
						: amounts.atDisposal();
				Long reserved = (amounts.reserved() == null && amounts.reservedDecimal() == null) ? Long.valueOf(0)
						: amounts.reserved();
				currencies.put(currency, new CurrencyFunds(currency,
						requiredMoney(atDisposal, amounts.atDisposalDecimal(), currency, "balance." + currency + ".at_disposal"),
						requiredMoney(reserved, amounts.reservedDecimal(), currency, "balance." + currency + ".reserved")));
			});
			return new WalletBalance(currencies);
		}

	}

	static final class UserWalletsDeserializer extends ValueDeserializer<UserWallets> {

		@Override
		public UserWallets deserialize(JsonParser parser, DeserializationContext context) {
			List<Wallet> wallets = new ArrayList<>();
			JsonToken token = parser.currentToken();
			if (token == JsonToken.START_ARRAY) {
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					wallets.add(context.readValue(parser, Wallet.class));
				}
			}
			else if (token == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					parser.nextToken();
					wallets.add(context.readValue(parser, Wallet.class));
				}
			}
			else {
				return context.reportInputMismatch(UserWallets.class,
						"Wallet API sent the wallets of a user as neither a list nor an object");
			}
			return new UserWallets(wallets);
		}

	}

}
