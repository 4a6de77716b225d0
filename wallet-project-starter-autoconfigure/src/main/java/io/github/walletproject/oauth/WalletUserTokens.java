package io.github.walletproject.oauth;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.walletproject.CredentialsContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.routing.HandedBackWork;

import org.springframework.util.Assert;

/**
 * Calls made for a user, with that user's own Paysera token: the application keeps each user's
 * token under a key of its choosing (the signed-in user's id, say), and
 * {@link #callAs(String, Supplier)} signs every Wallet call of a block with it. Which project
 * each call is for is chosen as always ({@code @WalletProject}, {@code ProjectContext}); the
 * access check asks what the user's token may use. Tokens are refreshed by the starter's
 * refresher like the configured ones, the newest kept in the {@link WalletTokenStore} under
 * {@code user:<key>}.
 */
public final class WalletUserTokens {

	/** Store keys and credentials names of users start with this. */
	public static final String PREFIX = "user:";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");

	private final WalletTokenStore store;

	private final Supplier<WalletOAuthClient> oauth;

	/** Per user: the credentials made from the user's token, bounded. */
	private final Map<String, WalletCredentials> credentials;

	/**
	 * Create the user tokens.
	 * @param store where tokens are kept
	 * @param oauth the token client, for revoking
	 */
	public WalletUserTokens(WalletTokenStore store, Supplier<WalletOAuthClient> oauth) {
		this(store, oauth, (credentials) -> {
		}, 10_000, Duration.ofHours(1));
	}

	/**
	 * Create the user tokens.
	 * @param store where tokens are kept
	 * @param oauth the token client, for revoking
	 * @param forget told of a user's credentials that will not be used again (the user
	 * disconnected or reconnected), to drop what is kept for them ({@code MacSigners::forget})
	 * @param maximumSize the most users whose credentials are kept in memory
	 * @param expireAfterAccess how long an unused user's credentials are kept
	 */
	public WalletUserTokens(WalletTokenStore store, Supplier<WalletOAuthClient> oauth,
			Consumer<WalletCredentials> forget, int maximumSize, Duration expireAfterAccess) {
		Assert.notNull(store, "Store must not be null");
		Assert.notNull(oauth, "OAuth client must not be null");
		Assert.notNull(forget, "Forget must not be null");
		this.store = store;
		this.oauth = oauth;
		// what the client keeps for a user lives as long as the user's entry here
		this.credentials = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterAccess(expireAfterAccess)
			.executor(Runnable::run)
			.<String, WalletCredentials>removalListener((user, credentials, cause) -> {
				if (credentials != null) {
					forget.accept(credentials);
				}
			})
			.build()
			.asMap();
	}

	/**
	 * Keep a user's token (after the user connected their wallet); it replaces any earlier one.
	 * @param user the application's key for the user
	 * @param token the token
	 */
	public void save(String user, WalletAccessToken token) {
		this.store.put(PREFIX + checked(user), token);
		forget(user);
	}

	/**
	 * Whether a token is kept for a user.
	 * @param user the application's key for the user
	 * @return {@code true} when calls can be made for the user
	 */
	public boolean isConnected(String user) {
		return this.store.get(PREFIX + checked(user)) != null;
	}

	/**
	 * Run work whose Wallet calls are signed with the user's token. Work the block hands back
	 * that runs after it returned is signed with the user's token too: a returned
	 * {@code Stream}, an {@code Iterator} or {@code Iterable} that can be wrapped without
	 * breaking the caller's type, a {@code Supplier}, {@code Callable} or {@code Runnable}
	 * lambda, an {@code Optional} of one, a {@code Mono} or {@code Flux} (with Spring WebFlux
	 * and Reactor's automatic context propagation, {@code spring.reactor.context-propagation=auto};
	 * subscribed while it is off, it fails before anything runs). Work in a shape that cannot be
	 * bound (a {@code ListIterator}, another functional interface, another publisher) is refused
	 * rather than signed with the application's credentials.
	 * @param <T> the result type
	 * @param user the application's key for the user
	 * @param work the work
	 * @return its result, bound to the user's token where it carries work that runs later
	 * @throws WalletException when no token is kept for the user, or when the result carries
	 * work that runs later in a shape that cannot be bound
	 */
	public <T> T callAs(String user, Supplier<T> work) {
		WalletCredentials signer = credentialsOf(user);
		T result;
		try {
			result = CredentialsContext.callWith(signer, work::get);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return HandedBackWork.bind(result, signer, "WalletUserTokens.callAs");
	}

	/**
	 * Run work whose Wallet calls are signed with the user's token.
	 * @param user the application's key for the user
	 * @param work the work
	 */
	public void runAs(String user, Runnable work) {
		callAs(user, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Revoke the user's token at Paysera and forget it.
	 * @param user the application's key for the user
	 */
	public void disconnect(String user) {
		String key = PREFIX + checked(user);
		WalletAccessToken token = this.store.get(key);
		if (token != null) {
			this.oauth.get().revoke(token.accessToken());
		}
		this.store.remove(key);
		forget(user);
	}

	private void forget(String user) {
		this.credentials.remove(user); // the removal listener tells the client
	}

	private WalletCredentials credentialsOf(String user) {
		String key = PREFIX + checked(user);
		return this.credentials.computeIfAbsent(user, (name) -> {
			WalletAccessToken token = this.store.get(key);
			if (token == null) {
				throw new WalletException("No Wallet API token is kept for user '" + name
						+ "': connect the user's wallet first (the OAuth connect endpoint, or WalletUserTokens.save)");
			}
			return WalletCredentials.user(key, token.signer());
		});
	}

	private static String checked(String user) {
		Assert.isTrue(user != null && KEY.matcher(user).matches(),
				"A user key is 1 to 128 letters, digits or _.@+- characters");
		return user;
	}

	@Override
	public String toString() {
		return "WalletUserTokens[" + this.store.getClass().getSimpleName() + "]";
	}

}
