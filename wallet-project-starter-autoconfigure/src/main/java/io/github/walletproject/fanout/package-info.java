/**
 * Work in many projects at once: {@link io.github.walletproject.fanout.WalletFanOut} runs one
 * task per project of a {@link io.github.walletproject.fanout.ProjectSelection}, each with its
 * project bound, at most a configured number at a time and within a deadline, and returns one
 * {@link io.github.walletproject.fanout.ProjectResult} per project.
 */
@NullMarked
package io.github.walletproject.fanout;

import org.jspecify.annotations.NullMarked;
