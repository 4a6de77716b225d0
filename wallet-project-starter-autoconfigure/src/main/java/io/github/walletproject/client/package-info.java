/**
 * The Wallet API clients: {@link io.github.walletproject.client.WalletProjects} and the typed
 * {@link io.github.walletproject.client.WalletApi} with their records, and the signing step every
 * request goes through last ({@link io.github.walletproject.client.WalletSigning}).
 * <p>
 * API: {@code WalletProjects}, {@code WalletApi}, the records, {@code WalletTokenRefresher}.
 * {@code WalletSigning}, {@code WalletSigningInterceptor},
 * {@code InternalWalletApi}, {@code MacSigners}, {@code ServerClockSynchronizer},
 * {@code WalletMetrics} and {@code ProjectLookups} are public for the auto-configuration and are
 * internal API.
 */
@NullMarked
package io.github.walletproject.client;

import org.jspecify.annotations.NullMarked;
