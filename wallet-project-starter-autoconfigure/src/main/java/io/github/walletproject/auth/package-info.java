/**
 * Paysera MAC signing as a pure function ({@link io.github.walletproject.auth.MacSigner}),
 * the {@code ext} encoding, nonces, the server clock offset and credentials. Depends on nothing
 * else of the starter.
 */
@NullMarked
package io.github.walletproject.auth;

import org.jspecify.annotations.NullMarked;
