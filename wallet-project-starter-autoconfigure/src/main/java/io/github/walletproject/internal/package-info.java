/**
 * Internal API: helpers of the starter, not for use outside it.
 */
@NullMarked
package io.github.walletproject.internal;

import org.jspecify.annotations.NullMarked;
