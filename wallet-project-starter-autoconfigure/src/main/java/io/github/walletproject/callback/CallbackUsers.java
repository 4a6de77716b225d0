package io.github.walletproject.callback;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the handling of a callback as the user whose credentials made its transaction
 * ({@code WalletUserTokens.callAs}): the access check and the listeners' Wallet calls then use
 * that user's token, as the call that made the transaction did.
 */
@FunctionalInterface
interface CallbackUsers {

	/** No user tokens in the application: no user can be bound. */
	CallbackUsers NONE = (user, work) -> Optional.empty();

	/**
	 * Run work with the user's credentials bound.
	 * @param user the recorded name of the user's credentials ({@code user:<key>})
	 * @param work the work
	 * @return its result, or empty when the user is not connected (any more)
	 */
	Optional<CallbackOutcome> runAs(String user, Supplier<CallbackOutcome> work);

}
