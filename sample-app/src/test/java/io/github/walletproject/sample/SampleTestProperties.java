package io.github.walletproject.sample;

/**
 * Properties shared by the Spring Boot tests, so that they share one application context.
 */
final class SampleTestProperties {

	/** Demo mode even where WALLET_MAC_ID happens to be set; fast retries. */
	static final String DEMO = "sample.mode=demo";

	private SampleTestProperties() {
	}

}
