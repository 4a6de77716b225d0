package io.github.walletproject.money;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The account behind a wallet. Most fields need extra scopes ({@code wallet_list}) and are
 * {@code null} without them.
 *
 * @param number the account number, such as {@code EVP0010001000101}
 * @param ownerTitle the owner's full title, or {@code null}
 * @param ownerDisplayName the owner's display name, or {@code null}
 * @param description the account's description, or {@code null}
 * @param type the account type ({@code local}, {@code technical}, {@code card}), or {@code null}
 * @param userId the user id of the account, or {@code null}
 * @param ibans the account's IBANs, possibly empty
 */
public record WalletAccount(String number, @Nullable String ownerTitle, @Nullable String ownerDisplayName,
		@Nullable String description, @Nullable String type, @Nullable Long userId, List<String> ibans) {

	/**
	 * Copy the IBANs.
	 */
	public WalletAccount {
		ibans = ApiConventions.list(ibans);
	}

}
