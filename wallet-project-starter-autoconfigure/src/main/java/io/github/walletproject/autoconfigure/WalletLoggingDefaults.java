package io.github.walletproject.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the {@code Authorization} header of Wallet API requests, whose MAC id may be an
 * access token, out of the DEBUG logs of the HTTP clients that print request headers: Apache
 * HttpClient 5 (which {@code wallet-project-starter} brings) and Jetty. Their header loggers
 * default to {@code INFO}, at the lowest precedence, unless the application sets a level for
 * that logger or one of its parents ({@code logging.level.org.apache.hc=debug} still shows
 * everything).
 */
final class WalletLoggingDefaults implements EnvironmentPostProcessor {

	/** Loggers that print request headers or bytes at DEBUG (measured with every logger at TRACE). */
	static final List<String> HEADER_LOGGERS = List.of("org.apache.hc.client5.http.headers",
			"org.apache.hc.client5.http.wire", "org.eclipse.jetty.client.transport.HttpSender",
			"org.eclipse.jetty.http.HttpGenerator");

	static final String PROPERTY_SOURCE_NAME = "walletLoggingDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (String logger : HEADER_LOGGERS) {
			if (!configured(environment, logger)) {
				defaults.put("logging.level." + logger, "info");
			}
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
		}
	}

	private static boolean configured(ConfigurableEnvironment environment, String logger) {
		for (String name = logger; !name.isEmpty(); name = parent(name)) {
			if (environment.containsProperty("logging.level." + name)) {
				return true;
			}
		}
		return false;
	}

	private static String parent(String logger) {
		int dot = logger.lastIndexOf('.');
		return (dot > 0) ? logger.substring(0, dot) : "";
	}

}
