package io.github.walletproject.oauth;

import java.time.Instant;
import java.util.Objects;

import io.github.walletproject.auth.MacSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A Paysera user access token: a MAC token ({@code token_type} {@code mac},
 * {@code mac_algorithm} {@code hmac-sha-256}) whose access token signs requests as a MAC id
 * with its own MAC key, and the single-use refresh token that renews it. Every part but the
 * expiry is a secret: {@link #toString()} shows none of them.
 */
public final class WalletAccessToken {

	private final String accessToken;

	private final String macKey;

	private final @Nullable String refreshToken;

	private final @Nullable Instant expiresAt;

	/**
	 * Create a token.
	 * @param accessToken the access token, used as the MAC id
	 * @param macKey its MAC key
	 * @param refreshToken the refresh token that renews it, or {@code null}
	 * @param expiresAt when it expires, or {@code null} when unknown
	 */
	public WalletAccessToken(String accessToken, String macKey, @Nullable String refreshToken,
			@Nullable Instant expiresAt) {
		Assert.hasText(accessToken, "Access token must not be empty");
		Assert.hasText(macKey, "MAC key must not be empty");
		this.accessToken = accessToken;
		this.macKey = macKey;
		this.refreshToken = refreshToken;
		this.expiresAt = expiresAt;
	}

	/**
	 * The access token: the MAC id requests are signed with.
	 * @return the access token
	 */
	public String accessToken() {
		return this.accessToken;
	}

	/**
	 * The token's MAC key.
	 * @return the key
	 */
	public String macKey() {
		return this.macKey;
	}

	/**
	 * The single-use refresh token.
	 * @return the refresh token, or {@code null}
	 */
	public @Nullable String refreshToken() {
		return this.refreshToken;
	}

	/**
	 * When the access token expires.
	 * @return the expiry, or {@code null} when unknown
	 */
	public @Nullable Instant expiresAt() {
		return this.expiresAt;
	}

	/**
	 * A signer for requests made with this token.
	 * @return the signer
	 */
	public MacSigner signer() {
		return new MacSigner(this.accessToken, this.macKey);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WalletAccessToken token && this.accessToken.equals(token.accessToken)
				&& this.macKey.equals(token.macKey) && Objects.equals(this.refreshToken, token.refreshToken)
				&& Objects.equals(this.expiresAt, token.expiresAt);
	}

	@Override
	public int hashCode() {
		return this.accessToken.hashCode();
	}

	@Override
	public String toString() {
		return "WalletAccessToken[expiresAt=" + this.expiresAt + ", refreshToken="
				+ ((this.refreshToken != null) ? "present" : "none") + "]";
	}

}
