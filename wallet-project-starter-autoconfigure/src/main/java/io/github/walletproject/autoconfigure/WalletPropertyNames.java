package io.github.walletproject.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Every property name under {@code paysera.wallet}, read from {@link WalletProperties}
 * itself, so that a misspelled key (which Boot would silently ignore) stops the application
 * with the closest valid name.
 */
final class WalletPropertyNames {

	private static final String PREFIX = "paysera.wallet";

	private static final Set<String> KNOWN = names();

	/** Names of earlier versions, and where the setting lives now. */
	private static final Map<String, String> RENAMED = Map.of("paysera.wallet.access.cache.ttl",
			"paysera.wallet.access.cache.time-to-live", "paysera.wallet.health.check-reachability",
			"management.health.wallet.check-reachability", "paysera.wallet.health.check-credentials",
			"management.health.wallet.check-credentials", "paysera.wallet.health.clock-tolerance",
			"management.health.wallet.clock-tolerance", "paysera.wallet.health.cache-time-to-live",
			"management.health.wallet.time-to-live");

	private static final Set<String> CANONICAL = KNOWN.stream()
		.map(WalletPropertyNames::canonical)
		.collect(java.util.stream.Collectors.toSet());

	private WalletPropertyNames() {
	}

	static void checkKnown(Environment environment) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(PREFIX);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			for (ConfigurationPropertyName name : (Iterable<ConfigurationPropertyName>) iterable.filter(prefix::isAncestorOf)
				.stream()::iterator) {
				String key = pattern(name);
				String renamed = RENAMED.get(key);
				if (renamed != null) {
					throw new WalletConfigurationException(name.toString(), "was renamed", "Use " + renamed
							+ " instead (same meaning, same format)");
				}
				if (!CANONICAL.contains(canonical(key))) {
					throw new WalletConfigurationException(name.toString(), "is not a property of the starter",
							"Use " + closest(key).replace("*", "<alias>") + " if that is what you meant, or remove it "
									+ "(every property is listed in the README's configuration reference)");
				}
			}
		}
	}

	/** Compared without dashes and dots, as environment variables name properties. */
	private static String canonical(String name) {
		return name.replace("-", "").replace(".", "");
	}

	/** {@code paysera.wallet.projects.shop.id} → {@code paysera.wallet.projects.*.id}; list indexes dropped. */
	private static String pattern(ConfigurationPropertyName name) {
		StringBuilder pattern = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			if (name.isNumericIndex(i)) {
				continue;
			}
			boolean alias = i == 3 && name.getElement(2, ConfigurationPropertyName.Form.DASHED).equals("projects");
			pattern.append((pattern.length() > 0) ? "." : "")
				.append(alias ? "*" : name.getElement(i, ConfigurationPropertyName.Form.DASHED));
		}
		return pattern.toString();
	}

	private static String closest(String key) {
		String best = PREFIX;
		int bestDistance = Integer.MAX_VALUE;
		for (String known : KNOWN) {
			int distance = distance(key, known);
			if (distance < bestDistance) {
				best = known;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static Set<String> names() {
		Set<String> names = new TreeSet<>();
		collect(WalletProperties.class, PREFIX, names);
		return names;
	}

	private static void collect(Class<?> type, String prefix, Set<String> names) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || property.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + kebab(property.getName());
			Class<?> propertyType = property.getPropertyType();
			if (Map.class.isAssignableFrom(propertyType)) {
				Class<?> values = typeArgument(property.getReadMethod().getGenericReturnType(), 1);
				if (values != null && isNested(values)) {
					collect(values, name + ".*", names);
				}
				else {
					names.add(name);
				}
			}
			else if (isNested(propertyType)) {
				collect(propertyType, name, names);
			}
			else {
				names.add(name);
			}
		}
	}

	private static boolean isNested(Class<?> type) {
		return type.getName().startsWith(WalletProperties.class.getName() + "$") && !type.isEnum();
	}

	private static @Nullable Class<?> typeArgument(Type type, int index) {
		if (type instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[index] instanceof Class<?> argument) {
			return argument;
		}
		return null;
	}

	private static String kebab(String camel) {
		StringBuilder out = new StringBuilder();
		for (char c : camel.toCharArray()) {
			if (Character.isUpperCase(c)) {
				out.append('-').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
