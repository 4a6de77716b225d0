package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A wallet: a user's access to an account.
 *
 * @param id the wallet id
 * @param ownerUserId the user it belongs to
 * @param account the account, when the API sends it, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Wallet(long id, long ownerUserId, @Nullable WalletAccount account) {

	/**
	 * Read a wallet from the Wallet API's fields ({@code Mapper.php} {@code decodeWallet}).
	 */
	@JsonCreator
	static Wallet fromJson(@JsonProperty("id") @Nullable Long id, @JsonProperty("owner") @Nullable Long owner,
			@JsonProperty("account") @Nullable WalletAccount account) {
		return new Wallet(ApiConventions.required(id, "wallet.id"), ApiConventions.required(owner, "wallet.owner"),
				account);
	}

}
