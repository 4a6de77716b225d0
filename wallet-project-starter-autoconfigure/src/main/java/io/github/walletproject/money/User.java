package io.github.walletproject.money;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A Paysera user. Which fields are sent depends on the scopes the user granted; the others
 * are {@code null}.
 *
 * @param id the user id
 * @param email the user's email, or {@code null}
 * @param phone the user's phone, or {@code null}
 * @param displayName the user's display name, or {@code null}
 * @param type {@code natural} or {@code legal}, or {@code null}
 * @param companyCode the company code of a legal person, or {@code null}
 * @param identificationLevel how well the user is identified, or {@code null}
 * @param walletIds the user's wallets, possibly empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(long id, @Nullable String email, @Nullable String phone, @Nullable String displayName,
		@Nullable String type, @Nullable String companyCode, @Nullable String identificationLevel, List<Long> walletIds) {

	/**
	 * Copy the wallet ids.
	 */
	public User {
		walletIds = ApiConventions.list(walletIds);
	}

	/**
	 * Read a user from the Wallet API's fields ({@code Mapper.php} {@code decodeUser}). Address
	 * and identity are not read: they are personal data this client has no use for.
	 */
	@JsonCreator
	static User fromJson(@JsonProperty("id") @Nullable Long id, @JsonProperty("email") @Nullable String email,
			@JsonProperty("phone") @Nullable String phone, @JsonProperty("display_name") @Nullable String displayName,
			@JsonProperty("type") @Nullable String type, @JsonProperty("company_code") @Nullable String companyCode,
			@JsonProperty("identification_level") @Nullable String identificationLevel,
			@JsonProperty("wallets") @Nullable List<Long> wallets) {
		return new User(ApiConventions.required(id, "user.id"), email, phone, displayName, type, companyCode,
				identificationLevel, ApiConventions.list(wallets));
	}

}
