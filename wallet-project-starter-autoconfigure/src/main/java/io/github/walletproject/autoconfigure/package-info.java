/**
 * The auto-configuration of the starter, one class per concern, its properties
 * ({@code paysera.wallet.*}) and its failure analyzers.
 */
@NullMarked
package io.github.walletproject.autoconfigure;

import org.jspecify.annotations.NullMarked;
