package io.github.walletproject.sample.mode;

/**
 * How the dashboard runs: against the embedded demo Wallet API, or against a real one.
 * Registered as a bean by {@link SampleModeInitializer}.
 *
 * @param kind demo or live
 * @param apiBaseUrl the Wallet API base URL the starter talks to
 */
public record SampleMode(Kind kind, String apiBaseUrl) {

	/**
	 * Whether the embedded demo Wallet API is in use.
	 * @return {@code true} in demo mode
	 */
	public boolean isDemo() {
		return this.kind == Kind.DEMO;
	}

	/**
	 * The two modes.
	 */
	public enum Kind {

		/** An in-process, MAC-verifying mock Wallet API with demo data: no credentials, no network. */
		DEMO,

		/** The Wallet API at {@code paysera.wallet.base-url}, with credentials from the environment. */
		LIVE

	}

}
