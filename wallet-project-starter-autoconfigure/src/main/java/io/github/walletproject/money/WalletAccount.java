package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.walletproject.WalletResponseException;
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
@JsonIgnoreProperties(ignoreUnknown = true)
public record WalletAccount(String number, @Nullable String ownerTitle, @Nullable String ownerDisplayName,
		@Nullable String description, @Nullable String type, @Nullable Long userId, List<String> ibans) {

	/**
	 * Copy the IBANs.
	 */
	public WalletAccount {
		ibans = ApiConventions.list(ibans);
	}

	/**
	 * Read an account from the Wallet API's fields ({@code Mapper.php} {@code decodeAccount}).
	 */
	@JsonCreator
	static WalletAccount fromJson(@JsonProperty("number") @Nullable String number,
			@JsonProperty("owner_title") @Nullable String ownerTitle,
			@JsonProperty("owner_display_name") @Nullable String ownerDisplayName,
			@JsonProperty("description") @Nullable String description, @JsonProperty("type") @Nullable String type,
			@JsonProperty("user_id") @Nullable String userId, @JsonProperty("ibans") @Nullable List<String> ibans) {
		List<String> trimmed = new ArrayList<>();
		for (String iban : ApiConventions.list(ibans)) {
			trimmed.add(iban.trim());
		}
		return new WalletAccount(ApiConventions.required(number, "wallet.account.number"), ownerTitle,
				ownerDisplayName, description, type, userId(userId), trimmed);
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
