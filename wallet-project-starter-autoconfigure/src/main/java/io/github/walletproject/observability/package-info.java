/**
 * Micrometer metrics, the {@code wallet} health indicator and actuator endpoint, and masking of
 * the starter's secrets in actuator output.
 */
@NullMarked
package io.github.walletproject.observability;

import org.jspecify.annotations.NullMarked;
