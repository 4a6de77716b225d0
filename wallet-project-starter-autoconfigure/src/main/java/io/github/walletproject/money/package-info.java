/**
 * Typed money operations of the Wallet API (transactions, payments, allowances, wallets and
 * statements, project locations, the user) as {@code @HttpExchange} interfaces in the starter's
 * Wallet HTTP service group: signed, routed and access-checked like every call.
 */
@NullMarked
package io.github.walletproject.money;

import org.jspecify.annotations.NullMarked;
