package io.github.walletproject.callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;

import io.github.walletproject.autoconfigure.WalletConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A key read once, at startup, from a PEM {@link Resource}
 * ({@code paysera.wallet.callbacks.public-key}): nothing is fetched at runtime.
 */
final class PinnedPublicKey implements CallbackPublicKey {

	private final PublicKey key;

	private final Instant loadedAt;

	PinnedPublicKey(Resource resource, Instant now) {
		try (InputStream in = resource.getInputStream()) {
			this.key = PemPublicKeys.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new WalletConfigurationException("paysera.wallet.callbacks.public-key",
					"(" + resource.getDescription() + ") could not be read: " + ex.getMessage(),
					"Point it at Paysera's PEM public key, or remove it to fetch the key from "
							+ "paysera.wallet.callbacks.public-key-uri");
		}
		this.loadedAt = now;
	}

	@Override
	public PublicKey current() {
		return this.key;
	}

	@Override
	public @Nullable PublicKey refreshed() {
		return null;
	}

	@Override
	public State state() {
		return new State("pinned", this.loadedAt, null);
	}

}
