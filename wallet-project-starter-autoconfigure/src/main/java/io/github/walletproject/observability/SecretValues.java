package io.github.walletproject.observability;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.walletproject.internal.PropertyKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The values the starter's secret properties resolve to, in every property source and in any
 * relaxed form: {@code paysera.wallet.credentials.mac-key=${WALLET_MAC_KEY}} contributes the
 * value of {@code WALLET_MAC_KEY}, so that the variable (and a {@code SPRING_APPLICATION_JSON}
 * holding the key, also JSON-escaped) can be masked wherever it is shown. The values are never
 * logged or put into a message.
 */
final class SecretValues {

	private static final ConfigurationPropertyName WALLET = ConfigurationPropertyName.of(PropertyKeys.ROOT);

	private static final ConfigurationPropertyName SSL_BUNDLES = ConfigurationPropertyName.of("spring.ssl.bundle");

	private SecretValues() {
	}

	static Set<String> of(Environment environment) {
		Set<String> values = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.filter(name -> WALLET.isAncestorOf(name) || SSL_BUNDLES.isAncestorOf(name))
				.stream()
				.filter(name -> WalletSanitizingFunction.isSecret(name.toString()))
				.forEach(name -> add(values, environment, iterable.getConfigurationProperty(name)));
		}
		return Set.copyOf(values);
	}

	private static void add(Set<String> values, Environment environment, @Nullable ConfigurationProperty property) {
		Object value = (property != null) ? property.getValue() : null;
		if (value instanceof CharSequence || value instanceof Number) {
			String resolved = resolve(environment, value.toString());
			if (StringUtils.hasText(resolved)) {
				values.add(resolved);
				// as it appears inside a SPRING_APPLICATION_JSON string
				String json = resolved.replace("\\", "\\\\").replace("\"", "\\\"");
				values.add(json);
				values.add(json.replace("/", "\\/"));
			}
		}
	}

	private static String resolve(Environment environment, String value) {
		try {
			return environment.resolvePlaceholders(value);
		}
		catch (IllegalArgumentException ex) {
			// a circular placeholder: the text as written is what there is to mask
			return value;
		}
	}

}
