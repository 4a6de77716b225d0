package io.github.walletproject.oauth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.InternalWalletApi;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Paysera's OAuth token endpoint, typed: exchange an authorization code for a user token,
 * refresh a token, revoke one, and build the address that sends a user to authorize the client.
 * <p>
 * Token calls are {@code POST <host>/oauth/v1/token} (form-encoded) and
 * {@code DELETE <host>/oauth/v1/token?access_token=…}, MAC-signed with the <em>client's</em>
 * credentials on the starter's internal client: never routed to a project, never
 * access-checked. Every answer must be a MAC token with {@code hmac-sha-256}; anything else is
 * refused with a {@link WalletResponseException} that names the token type, never a token.
 */
public final class WalletOAuthClient {

	private final InternalWalletApi api;

	private final WalletCredentials client;

	private final URI tokenUri;

	private final URI authorizationBase;

	private final Clock clock;

	/**
	 * Create the client.
	 * @param api the starter's internal client
	 * @param client the client credentials that sign token calls (their MAC id is the
	 * {@code client_id})
	 * @param tokenUri the token endpoint, e.g. {@code https://wallet.paysera.com/oauth/v1/token}
	 * @param authorizationBase where users authorize clients, e.g.
	 * {@code https://bank.paysera.com/frontend}
	 * @param clock the clock expiry times are computed with
	 */
	public WalletOAuthClient(InternalWalletApi api, WalletCredentials client, URI tokenUri, URI authorizationBase,
			Clock clock) {
		Assert.notNull(api, "Internal API must not be null");
		Assert.isTrue(client.signer() != null, "OAuth token calls are signed with MAC client credentials");
		this.api = api;
		this.client = client;
		this.tokenUri = tokenUri;
		this.authorizationBase = authorizationBase;
		this.clock = clock;
	}

	/**
	 * Where to send a user to authorize this client: {@code <base>[/<language>]/oauth} with
	 * {@code response_type=code}, {@code client_id}, {@code scope}, {@code redirect_uri} and
	 * {@code state}. Check the {@code state} that comes back before exchanging the code.
	 * @param redirectUri where Paysera sends the user back with {@code code} and {@code state}
	 * @param state an unguessable value tied to the user's session
	 * @param scopes the scopes asked for, such as {@code projects}, {@code balance},
	 * {@code statements}
	 * @param language a language code for the page, or {@code null}
	 * @return the address
	 */
	public URI authorizationUri(String redirectUri, String state, Collection<String> scopes,
			@Nullable String language) {
		Assert.hasText(redirectUri, "Redirect URI must not be empty");
		Assert.hasText(state, "State must not be empty");
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(this.authorizationBase);
		if (StringUtils.hasText(language)) {
			Assert.isTrue(language.matches("[a-z]{2}"), "Language must be a two-letter code");
			builder.pathSegment(language);
		}
		return builder.pathSegment("oauth")
			.queryParam("response_type", "code")
			.queryParam("client_id", this.client.signer().macId())
			.queryParam("scope", String.join(" ", scopes))
			.queryParam("redirect_uri", redirectUri)
			.queryParam("state", state)
			.encode()
			.build()
			.toUri();
	}

	/**
	 * Exchange an authorization code ({@code grant_type=authorization_code}).
	 * @param code the code the user's browser brought back
	 * @param redirectUri the {@code redirect_uri} the authorization named, or {@code null}
	 * @return the user's token
	 */
	public WalletAccessToken exchangeCode(String code, @Nullable String redirectUri) {
		Assert.hasText(code, "Code must not be empty");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "authorization_code");
		form.add("code", code);
		if (redirectUri != null) {
			form.add("redirect_uri", redirectUri);
		}
		return token("POST oauth/v1/token (authorization_code)", form);
	}

	/**
	 * Refresh a token ({@code grant_type=refresh_token}). The refresh token is spent: keep the
	 * answer's before anything needs a refresh again.
	 * @param refreshToken the refresh token
	 * @param scopes the scopes to narrow the new token to, or {@code null} for the same
	 * @return the new token
	 */
	public WalletAccessToken refresh(String refreshToken, @Nullable Collection<String> scopes) {
		Assert.hasText(refreshToken, "Refresh token must not be empty");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "refresh_token");
		form.add("refresh_token", refreshToken);
		if (scopes != null) {
			form.add("scope", String.join(" ", scopes));
		}
		return token("POST oauth/v1/token (refresh_token)", form);
	}

	/**
	 * Revoke an access token.
	 * @param accessToken the access token
	 */
	public void revoke(String accessToken) {
		Assert.hasText(accessToken, "Access token must not be empty");
		URI uri = UriComponentsBuilder.fromUri(this.tokenUri)
			.queryParam("access_token", accessToken)
			.encode()
			.build()
			.toUri();
		this.api.delete("DELETE oauth/v1/token", uri, this.client);
	}

	private WalletAccessToken token(String what, MultiValueMap<String, String> form) {
		Instant sent = this.clock.instant();
		TokenJson json = this.api.postForm(what, this.tokenUri, form, this.client, TokenJson.class);
		if (!"mac".equals(json.tokenType()) || !"hmac-sha-256".equals(json.macAlgorithm())) {
			throw new WalletResponseException("Wallet API response to " + what + " is a token of type '"
					+ safe(json.tokenType()) + "' with algorithm '" + safe(json.macAlgorithm())
					+ "': only MAC tokens with hmac-sha-256 can sign requests");
		}
		if (!StringUtils.hasText(json.accessToken()) || !StringUtils.hasText(json.macKey())) {
			throw new WalletResponseException("Wallet API response to " + what + " has no access_token or mac_key");
		}
		Instant expiresAt = (json.expiresIn() != null) ? sent.plusSeconds(json.expiresIn()) : null;
		return new WalletAccessToken(json.accessToken(), json.macKey(), json.refreshToken(), expiresAt);
	}

	/** A token type or algorithm as the server named it, cut short and without odd characters. */
	private static String safe(@Nullable String value) {
		if (value == null) {
			return "none";
		}
		String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "?");
		return (cleaned.length() > 20) ? cleaned.substring(0, 20) + "…" : cleaned;
	}

	@Override
	public String toString() {
		return "WalletOAuthClient[" + this.tokenUri + "]";
	}

	record TokenJson(@JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("token_type") @Nullable String tokenType,
			@JsonProperty("mac_algorithm") @Nullable String macAlgorithm,
			@JsonProperty("mac_key") @Nullable String macKey, @JsonProperty("expires_in") @Nullable Long expiresIn,
			@JsonProperty("refresh_token") @Nullable String refreshToken) {
	}

}
