package io.github.walletproject.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The keys tokens are kept under in a {@link WalletTokenStore}, whatever the store: every key
 * starts with a fingerprint of whom the tokens belong to, the SHA-256 (hex) of the Wallet API
 * base URL and the OAuth client's identity (itself a fingerprint, never the client id), so two
 * applications or environments sharing one store never read each other's tokens.
 * <ul>
 * <li>a user: {@code <owner>:user:<key>}, the application's key as it is when it is 1 to 128 of
 * {@code A-Z a-z 0-9 _ . @ + -}, otherwise {@code ~} and its SHA-256, so any principal name
 * ({@code auth0|5f7c…}) works;</li>
 * <li>configured credentials with a refresh token: {@code <owner>:credentials:<name>:<seed>},
 * the seed a fingerprint of the configured access and refresh token, so new configured
 * credentials start a new chain instead of adopting the stored one.</li>
 * </ul>
 */
final class TokenKeys {

	private static final Pattern READABLE = Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");

	private final String owner;

	/**
	 * The keys of tokens obtained through one OAuth client on one Wallet API.
	 * @param baseUrl the Wallet API base URL
	 * @param client the OAuth client's credentials (the default credentials when no client is
	 * configured)
	 */
	TokenKeys(URI baseUrl, WalletCredentials client) {
		Assert.notNull(baseUrl, "Base URL must not be null");
		Assert.notNull(client, "Client credentials must not be null");
		this.owner = sha256(baseUrl + "|" + client.identity());
	}

	/**
	 * The name of a user's credentials: {@code user:} and the key, or its fingerprint.
	 * @param user the application's key for the user
	 * @return the name, which is never the key when the key has other characters
	 */
	static String userName(String user) {
		Assert.isTrue(user != null && !user.isEmpty(), "A user key must not be empty");
		return WalletUserTokens.PREFIX + (READABLE.matcher(user).matches() ? user : "~" + sha256(user));
	}

	/**
	 * The store key of a user's token.
	 * @param user the application's key for the user
	 * @return the key
	 */
	String user(String user) {
		return ofName(userName(user));
	}

	/**
	 * The store key of a user's token, by the name of the user's credentials.
	 * @param credentialsName {@link #userName(String)} of the user
	 * @return the key
	 */
	String ofName(String credentialsName) {
		return this.owner + ':' + credentialsName;
	}

	/**
	 * The store key of a set of credentials' token chain.
	 * @param credentials the credentials (a user's, or configured ones)
	 * @param refreshToken the configured refresh token of configured credentials
	 * @return the key
	 */
	String of(WalletCredentials credentials, @Nullable String refreshToken) {
		if (credentials.isUser()) {
			return this.owner + ':' + credentials.name();
		}
		MacSigner signer = credentials.signer();
		String seed = sha256(((signer != null) ? signer.macId() : "") + '\n' + ((refreshToken != null) ? refreshToken : ""));
		return this.owner + ":credentials:" + credentials.name() + ':' + seed;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "TokenKeys[" + this.owner.substring(0, 12) + "…]";
	}

}
