package io.github.walletproject.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Which user a request to the connect endpoint is from: the key their token is kept under.
 * The default takes the signed-in principal's name ({@code request.getUserPrincipal()}, which
 * Spring Security fills); declare a bean to use your own user ids.
 */
@FunctionalInterface
public interface WalletUserKeyResolver {

	/**
	 * The user's key.
	 * @param request the request
	 * @return the key, or {@code null} when nobody is signed in
	 */
	@Nullable String userKey(HttpServletRequest request);

}
