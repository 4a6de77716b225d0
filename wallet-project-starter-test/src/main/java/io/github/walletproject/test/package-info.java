/**
 * The test kit: a MAC-verifying mock Wallet API ({@link io.github.walletproject.test.MockWalletApi})
 * with fixtures, faults and assertions, and its JUnit and Spring Boot test integration.
 */
@NullMarked
package io.github.walletproject.test;

import org.jspecify.annotations.NullMarked;
