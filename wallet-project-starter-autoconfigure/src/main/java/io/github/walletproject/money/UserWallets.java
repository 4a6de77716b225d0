package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The wallets of a user ({@code GET user/{id}/wallets}). The API may answer with a list or with
 * an object keyed by wallet; both read as a list here, in the order sent.
 *
 * @param wallets the wallets
 */
@JsonDeserialize(using = UserWallets.Deserializer.class)
public record UserWallets(List<Wallet> wallets) {

	/**
	 * Copy the list.
	 */
	public UserWallets {
		wallets = ApiConventions.list(wallets);
	}

	static final class Deserializer extends ValueDeserializer<UserWallets> {

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
