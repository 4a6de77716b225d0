package io.github.walletproject.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.walletproject.CredentialsContext;
import io.github.walletproject.WalletException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.routing.HandedBackWork;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Calls made for a user, with that user's own Paysera token: the application keeps each user's
 * token under a key of its choosing (the signed-in user's id, say), and
 * {@link #callAs(String, Supplier)} signs every Wallet call of a block with it. Which project
 * each call is for is chosen as always ({@code @WalletProject}, {@code ProjectContext}); the
 * access check asks what the user's token may use. Tokens are refreshed by the starter's
 * refresher like the configured ones, the newest kept in the {@link WalletTokenStore} under
 * {@code <owner>:user:<key>}, where the owner is a fingerprint of the Wallet API base URL and the
 * OAuth client: applications sharing a store never see each other's users.
 * <p>
 * A user key is any non-empty text (a principal name such as {@code auth0|5f7c…} too): one of 1
 * to 128 {@code A-Z a-z 0-9 _ . @ + -} is kept as it is, any other by its SHA-256.
 */
public final class WalletUserTokens {

	private static final Log logger = LogFactory.getLog(WalletUserTokens.class);

	/** Credentials names of users start with this. */
	public static final String PREFIX = "user:";

	private final WalletTokenStore store;

	private final TokenKeys keys;

	private final Supplier<WalletOAuthClient> oauth;

	/** Per user: the credentials made from the user's token, bounded. */
	private final Map<String, WalletCredentials> credentials;

	/**
	 * Create the user tokens.
	 * @param store where tokens are kept
	 * @param oauth the token client, for revoking
	 * @param baseUrl the Wallet API base URL, part of every store key
	 * @param client the OAuth client's credentials (their fingerprint is part of every store key)
	 */
	public WalletUserTokens(WalletTokenStore store, Supplier<WalletOAuthClient> oauth, URI baseUrl,
			WalletCredentials client) {
		this(store, oauth, baseUrl, client, (credentials) -> {
		}, 10_000, Duration.ofHours(1));
	}

	/**
	 * Create the user tokens.
	 * @param store where tokens are kept
	 * @param oauth the token client, for revoking
	 * @param baseUrl the Wallet API base URL, part of every store key
	 * @param client the OAuth client's credentials (their fingerprint is part of every store key)
	 * @param forget told of a user's credentials that will not be used again (the user
	 * disconnected or reconnected), to drop what is kept for them ({@code MacSigners::forget})
	 * @param maximumSize the most users whose credentials are kept in memory
	 * @param expireAfterAccess how long an unused user's credentials are kept
	 */
	public WalletUserTokens(WalletTokenStore store, Supplier<WalletOAuthClient> oauth, URI baseUrl,
			WalletCredentials client, Consumer<WalletCredentials> forget, int maximumSize, Duration expireAfterAccess) {
		Assert.notNull(store, "Store must not be null");
		Assert.notNull(oauth, "OAuth client must not be null");
		Assert.notNull(forget, "Forget must not be null");
		this.store = store;
		this.keys = new TokenKeys(baseUrl, client);
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
	 * Keep a user's token (after the user connected their wallet); it replaces any earlier one,
	 * which is revoked at Paysera (best effort), so that other instances still signing with it
	 * are refused once and take this one from the store.
	 * @param user the application's key for the user
	 * @param token the token
	 */
	public void save(String user, WalletAccessToken token) {
		String key = this.keys.user(user);
		WalletAccessToken replaced = this.store.get(key);
		this.store.put(key, token);
		forget(user);
		if (replaced != null && !replaced.accessToken().equals(token.accessToken())) {
			revoke(replaced, user, "replaced");
		}
	}

	/**
	 * Whether a token is kept for a user.
	 * @param user the application's key for the user
	 * @return {@code true} when calls can be made for the user
	 */
	public boolean isConnected(String user) {
		return this.store.get(this.keys.user(user)) != null;
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
		return callAs(credentialsOf(user), work);
	}

	/**
	 * Run work as the user whose credentials carry the given name, when a token is kept for
	 * them: how the starter acts for a user it knows only from what it recorded (the
	 * {@link WalletCredentials#name() name} of the credentials that made a transaction, which
	 * is {@code user:} and the user's key or its fingerprint, never a token).
	 * @param <T> the result type
	 * @param credentialsName the name of the user's credentials
	 * @param work the work
	 * @return its result, or empty when the name is not a user's or no token is kept for them
	 */
	public <T> Optional<T> callAsUserNamed(String credentialsName, Supplier<T> work) {
		if (!credentialsName.startsWith(PREFIX) || this.store.get(this.keys.ofName(credentialsName)) == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(callAs(credentialsNamed(credentialsName), work));
	}

	private <T> T callAs(WalletCredentials signer, Supplier<T> work) {
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
	 * Forget the user's token, then revoke it at Paysera. The token is forgotten first, here
	 * and in the store, so no call is signed with it afterwards whatever Paysera answers; the
	 * revoke is best effort (a failure is logged, naming the user and never the token).
	 * @param user the application's key for the user
	 */
	public void disconnect(String user) {
		String key = this.keys.user(user);
		WalletAccessToken token = this.store.get(key);
		this.store.remove(key);
		forget(user);
		if (token != null) {
			revoke(token, user, "disconnected");
		}
	}

	/**
	 * Revoke a token nothing keeps any more, best effort: the token is never logged.
	 * @param token the token
	 * @param user the application's key for the user
	 * @param why why it is revoked, for the log
	 */
	void revoke(WalletAccessToken token, String user, String why) {
		try {
			this.oauth.get().revoke(token.accessToken());
		}
		catch (RuntimeException ex) {
			logger.warn("The " + why + " Wallet API token of user '" + user + "' could not be revoked at Paysera ("
					+ ex.getClass().getSimpleName() + "); it is no longer used here and expires on its own");
		}
	}

	private void forget(String user) {
		this.credentials.remove(TokenKeys.userName(user)); // the removal listener tells the client
	}

	private WalletCredentials credentialsOf(String user) {
		return credentialsNamed(TokenKeys.userName(user));
	}

	/** The credentials of a user by their name, kept in memory per name. */
	private WalletCredentials credentialsNamed(String credentialsName) {
		return this.credentials.computeIfAbsent(credentialsName, (name) -> {
			WalletAccessToken token = this.store.get(this.keys.ofName(name));
			if (token == null) {
				throw new WalletException("No Wallet API token is kept for user '"
						+ name.substring(PREFIX.length())
						+ "': connect the user's wallet first (the OAuth connect endpoint, or WalletUserTokens.save)");
			}
			return WalletCredentials.user(name, token.signer());
		});
	}

	@Override
	public String toString() {
		return "WalletUserTokens[" + this.store.getClass().getSimpleName() + "]";
	}

}
