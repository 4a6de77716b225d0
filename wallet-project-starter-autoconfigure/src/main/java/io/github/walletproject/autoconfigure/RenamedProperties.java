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

	/** The metadata file, in this jar (and perhaps others). */
	static final String METADATA = "META-INF/additional-spring-configuration-metadata.json";

	private RenamedProperties() {
	}

	/**
	 * Every renamed property and its replacement.
	 * @return old name to new name
	 */
	static Map<String, String> load() {
		Map<String, String> renamed = new TreeMap<>();
		try {
			ClassLoader classLoader = RenamedProperties.class.getClassLoader();
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					read(new String(in.readAllBytes(), StandardCharsets.UTF_8), renamed);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + METADATA + " of the Wallet starter", ex);
		}
		if (renamed.isEmpty()) {
			throw new IllegalStateException(METADATA + " of the Wallet starter is missing or lists no renamed property");
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
