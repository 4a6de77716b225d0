package io.github.walletproject.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.walletproject.internal.PropertyKeys;

import org.springframework.boot.json.JsonParserFactory;

/**
 * The starter's renamed properties, read from where they are declared once: the
 * {@code error}-level deprecations of {@code META-INF/additional-spring-configuration-metadata.json},
 * the same entries an IDE shows. Only names under {@code paysera.wallet} are taken, so the
 * files of other jars on the class path change nothing.
 */
final class RenamedProperties {

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory
		.getLog(RenamedProperties.class);

	/** The metadata file, in this jar (and perhaps others). */
	static final String ADDITIONAL_METADATA = "META-INF/additional-spring-configuration-metadata.json";

	/** The metadata the configuration processor generates (it merges the file above into it). */
	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private RenamedProperties() {
	}

	/**
	 * Every renamed property and its replacement.
	 * @return old name to new name
	 */
	static Map<String, String> load() {
		return load(RenamedProperties.class.getClassLoader());
	}

	/**
	 * Every renamed property and its replacement, from both metadata files of a class path.
	 * An application packed into one jar by the Maven Shade plugin may have kept another jar's
	 * copy of each: then there are none, the old names are reported as unknown properties
	 * (with the closest valid name) instead of as renamed, and the application still starts.
	 * @param classLoader where to look
	 * @return old name to new name, empty when the starter's metadata is gone
	 */
	static Map<String, String> load(ClassLoader classLoader) {
		Map<String, String> renamed = new TreeMap<>();
		for (String metadata : List.of(ADDITIONAL_METADATA, METADATA)) {
			try {
				for (URL url : Collections.list(classLoader.getResources(metadata))) {
					try (InputStream in = url.openStream()) {
						read(new String(in.readAllBytes(), StandardCharsets.UTF_8), renamed);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Cannot read " + metadata + " for the Wallet starter's renamed properties", ex);
			}
		}
		if (renamed.isEmpty()) {
			logger.debug("No renamed property of the Wallet starter found in " + ADDITIONAL_METADATA + " or " + METADATA
					+ " (a jar packed by the Maven Shade plugin keeps one copy of each): old names are reported as "
					+ "unknown properties instead");
		}
		return Collections.unmodifiableMap(renamed);
	}

	static void read(String json, Map<String, String> renamed) {
		Object properties = JsonParserFactory.getJsonParser().parseMap(json).get("properties");
		if (!(properties instanceof List<?> list)) {
			return;
		}
		for (Object each : list) {
			if (each instanceof Map<?, ?> property && property.get("name") instanceof String name
					&& name.startsWith(PropertyKeys.PREFIX) && property.get("deprecation") instanceof Map<?, ?> deprecation
					&& "error".equals(deprecation.get("level"))
					&& deprecation.get("replacement") instanceof String replacement) {
				renamed.put(name, replacement);
			}
		}
	}

}
