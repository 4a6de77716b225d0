package io.github.walletproject.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The two Spring MVC endpoints that connect a signed-in user's Paysera wallet:
 * <ol>
 * <li>{@code GET <path>} remembers an unguessable {@code state} and the user in the HTTP session
 * and redirects to Paysera's authorization page;</li>
 * <li>{@code GET <path>/callback} takes Paysera's {@code code} only when its {@code state}
 * matches the session's (each state is used once, for the user who started), exchanges it and
 * keeps the token for that user ({@link WalletUserTokens}), then redirects to the success URL.</li>
 * </ol>
 * Both are ordinary application paths: behind Spring Security's login they need a signed-in
 * user, and they never touch Security's own {@code /login/oauth2/*} paths.
 */
public final class WalletConnectEndpoints {

	private static final Log logger = LogFactory.getLog(WalletConnectEndpoints.class);

	static final String STATE = WalletConnectEndpoints.class.getName() + ".state";

	static final String USER = WalletConnectEndpoints.class.getName() + ".user";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String path;

	private final WalletOAuthClient oauth;

	private final WalletUserTokens users;

	private final WalletUserKeyResolver keys;

	private final List<String> scopes;

	private final @Nullable String language;

	private final URI successUrl;

	private final @Nullable URI redirectUri;

	/**
	 * Create the endpoints.
	 * @param path the connect path, e.g. {@code /wallet/connect}
	 * @param oauth the token client
	 * @param users where user tokens are kept
	 * @param keys which user a request is from
	 * @param scopes the scopes asked for
	 * @param language the authorization page's language, or {@code null}
	 * @param successUrl where the user goes once connected
	 * @param redirectUri the callback's absolute URL as the browser reaches it (behind a proxy),
	 * or {@code null} to build it from each request
	 */
	public WalletConnectEndpoints(String path, WalletOAuthClient oauth, WalletUserTokens users,
			WalletUserKeyResolver keys, List<String> scopes, @Nullable String language, String successUrl,
			@Nullable URI redirectUri) {
		Assert.isTrue(path.startsWith("/") && !path.endsWith("/"), "The connect path starts with / and does not end with /");
		this.path = path;
		this.oauth = oauth;
		this.users = users;
		this.keys = keys;
		this.scopes = List.copyOf(scopes);
		this.language = language;
		this.successUrl = URI.create(successUrl);
		this.redirectUri = redirectUri;
	}

	/**
	 * The routes.
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET(this.path, this::start)
			.GET(this.path + "/callback", this::callback)
			.build();
	}

	private ServerResponse start(ServerRequest request) {
		HttpServletRequest servlet = request.servletRequest();
		String user = this.keys.userKey(servlet);
		if (user == null || user.isEmpty()) {
			return ServerResponse.status(HttpStatus.UNAUTHORIZED).body("Sign in before connecting a Paysera wallet");
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		HttpSession session = servlet.getSession(true);
		session.setAttribute(STATE, state);
		session.setAttribute(USER, user);
		return ServerResponse.status(HttpStatus.FOUND)
			.location(this.oauth.authorizationUri(callbackUri(), state, this.scopes, this.language))
			.build();
	}

	private ServerResponse callback(ServerRequest request) {
		HttpServletRequest servlet = request.servletRequest();
		HttpSession session = servlet.getSession(false);
		Object expected = (session != null) ? session.getAttribute(STATE) : null;
		Object startedBy = (session != null) ? session.getAttribute(USER) : null;
		if (session != null) {
			// a state is good for one return
			session.removeAttribute(STATE);
			session.removeAttribute(USER);
		}
		String state = request.param("state").orElse("");
		String user = this.keys.userKey(servlet);
		if (!(expected instanceof String known) || !sameBytes(known, state) || user == null || !user.equals(startedBy)) {
			logger.warn("Refused a Paysera wallet connect callback: its state does not match the one this session "
					+ "started with");
			return ServerResponse.badRequest().body("The wallet connection was not started here, or was already "
					+ "completed: start again");
		}
		if (request.param("error").isPresent()) {
			return ServerResponse.badRequest().body("The wallet was not connected: Paysera answered "
					+ request.param("error").get().replaceAll("[^A-Za-z0-9_]", "?"));
		}
		String code = request.param("code").orElse("");
		if (code.isEmpty()) {
			return ServerResponse.badRequest().body("The wallet was not connected: Paysera sent no code");
		}
		WalletAccessToken token = this.oauth.exchangeCode(code, callbackUri());
		try {
			this.users.save(user, token);
		}
		catch (RuntimeException ex) {
			// nothing keeps the token: it must not stay live at Paysera
			logger.warn("A connected Paysera wallet's token could not be kept for user '" + user + "' ("
					+ ex.getClass().getSimpleName() + "); it is revoked");
			this.users.revoke(token, user, "unkept");
			return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body("The wallet was connected, but could not be kept here: start again");
		}
		return ServerResponse.status(HttpStatus.FOUND).location(this.successUrl).build();
	}

	private String callbackUri() {
		if (this.redirectUri != null) {
			return this.redirectUri.toString();
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(this.path + "/callback").toUriString();
	}

	private static boolean sameBytes(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
