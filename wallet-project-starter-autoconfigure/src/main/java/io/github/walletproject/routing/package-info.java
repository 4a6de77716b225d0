/**
 * Which project and credentials a call goes with: the project registry, the route of a
 * request, and the {@code @WalletProject} support for beans (an AOP advisor) and for
 * {@code @HttpExchange} interfaces.
 * <p>
 * {@link io.github.walletproject.routing.ProjectRegistry}, {@link io.github.walletproject.routing.RouteResolver}
 * and {@link io.github.walletproject.routing.RouteCheck} are extension points; the other public
 * types are public for the auto-configuration and are internal API.
 */
@NullMarked
package io.github.walletproject.routing;

import org.jspecify.annotations.NullMarked;
