/**
 * Paysera OAuth user tokens: the typed token client ({@link WalletOAuthClient}), where tokens are
 * kept ({@link WalletTokenStore}) and the built-in refresher that renews them
 * ({@link StoredTokenRefresher}). Paysera's tokens are MAC tokens, not bearer tokens: the access
 * token is a MAC id with a MAC key of its own, and a refresh token is good for one use.
 */
@NullMarked
package io.github.walletproject.oauth;

import org.jspecify.annotations.NullMarked;
