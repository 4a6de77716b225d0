package io.github.walletproject.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated IDE metadata describes every property, with defaults and value hints.
 */
class ConfigurationMetadataTests {

	private static JsonNode metadata() throws Exception {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

	@Test
	void everyPropertyHasADescription() throws Exception {
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("paysera.wallet.") || name.equals("management.health.wallet.enabled")) {
				names.add(name);
				assertThat(property.get("description")).as("description of %s", name).isNotNull();
				assertThat(property.get("description").asString()).as("description of %s", name).isNotBlank();
			}
		}
		assertThat(names).contains("paysera.wallet.base-url", "paysera.wallet.credentials.mac-id",
				"paysera.wallet.credentials.mac-key", "paysera.wallet.connect-timeout", "paysera.wallet.read-timeout",
				"paysera.wallet.user-agent", "paysera.wallet.auth.mode", "paysera.wallet.auth.ssl-bundle",
				"paysera.wallet.projects", "paysera.wallet.default-project", "paysera.wallet.access.source",
				"paysera.wallet.access.cache.time-to-live", "paysera.wallet.retry.max-attempts", "management.health.wallet.enabled");
	}

	@Test
	void defaultsAndHintsAreListed() throws Exception {
		JsonNode metadata = metadata();
		assertThat(defaultOf(metadata, "paysera.wallet.base-url")).isEqualTo("\"https://wallet.paysera.com/rest/v1/\"");
		assertThat(defaultOf(metadata, "paysera.wallet.connect-timeout")).isEqualTo("\"2s\"");
		assertThat(defaultOf(metadata, "paysera.wallet.read-timeout")).isEqualTo("\"60s\"");
		assertThat(defaultOf(metadata, "paysera.wallet.access.cache.time-to-live")).isEqualTo("\"1h\"");
		assertThat(defaultOf(metadata, "paysera.wallet.retry.methods")).isEqualTo("[\"GET\",\"HEAD\"]");
		List<String> hinted = new ArrayList<>();
		metadata.get("hints").forEach(hint -> hinted.add(hint.get("name").asString()));
		assertThat(hinted).contains("paysera.wallet.retry.methods", "paysera.wallet.retry.statuses",
				"paysera.wallet.access.user");
		// enumerations get their value hints from their type
		assertThat(typeOf(metadata, "paysera.wallet.auth.mode")).endsWith("WalletProperties$AuthMode");
		assertThat(typeOf(metadata, "paysera.wallet.access.source")).endsWith("WalletProperties$AccessSource");
	}

	private static String typeOf(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property.get("type").asString();
			}
		}
		throw new AssertionError("no property " + name);
	}

	private static String defaultOf(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return (property.get("defaultValue") != null) ? property.get("defaultValue").toString() : null;
			}
		}
		throw new AssertionError("no property " + name);
	}

}
