package io.github.walletproject.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code wallet} health indicator, under {@code management.health.wallet}
 * (where Boot keeps the settings of every health indicator).
 */
@ConfigurationProperties("management.health.wallet")
public class WalletHealthProperties {

	/**
	 * Whether the health indicator calls GET server to check that the Wallet API is reachable.
	 */
	private boolean checkReachability = true;

	/**
	 * Largest clock offset from the server that still counts as healthy.
	 */
	private Duration clockTolerance = Duration.ofSeconds(30);

	/**
	 * Whether the health indicator calls GET client to check that each set of credentials is accepted.
	 */
	private boolean checkCredentials = true;

	/**
	 * How long a health result is reused before the Wallet API is asked again.
	 */
	private Duration timeToLive = Duration.ofSeconds(10);

	public boolean isCheckReachability() {
		return this.checkReachability;
	}

	public void setCheckReachability(boolean checkReachability) {
		this.checkReachability = checkReachability;
	}

	public Duration getClockTolerance() {
		return this.clockTolerance;
	}

	public void setClockTolerance(Duration clockTolerance) {
		this.clockTolerance = clockTolerance;
	}

	public boolean isCheckCredentials() {
		return this.checkCredentials;
	}

	public void setCheckCredentials(boolean checkCredentials) {
		this.checkCredentials = checkCredentials;
	}

	public Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

}
