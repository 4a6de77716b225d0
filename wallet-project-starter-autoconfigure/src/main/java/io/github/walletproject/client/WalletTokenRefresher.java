package io.github.walletproject.client;

import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes a user access token that the Wallet API refused as {@code invalid_grant}, or that
 * is about to expire. The starter declares one when a refresh token is configured
 * ({@code paysera.wallet.credentials.refresh-token}); declare your own bean of this type to
 * refresh another way. The client refreshes at most once per token version, however many
 * requests need it together, and replays a refused request re-signed with the new token.
 * Without a refresher a refused token fails the call with {@code WalletApiException.Unauthorized}.
 */
@FunctionalInterface
public interface WalletTokenRefresher {

	/**
	 * Obtain fresh MAC credentials.
	 * @param credentials the credentials whose token was refused or is due
	 * @return a signer with the new access token and MAC key, or {@code null} when the token
	 * cannot be refreshed
	 */
	@Nullable MacSigner refresh(WalletCredentials credentials);

	/**
	 * The signer to start with, when it is newer than the configured one (a token another run
	 * or another instance already refreshed).
	 * @param credentials the configured credentials
	 * @return the signer, or {@code null} for the configured one
	 */
	default @Nullable MacSigner initial(WalletCredentials credentials) {
		return null;
	}

	/**
	 * Whether the token in use should be refreshed before the next request (refresh-ahead).
	 * Called before every request signed with a refreshable token: keep it cheap.
	 * @param credentials the credentials
	 * @param inUse the signer in use now
	 * @return {@code true} to refresh now
	 */
	default boolean isDue(WalletCredentials credentials, MacSigner inUse) {
		return false;
	}

	/**
	 * Forget what is kept in memory for credentials that will not be used again: a user who
	 * disconnected or reconnected ({@link WalletCredentials#isUser()}).
	 * @param credentials the credentials
	 */
	default void forget(WalletCredentials credentials) {
	}

}
