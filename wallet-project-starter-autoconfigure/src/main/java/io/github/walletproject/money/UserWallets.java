package io.github.walletproject.money;

import java.util.List;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The wallets of a user ({@code GET user/{id}/wallets}). The API may answer with a list or with
 * an object keyed by wallet; both read as a list here, in the order sent.
 *
 * @param wallets the wallets
 */
@JsonDeserialize(using = WalletJson.UserWalletsDeserializer.class)
public record UserWallets(List<Wallet> wallets) {

	/**
	 * Copy the list.
	 */
	public UserWallets {
		wallets = ApiConventions.list(wallets);
	}

}
