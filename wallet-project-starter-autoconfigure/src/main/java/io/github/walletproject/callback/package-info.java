/**
 * Paysera's callbacks: the form {@code POST} Paysera sends when a transaction, payment or
 * allowance changes, verified with Paysera's RSA key, typed with the money package's records,
 * and published as Spring application events with the project they belong to bound.
 */
@NullMarked
package io.github.walletproject.callback;

import org.jspecify.annotations.NullMarked;
