/**
 * Which projects a set of credentials may use: the sources of access lists, their cache (on
 * Caffeine, with an optional shared Spring cache), and the access check.
 * <p>
 * Extension points: {@link io.github.walletproject.access.AccessibleProjectsSource} and
 * {@link io.github.walletproject.access.ProjectAccessChecker}; {@link io.github.walletproject.access.WalletCaches}
 * to inspect and clear the caches. The other public types are internal API.
 */
@NullMarked
package io.github.walletproject.access;

import org.jspecify.annotations.NullMarked;
