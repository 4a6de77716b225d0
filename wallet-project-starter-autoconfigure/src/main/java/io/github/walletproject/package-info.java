/**
 * The API of the starter: {@link io.github.walletproject.WalletProject @WalletProject},
 * {@link io.github.walletproject.ProjectContext}, project references
 * ({@link io.github.walletproject.ProjectRef}), per-request attributes
 * ({@link io.github.walletproject.WalletRequestAttributes}) and the exceptions. Nothing here
 * depends on the rest of the starter.
 */
@NullMarked
package io.github.walletproject;

import org.jspecify.annotations.NullMarked;
