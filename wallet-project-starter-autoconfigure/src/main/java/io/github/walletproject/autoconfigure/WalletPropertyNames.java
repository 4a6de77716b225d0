package io.github.walletproject.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.walletproject.internal.PropertyKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every property name under {@code paysera.wallet}, read from {@link WalletProperties}
 * itself, so that a misspelled key (which Boot would silently ignore) is found with the
 * closest valid name ({@link WalletSettings#of} stops the application with it).
 * <p>
 * Only what users write on purpose is checked: property and YAML files, command-line
 * arguments, {@code SPRING_APPLICATION_JSON}, system properties, test properties. The
 * operating-system environment is not: it holds variables that merely start with
 * {@code PAYSERA_WALLET_} (Kubernetes injects {@code PAYSERA_WALLET_SERVICE_HOST},
 * {@code PAYSERA_WALLET_PORT_443_TCP_ADDR}, ... for a Service named {@code paysera-wallet};
 * applications keep {@code PAYSERA_WALLET_MAC_KEY} for a placeholder). Those that are no
 * property are logged at DEBUG, by name only; the relaxed forms of real properties
 * ({@code PAYSERA_WALLET_BASEURL}) bind as Boot binds them.
 */
final class WalletPropertyNames {

	private static final Log logger = LogFactory.getLog(WalletPropertyNames.class);

	private static final String PREFIX = PropertyKeys.ROOT;

	private static final Set<String> KNOWN = names();

	/** Names of earlier versions, and where the setting lives now: read from the metadata. */
	private static final Map<String, String> RENAMED = RenamedProperties.load();

	private static final Set<String> CANONICAL = KNOWN.stream()
		.map(WalletPropertyNames::canonical)
		.collect(java.util.stream.Collectors.toSet());

	private WalletPropertyNames() {
	}

	/**
	 * The first name under {@code paysera.wallet} that users wrote on purpose and that is no
	 * property of the starter ({@link WalletSettings#of} turns it into the startup failure).
	 * @param environment the environment
	 * @return the name, or {@code null} when every name is known
	 */
	static @Nullable Misnamed firstMisnamed(Environment environment) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(PREFIX);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			boolean operatingSystem = isOperatingSystemEnvironment(source.getUnderlyingSource());
			for (ConfigurationPropertyName name : (Iterable<ConfigurationPropertyName>) iterable.filter(prefix::isAncestorOf)
				.stream()::iterator) {
				String key = pattern(name);
				if (operatingSystem) {
					if (!CANONICAL.contains(canonical(key)) && logger.isDebugEnabled()) {
						logger.debug("Not a property of the starter, ignored: " + origin(iterable, name));
					}
					continue;
				}
				String renamed = RENAMED.get(key);
				if (renamed != null) {
					return new Misnamed(name.toString(), renamed, null);
				}
				if (!CANONICAL.contains(canonical(key))) {
					return new Misnamed(name.toString(), null, closest(key).replace("*", "<alias>"));
				}
			}
		}
		return null;
	}

	/**
	 * A name that is no property of the starter.
	 * @param name the name as written
	 * @param renamedTo the name of this version, when it is a name of an earlier version
	 * @param closest the closest property name (with {@code <alias>} for a project's alias),
	 * when it is not
	 */
	record Misnamed(String name, @Nullable String renamedTo, @Nullable String closest) {
	}

	/**
	 * Project aliases that only the operating-system environment names, none of whose
	 * variables is a property of a project: Kubernetes injects
	 * {@code PAYSERA_WALLET_PROJECTS_SERVICE_HOST}, {@code PAYSERA_WALLET_PROJECTS_PORT}, ...
	 * for a Service named {@code paysera-wallet-projects}, and
	 * {@code PAYSERA_WALLET_PROJECTS_API_SERVICE_HOST} for one named
	 * {@code paysera-wallet-projects-api}, which relaxed binding would read as projects
	 * {@code service}, {@code port} and {@code api}.
	 * @param environment the environment
	 * @return the aliases, in their environment form
	 */
	static Set<String> aliasesThatAreNoProjects(Environment environment) {
		ConfigurationPropertyName projects = ConfigurationPropertyName.of(PREFIX + ".projects");
		Set<String> named = new TreeSet<>();
		Set<String> projectsOrNamedElsewhere = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			boolean operatingSystem = isOperatingSystemEnvironment(source.getUnderlyingSource());
			iterable.filter(projects::isAncestorOf).stream().filter(name -> name.getNumberOfElements() > 3).forEach(name -> {
				String alias = name.getElement(3, ConfigurationPropertyName.Form.ORIGINAL);
				named.add(alias);
				if (!operatingSystem || CANONICAL.contains(canonical(pattern(name)))) {
					projectsOrNamedElsewhere.add(alias);
				}
			});
		}
		named.removeAll(projectsOrNamedElsewhere);
		if (!named.isEmpty() && logger.isDebugEnabled()) {
			logger.debug("Not projects of the starter, ignored: " + named + " under " + projects
					+ ", named only by operating-system variables none of which is a project's property");
		}
		return named;
	}

	private static boolean isOperatingSystemEnvironment(@Nullable Object source) {
		return source instanceof SystemEnvironmentPropertySource
				|| (source instanceof PropertySource<?> propertySource
						&& StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(propertySource.getName()));
	}

	/** The variable's name (never its value: it may be a key). */
	private static String origin(ConfigurationPropertySource source, ConfigurationPropertyName name) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		@Nullable Origin origin = (property != null) ? property.getOrigin() : null;
		if (origin instanceof PropertySourceOrigin variable) {
			return "environment variable " + variable.getPropertyName();
		}
		if (origin instanceof SystemEnvironmentOrigin variable) {
			return "environment variable " + variable.getProperty();
		}
		return name + " from the operating-system environment";
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
