package io.github.walletproject.money;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A wallet: a user's access to an account.
 *
 * @param id the wallet id
 * @param ownerUserId the user it belongs to
 * @param account the account, when the API sends it, or {@code null}
 */
@JsonDeserialize(converter = WalletJson.Decode.class)
public record Wallet(long id, long ownerUserId, @Nullable WalletAccount account) {

}
