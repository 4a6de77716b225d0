package io.github.walletproject.oauth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Tokens kept in this JVM's memory: the default. A restart starts again from the configured
 * token; where the configured refresh token has been spent by then, use a shared store.
 */
public final class InMemoryWalletTokenStore implements WalletTokenStore {

	private final Map<String, WalletAccessToken> tokens = new ConcurrentHashMap<>();

	@Override
	public @Nullable WalletAccessToken get(String key) {
		return this.tokens.get(key);
	}

	@Override
	public void put(String key, WalletAccessToken token) {
		this.tokens.put(key, token);
	}

	@Override
	public boolean replace(String key, @Nullable String expected, WalletAccessToken token) {
		if (expected == null) {
			return this.tokens.putIfAbsent(key, token) == null;
		}
		WalletAccessToken now = this.tokens.computeIfPresent(key,
				(name, current) -> current.accessToken().equals(expected) ? token : current);
		return now == token;
	}

	@Override
	public void remove(String key) {
		this.tokens.remove(key);
	}

	@Override
	public String toString() {
		return "InMemoryWalletTokenStore[" + this.tokens.size() + " tokens]";
	}

}
