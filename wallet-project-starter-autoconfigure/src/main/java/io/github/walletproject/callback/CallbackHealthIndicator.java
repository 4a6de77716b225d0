package io.github.walletproject.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code walletCallbacks} health indicator: the key that verifies callbacks, how old it
 * is and the last failure to fetch it. Down only while there is no key at all after a
 * failed fetch; it never fetches anything itself.
 */
final class CallbackHealthIndicator implements HealthIndicator {

	private final CallbackPublicKey key;

	private final Clock clock;

	CallbackHealthIndicator(CallbackPublicKey key, Clock clock) {
		this.key = key;
		this.clock = clock;
	}

	@Override
	public Health health() {
		CallbackPublicKey.State state = this.key.state();
		Instant loadedAt = state.loadedAt();
		Health.Builder health = (loadedAt == null && state.lastError() != null) ? Health.down() : Health.up();
		health.withDetail("keySource", state.source());
		if (loadedAt != null) {
			health.withDetail("keyLoadedAt", loadedAt.toString())
				.withDetail("keyAge", Duration.between(loadedAt, this.clock.instant()).toString());
		}
		else {
			health.withDetail("keyAge", "not fetched yet");
		}
		if (state.lastError() != null) {
			health.withDetail("lastFetchError", state.lastError());
		}
		return health.build();
	}

}
