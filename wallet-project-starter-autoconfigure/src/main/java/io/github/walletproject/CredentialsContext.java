package io.github.walletproject;

import java.util.concurrent.Callable;

import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which credentials sign the calls made in a block: a user's own token instead of the
 * configured credentials of the project. The project of each call is chosen as usual
 * ({@code @WalletProject}, {@link ProjectContext}, request attributes); only the signer changes,
 * and the access check then asks what those credentials may use. Applications normally bind a
 * user through {@code WalletUserTokens.callAs(user, …)}, which finds the user's token.
 * <p>
 * A plain thread-local like {@link ProjectContext}, restored when the block ends (also when it
 * throws), and carried across threads by Micrometer context propagation
 * ({@link CredentialsContextThreadLocalAccessor}).
 */
public final class CredentialsContext {

	private static final ThreadLocal<@Nullable WalletCredentials> CURRENT = new ThreadLocal<>();

	private CredentialsContext() {
	}

	/**
	 * The credentials bound on this thread.
	 * @return them, or {@code null} when calls use their project's configured credentials
	 */
	public static @Nullable WalletCredentials current() {
		return CURRENT.get();
	}

	/**
	 * Run work with calls signed by given credentials.
	 * @param <T> the result type
	 * @param credentials the credentials
	 * @param work the work
	 * @return its result
	 * @throws Exception what the work throws
	 */
	public static <T> T callWith(WalletCredentials credentials, Callable<T> work) throws Exception {
		Assert.notNull(credentials, "Credentials must not be null");
		@Nullable WalletCredentials previous = CURRENT.get();
		CURRENT.set(credentials);
		try {
			return work.call();
		}
		finally {
			restore(previous);
		}
	}

	static void restore(@Nullable WalletCredentials credentials) {
		if (credentials == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(credentials);
		}
	}

}
