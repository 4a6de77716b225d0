package io.github.walletproject.money;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Users of the Wallet API. These calls are account-level: they describe a user, not a project,
 * and with nothing bound they carry no {@code project_id}. {@code me} is the user whose access
 * token signs the call (a user token, not client credentials).
 *
 * @see WalletTransactions for how calls fail
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
@AccountLevel
public interface WalletUsers {

	/** The user whose access token signs the call. */
	String ME = "me";

	/**
	 * {@code GET user/{id}}.
	 * @param userId a user id, or {@value #ME}
	 * @return the user
	 */
	@GetExchange("user/{userId}")
	User get(@PathVariable("userId") String userId);

	/**
	 * {@code GET user/me}.
	 * @return the user whose access token signs the call
	 */
	default User me() {
		return get(ME);
	}

	/**
	 * {@code GET user/{id}/wallets}.
	 * @param userId a user id, or {@value #ME}
	 * @return the user's wallets
	 */
	@GetExchange("user/{userId}/wallets")
	UserWallets wallets(@PathVariable("userId") String userId);

	/**
	 * {@code GET user/me/wallets}.
	 * @return the wallets of the user whose access token signs the call
	 */
	default List<Wallet> myWallets() {
		return wallets(ME).wallets();
	}

}
