package io.github.walletproject.client;

import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes a user access token that the Wallet API refused as {@code invalid_grant}.
 * Declare a bean of this type when your MAC credentials are a refreshable user token; the
 * client then refreshes once and replays the refused request (re-signed with the new token).
 * Without such a bean the call fails with {@code WalletUnauthorizedException}.
 */
@FunctionalInterface
public interface WalletTokenRefresher {

	/**
	 * Obtain fresh MAC credentials.
	 * @param credentials the credentials whose token was refused
	 * @return a signer with the new access token and MAC key, or {@code null} when the token
	 * cannot be refreshed
	 */
	@Nullable MacSigner refresh(WalletCredentials credentials);

}
