package io.github.walletproject.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An environment whose operating-system variables are the given ones instead of the JVM's:
 * the {@code systemEnvironment} property source is replaced by a
 * {@link SystemEnvironmentPropertySource} of the same name, so Spring Boot treats it exactly
 * like the real one (relaxed names, {@code SPRING_APPLICATION_JSON}, origins).
 */
public final class OperatingSystemEnvironment {

	/** What Kubernetes injects into every pod for a Service named {@code paysera-wallet}. */
	public static final Map<String, Object> KUBERNETES_SERVICE_PAYSERA_WALLET = Map.of(
			"PAYSERA_WALLET_SERVICE_HOST", "10.96.12.34", "PAYSERA_WALLET_SERVICE_PORT", "443",
			"PAYSERA_WALLET_SERVICE_PORT_HTTPS", "443", "PAYSERA_WALLET_PORT", "tcp://10.96.12.34:443",
			"PAYSERA_WALLET_PORT_443_TCP", "tcp://10.96.12.34:443", "PAYSERA_WALLET_PORT_443_TCP_PROTO", "tcp",
			"PAYSERA_WALLET_PORT_443_TCP_PORT", "443", "PAYSERA_WALLET_PORT_443_TCP_ADDR", "10.96.12.34");

	/**
	 * What Kubernetes injects into every pod for a Service, named by its variable prefix
	 * ({@code PAYSERA_WALLET} for a Service named {@code paysera-wallet}).
	 * @param prefix the Service's name in upper case, dashes as underscores
	 * @param address the Service's cluster address
	 * @return the variables
	 */
	public static Map<String, Object> kubernetesService(String prefix, String address) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put(prefix + "_SERVICE_HOST", address);
		service.put(prefix + "_SERVICE_PORT", "443");
		service.put(prefix + "_SERVICE_PORT_HTTPS", "443");
		service.put(prefix + "_PORT", "tcp://" + address + ":443");
		service.put(prefix + "_PORT_443_TCP", "tcp://" + address + ":443");
		service.put(prefix + "_PORT_443_TCP_PROTO", "tcp");
		service.put(prefix + "_PORT_443_TCP_PORT", "443");
		service.put(prefix + "_PORT_443_TCP_ADDR", address);
		return service;
	}

	/** The value of {@code HOSTNAME}: a variable that is shown in clear. */
	public static final String HOSTNAME = "checkout-7d9f8b6c5-x2k4q";

	private OperatingSystemEnvironment() {
	}

	/**
	 * An environment for {@code SpringApplicationBuilder.environment(...)}.
	 * @param variables the operating-system environment variables
	 * @return the environment
	 */
	public static StandardEnvironment of(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(variables)));
		return environment;
	}

	/**
	 * The variables of a Kubernetes pod next to the given ones.
	 * @param more more variables
	 * @return all of them
	 */
	public static Map<String, Object> kubernetesPodWith(Map<String, Object> more) {
		Map<String, Object> all = new LinkedHashMap<>(KUBERNETES_SERVICE_PAYSERA_WALLET);
		all.putAll(hostWith(more));
		return all;
	}

	/**
	 * The variables of a host (its name, {@value #HOSTNAME}) next to the given ones.
	 * @param more more variables
	 * @return all of them
	 */
	public static Map<String, Object> hostWith(Map<String, Object> more) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("HOSTNAME", HOSTNAME);
		all.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
		all.putAll(more);
		return all;
	}

}
