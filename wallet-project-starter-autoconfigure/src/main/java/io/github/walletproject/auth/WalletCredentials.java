package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One set of Wallet API credentials: a MAC signer, or the name of an SSL bundle holding a
 * client certificate. Immutable.
 * <p>
 * Credentials are told apart by their {@link #identity()}: a SHA-256 fingerprint of the MAC id
 * or of the client certificate, never of a key. Two entries of the configuration with the
 * same client are the same credentials, whatever they are called; caches, access lists and
 * certificates follow the identity, never the configured name. The {@link #name()} (
 * {@value #DEFAULT} or a project alias) is for messages only.
 * <p>
 * {@link #toString()} shows the name and mode only: never the MAC id (it may be an access
 * token), never the key.
 */
public final class WalletCredentials {

	/** Name of the credentials configured under {@code paysera.wallet.credentials}. */
	public static final String DEFAULT = "default";

	private final String name;

	private final String identity;

	private final @Nullable MacSigner signer;

	private final @Nullable String sslBundle;

	private final boolean user;

	private WalletCredentials(String name, String identity, @Nullable MacSigner signer, @Nullable String sslBundle,
			boolean user) {
		this.name = name;
		this.identity = identity;
		this.signer = signer;
		this.sslBundle = sslBundle;
		this.user = user;
	}

	/**
	 * MAC credentials.
	 * @param name the name (default or an alias), for messages
	 * @param signer the signer holding the MAC id and key
	 * @return the credentials
	 */
	public static WalletCredentials mac(String name, MacSigner signer) {
		Assert.hasText(name, "Name must not be empty");
		Assert.notNull(signer, "Signer must not be null");
		return new WalletCredentials(name, "mac:" + sha256(signer.macId().getBytes(StandardCharsets.UTF_8)), signer,
				null, false);
	}

	/**
	 * The MAC credentials of one user's token ({@code WalletUserTokens}): made on demand, one
	 * set per user, so what the starter keeps for them in memory is bounded and forgotten when
	 * the user disconnects.
	 * @param name the name ({@code user:<key>}), for messages
	 * @param signer the signer holding the user's access token and its MAC key
	 * @return the credentials
	 */
	public static WalletCredentials user(String name, MacSigner signer) {
		Assert.hasText(name, "Name must not be empty");
		Assert.notNull(signer, "Signer must not be null");
		return new WalletCredentials(name, "mac:" + sha256(signer.macId().getBytes(StandardCharsets.UTF_8)), signer,
				null, true);
	}

	/**
	 * Client-certificate credentials.
	 * @param name the name (default or an alias), for messages
	 * @param sslBundle the SSL bundle with the client certificate
	 * @param certificate the encoded client certificate, which identifies the credentials
	 * @return the credentials
	 */
	public static WalletCredentials certificate(String name, String sslBundle, byte[] certificate) {
		Assert.hasText(name, "Name must not be empty");
		Assert.hasText(sslBundle, "SSL bundle must not be empty");
		Assert.notNull(certificate, "Certificate must not be null");
		return new WalletCredentials(name, "cert:" + sha256(certificate), null, sslBundle, false);
	}

	/**
	 * The name of these credentials, for messages.
	 * @return {@value #DEFAULT} or a project alias
	 */
	public String name() {
		return this.name;
	}

	/**
	 * What identifies these credentials: {@code mac:} or {@code cert:} and the SHA-256 (hex) of
	 * the MAC id or of the client certificate. Safe for cache keys and logs.
	 * @return the fingerprint
	 */
	public String identity() {
		return this.identity;
	}

	/**
	 * Whether these are client-certificate credentials.
	 * @return {@code true} in certificate mode
	 */
	public boolean isCertificate() {
		return this.sslBundle != null;
	}

	/**
	 * The signer of MAC credentials as configured.
	 * @return the signer, or {@code null} for certificate credentials
	 */
	public @Nullable MacSigner signer() {
		return this.signer;
	}

	/**
	 * The SSL bundle of certificate credentials.
	 * @return the bundle name, or {@code null} for MAC credentials
	 */
	public @Nullable String sslBundle() {
		return this.sslBundle;
	}

	/**
	 * Whether these are the credentials of one user's token, made by {@link #user}.
	 * @return {@code true} for a user's credentials
	 */
	public boolean isUser() {
		return this.user;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof WalletCredentials that && this.identity.equals(that.identity));
	}

	@Override
	public int hashCode() {
		return this.identity.hashCode();
	}

	@Override
	public String toString() {
		return "WalletCredentials[" + this.name + ", " + (isCertificate() ? "certificate" : "mac") + "]";
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
