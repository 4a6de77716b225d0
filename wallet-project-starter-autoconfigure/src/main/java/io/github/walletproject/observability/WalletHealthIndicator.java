package io.github.walletproject.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletException;
import io.github.walletproject.access.WalletCaches;
import io.github.walletproject.access.WalletCaches.SharedCacheState;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.client.InternalWalletApi;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * Health of the Wallet API client: the API is reachable ({@code GET server}), the clock
 * offset left after correction is within tolerance, and each set of credentials is accepted
 * ({@code GET client}). Each check can be switched off. Results are kept for a short time,
 * so frequent probes do not turn into a stream of API calls. Details never hold a secret.
 * <p>
 * When a shared access cache is configured, a {@code sharedCache} detail says whether it was
 * {@code available} or {@code unavailable} when the starter last used it. That state is read
 * from memory on every call, never by contacting the shared cache, so a hanging Redis cannot
 * hang the probe. An unavailable shared cache leaves the status as the other checks set it:
 * the shared level only saves lookups, each instance keeps working from its own memory and
 * the Wallet API, so going DOWN would take every instance out of service for an outage they
 * ride out.
 */
public final class WalletHealthIndicator implements HealthIndicator {

	private final InternalWalletApi api;

	private final List<WalletCredentials> credentials;

	private final ServerTimeOffset offset;

	private final Settings settings;

	private final @Nullable WalletCaches caches;

	private volatile @Nullable Cached cached;

	/**
	 * Create the indicator.
	 * @param api the starter's own Wallet API calls (never routed, never access-checked)
	 * @param credentials the credentials to check
	 * @param offset the clock offset in use
	 * @param settings what to check and how long to keep a result
	 */
	public WalletHealthIndicator(InternalWalletApi api, List<WalletCredentials> credentials, ServerTimeOffset offset,
			Settings settings) {
		this(api, credentials, offset, settings, null);
	}

	/**
	 * Create the indicator, reporting the last-known state of the shared access cache too.
	 * @param api the starter's own Wallet API calls (never routed, never access-checked)
	 * @param credentials the credentials to check
	 * @param offset the clock offset in use
	 * @param settings what to check and how long to keep a result
	 * @param caches the starter's caches, or {@code null} for no {@code sharedCache} detail
	 */
	public WalletHealthIndicator(InternalWalletApi api, List<WalletCredentials> credentials, ServerTimeOffset offset,
			Settings settings, @Nullable WalletCaches caches) {
		Assert.notNull(api, "Api must not be null");
		Assert.notNull(credentials, "Credentials must not be null");
		Assert.notNull(offset, "Offset must not be null");
		Assert.notNull(settings, "Settings must not be null");
		this.api = api;
		this.credentials = List.copyOf(credentials);
		this.offset = offset;
		this.settings = settings;
		this.caches = caches;
	}

	@Override
	public Health health() {
		return withSharedCache(checked());
	}

	private Health checked() {
		Cached last = this.cached;
		long now = System.nanoTime();
		if (last != null && now - last.atNanos() < this.settings.timeToLive().toNanos()) {
			return last.health();
		}
		Health health = check();
		this.cached = new Cached(health, now);
		return health;
	}

	private Health withSharedCache(Health health) {
		SharedCacheState state = (this.caches != null) ? this.caches.sharedCacheState() : SharedCacheState.NONE;
		if (state == SharedCacheState.NONE) {
			return health;
		}
		return Health.status(health.getStatus())
			.withDetails(health.getDetails())
			.withDetail("sharedCache", (state == SharedCacheState.AVAILABLE) ? "available" : "unavailable")
			.build();
	}

	private Health check() {
		Map<String, Object> details = new LinkedHashMap<>();
		boolean down = false;
		if (this.settings.checkReachability()) {
			try {
				Instant serverTime = this.api.serverTime();
				long local = this.offset.clock().millis() / 1000;
				long measured = serverTime.getEpochSecond() - local;
				long applied = this.offset.seconds();
				details.put("reachable", true);
				details.put("serverTime", serverTime.toString());
				details.put("clockOffsetSeconds", measured);
				details.put("appliedOffsetSeconds", applied);
				if (Math.abs(measured - applied) > this.settings.clockTolerance().toSeconds()) {
					down = true;
					details.put("clock", "offset of " + (measured - applied) + " s exceeds the tolerance of "
							+ this.settings.clockTolerance().toSeconds()
							+ " s; fix the host clock or set paysera.wallet.clock.sync-on-startup=true");
				}
			}
			catch (WalletException ex) {
				down = true;
				details.put("reachable", false);
				details.put("error", ex.getMessage());
			}
		}
		if (this.settings.checkCredentials()) {
			Map<String, String> accepted = new LinkedHashMap<>();
			for (WalletCredentials each : this.credentials) {
				try {
					this.api.client(each);
					accepted.put(each.name(), "accepted");
				}
				catch (WalletApiException ex) {
					down = true;
					accepted.put(each.name(), "refused: " + ex.getErrorCode());
				}
				catch (WalletException ex) {
					down = true;
					accepted.put(each.name(), "unchecked: " + ex.getClass().getSimpleName());
				}
			}
			details.put("credentials", accepted);
		}
		return Health.status(down ? Status.DOWN : Status.UP).withDetails(details).build();
	}

	/**
	 * What the indicator checks.
	 *
	 * @param checkReachability call {@code GET server} and compare clocks
	 * @param clockTolerance largest uncorrected clock offset that is healthy
	 * @param checkCredentials call {@code GET client} with each set of credentials
	 * @param timeToLive how long a result is reused
	 */
	public record Settings(boolean checkReachability, Duration clockTolerance, boolean checkCredentials,
			Duration timeToLive) {
	}

	private record Cached(Health health, long atNanos) {
	}

}
