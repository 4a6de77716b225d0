package io.github.walletproject.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The mock's OAuth token endpoint, {@code POST /oauth/v1/token} and {@code DELETE
 * /oauth/v1/token?access_token=…}, as Paysera serves it: MAC tokens only, signed with the
 * client's credentials, refresh tokens good for one use (a second use is {@code invalid_grant}),
 * and every issued access token accepted by the mock's MAC verifier until it expires or is
 * revoked.
 */
final class MockOAuth {

	static final String TOKEN_PATH = "/oauth/v1/token";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

	private final Map<String, Long> expiry = new ConcurrentHashMap<>();

	private final BiConsumer<String, String> keys;

	private final BiConsumer<String, List<Long>> projects;

	private final LongSupplier seconds;

	private volatile Duration lifetime = Duration.ofHours(1);

	/**
	 * @param keys registers a MAC id and key with the mock's verifier
	 * @param projects gives a MAC id the projects {@code GET user/me/projects} lists
	 * @param seconds the mock's clock, in epoch seconds
	 */
	MockOAuth(BiConsumer<String, String> keys, BiConsumer<String, List<Long>> projects, LongSupplier seconds) {
		this.keys = keys;
		this.projects = projects;
		this.seconds = seconds;
	}

	void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	void code(String code, String redirectUri, List<String> scopes, List<Long> projectIds) {
		this.codes.put(code, new Grant(redirectUri, scopes, projectIds));
	}

	void token(String accessToken, String macKey, String refreshToken, Duration expiresIn, List<Long> projectIds) {
		this.keys.accept(accessToken, macKey);
		this.projects.accept(accessToken, projectIds);
		this.expiry.put(accessToken, now() + expiresIn.toSeconds());
		this.refreshTokens.put(refreshToken, new Grant(null, List.of(), projectIds));
	}

	void expire(String accessToken) {
		this.expiry.put(accessToken, now() - 1);
	}

	/** Whether a request signed with this MAC id is refused because its token expired or was revoked. */
	boolean refuses(String macId) {
		Long expiresAt = this.expiry.get(macId);
		return expiresAt != null && expiresAt <= now();
	}

	static boolean isTokenPath(String rawPath) {
		return rawPath.equals(TOKEN_PATH);
	}

	/**
	 * Answer a request to the token endpoint.
	 * @return status and JSON body
	 */
	Reply handle(ReceivedRequest request, String macId) {
		if (macId == null) {
			return error(401, "unauthorized", "Token requests are signed with the client's credentials");
		}
		if (this.expiry.containsKey(macId)) {
			return error(403, "forbidden", "Token requests are signed with the client's credentials, not a user token");
		}
		if (request.method().equals("DELETE")) {
			String token = form(queryOf(request.requestUri())).get("access_token");
			if (token == null || !this.expiry.containsKey(token)) {
				return error(404, "not_found", "No such token");
			}
			this.expiry.put(token, Long.MIN_VALUE);
			return new Reply(200, "");
		}
		if (!request.method().equals("POST")) {
			return error(405, "method_not_allowed", "Use POST or DELETE");
		}
		Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
		String type = form.getOrDefault("grant_type", "");
		Grant grant;
		switch (type) {
			case "authorization_code" -> {
				grant = this.codes.remove(form.getOrDefault("code", ""));
				if (grant == null) {
					return error(400, "invalid_grant", "Authorization code is invalid or was used");
				}
				if (grant.redirectUri() != null && !grant.redirectUri().equals(form.get("redirect_uri"))) {
					return error(400, "invalid_grant", "redirect_uri does not match");
				}
			}
			case "refresh_token" -> {
				grant = this.refreshTokens.remove(form.getOrDefault("refresh_token", ""));
				if (grant == null) {
					return error(400, "invalid_grant", "Refresh token is invalid or was used");
				}
			}
			default -> {
				return error(400, "unsupported_grant_type", "Unsupported grant_type");
			}
		}
		String accessToken = "token-" + random();
		String macKey = random();
		String refreshToken = "refresh-" + random();
		token(accessToken, macKey, refreshToken, this.lifetime, grant.projectIds());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", accessToken);
		json.put("token_type", "mac");
		json.put("mac_algorithm", "hmac-sha-256");
		json.put("mac_key", macKey);
		json.put("expires_in", this.lifetime.toSeconds());
		json.put("refresh_token", refreshToken);
		return new Reply(200, Json.write(json));
	}

	private long now() {
		return this.seconds.getAsLong();
	}

	private static String queryOf(String requestUri) {
		int question = requestUri.indexOf('?');
		return (question >= 0) ? requestUri.substring(question + 1) : "";
	}

	private static Map<String, String> form(String text) {
		Map<String, String> values = new HashMap<>();
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String random() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return java.util.HexFormat.of().formatHex(bytes);
	}

	private static Reply error(int status, String code, String description) {
		return new Reply(status, Fault.error(status, code, description).body());
	}

	record Reply(int status, String body) {
	}

	private record Grant(String redirectUri, List<String> scopes, List<Long> projectIds) {
	}

}
