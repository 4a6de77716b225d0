package io.github.walletproject.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * Tokens kept in Redis, shared by every instance of the application: each key a hash of the
 * access token, MAC key, refresh token and expiry under {@code paysera-wallet:tokens:<key>}, and
 * a lock ({@code SET NX PX}, released only by its owner) so that instances sharing a chain of
 * single-use refresh tokens refresh it once between them. The values are secrets: keep that
 * Redis private, as the README's Redis section says for the access cache.
 */
public final class RedisWalletTokenStore implements WalletTokenStore {

	static final String PREFIX = "paysera-wallet:tokens:";

	private static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	/** Replaces the hash when its access token is ARGV[1] ({@code ""}: when there is none). */
	private static final RedisScript<Long> REPLACE = new DefaultRedisScript<>("""
			local current = redis.call('hget', KEYS[1], 'access_token')
			if (ARGV[1] == '' and current) or (ARGV[1] ~= '' and current ~= ARGV[1]) then return 0 end
			redis.call('del', KEYS[1])
			redis.call('hset', KEYS[1], unpack(ARGV, 2))
			return 1""", Long.class);

	private final StringRedisTemplate redis;

	private final String owner = UUID.randomUUID().toString();

	/**
	 * Create the store.
	 * @param redis the application's template
	 */
	public RedisWalletTokenStore(StringRedisTemplate redis) {
		Assert.notNull(redis, "Redis template must not be null");
		this.redis = redis;
	}

	@Override
	public @Nullable WalletAccessToken get(String key) {
		Map<Object, Object> fields = this.redis.opsForHash().entries(PREFIX + key);
		Object accessToken = fields.get("access_token");
		Object macKey = fields.get("mac_key");
		if (accessToken == null || macKey == null) {
			return null;
		}
		Object refreshToken = fields.get("refresh_token");
		Object expiresAt = fields.get("expires_at");
		return new WalletAccessToken(accessToken.toString(), macKey.toString(),
				(refreshToken != null) ? refreshToken.toString() : null,
				(expiresAt != null) ? Instant.ofEpochSecond(Long.parseLong(expiresAt.toString())) : null);
	}

	@Override
	public void put(String key, WalletAccessToken token) {
		Map<String, String> fields = fields(token);
		// one HSET: a reader sees the old token or the new one; then drop what the new one lacks
		this.redis.opsForHash().putAll(PREFIX + key, fields);
		if (token.refreshToken() == null) {
			this.redis.opsForHash().delete(PREFIX + key, "refresh_token");
		}
		if (token.expiresAt() == null) {
			this.redis.opsForHash().delete(PREFIX + key, "expires_at");
		}
	}

	@Override
	public boolean replace(String key, @Nullable String expected, WalletAccessToken token) {
		List<String> arguments = new ArrayList<>();
		arguments.add((expected != null) ? expected : "");
		fields(token).forEach((field, value) -> {
			arguments.add(field);
			arguments.add(value);
		});
		Long replaced = this.redis.execute(REPLACE, Collections.singletonList(PREFIX + key), arguments.toArray());
		return replaced != null && replaced == 1L;
	}

	private static Map<String, String> fields(WalletAccessToken token) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("access_token", token.accessToken());
		fields.put("mac_key", token.macKey());
		if (token.refreshToken() != null) {
			fields.put("refresh_token", token.refreshToken());
		}
		if (token.expiresAt() != null) {
			fields.put("expires_at", Long.toString(token.expiresAt().getEpochSecond()));
		}
		return fields;
	}

	@Override
	public void remove(String key) {
		this.redis.delete(PREFIX + key);
	}

	@Override
	public boolean tryLock(String key, Duration ttl) {
		return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(PREFIX + key + ":lock", this.owner, ttl));
	}

	@Override
	public void unlock(String key) {
		this.redis.execute(UNLOCK, Collections.singletonList(PREFIX + key + ":lock"), this.owner);
	}

	@Override
	public String toString() {
		return "RedisWalletTokenStore[" + PREFIX + "*]";
	}

}
