package io.github.walletproject.money;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

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
@JsonDeserialize(converter = UserJson.Decode.class)
public record User(long id, @Nullable String email, @Nullable String phone, @Nullable String displayName,
		@Nullable String type, @Nullable String companyCode, @Nullable String identificationLevel, List<Long> walletIds) {

	/**
	 * Copy the wallet ids.
	 */
	public User {
		walletIds = ApiConventions.list(walletIds);
	}

}
