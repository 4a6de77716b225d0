package io.github.walletproject.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header loggers of Apache HttpClient 5 and Jetty default to INFO, unless the
 * application sets a level for them or a parent.
 */
class WalletLoggingDefaultsTests {

	private static MockEnvironment postProcessed(MockEnvironment environment) {
		new WalletLoggingDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	@Test
	void headerLoggersDefaultToInfoAtTheLowestPrecedence() {
		MockEnvironment environment = postProcessed(new MockEnvironment());
		assertThat(WalletLoggingDefaults.HEADER_LOGGERS).allSatisfy(
				logger -> assertThat(environment.getProperty("logging.level." + logger)).isEqualTo("info"));
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(WalletLoggingDefaults.PROPERTY_SOURCE_NAME);
	}

	@Test
	void aLevelSetForTheLoggerOrAParentIsLeftAlone() {
		MockEnvironment environment = postProcessed(new MockEnvironment().withProperty("logging.level.org.apache.hc", "debug")
			.withProperty("logging.level.org.eclipse.jetty.http.HttpGenerator", "trace"));
		assertThat(environment.getProperty("logging.level.org.apache.hc.client5.http.headers")).isNull();
		assertThat(environment.getProperty("logging.level.org.apache.hc.client5.http.wire")).isNull();
		assertThat(environment.getProperty("logging.level.org.eclipse.jetty.http.HttpGenerator")).isEqualTo("trace");
		assertThat(environment.getProperty("logging.level.org.eclipse.jetty.client.transport.HttpSender"))
			.isEqualTo("info");
	}

	@Test
	void nothingIsAddedWhenTheApplicationSetsThemAll() {
		MockEnvironment environment = new MockEnvironment().withProperty("logging.level.org", "warn");
		postProcessed(environment);
		assertThat(environment.getPropertySources().contains(WalletLoggingDefaults.PROPERTY_SOURCE_NAME)).isFalse();
	}

}
