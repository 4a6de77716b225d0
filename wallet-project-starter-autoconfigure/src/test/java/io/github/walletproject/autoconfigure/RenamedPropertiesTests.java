package io.github.walletproject.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the renamed properties come from: the starter's configuration metadata, whichever of
 * its two files a class path still has. An application packaged into one jar by the Maven
 * Shade plugin (the benchmarks module is one) keeps only one {@code META-INF} file of each
 * name, usually another jar's: the starter must still start there.
 */
class RenamedPropertiesTests {

	@Test
	void theStartersMetadataListsItsRenamedProperties() {
		assertThat(RenamedProperties.load()).containsEntry("paysera.wallet.access.cache.ttl",
				"paysera.wallet.access.cache.time-to-live");
	}

	@Test
	void whenOnlyTheGeneratedMetadataIsLeftTheRenamedPropertiesAreReadFromIt() {
		ClassLoader generatedOnly = hiding(RenamedProperties.ADDITIONAL_METADATA);

		assertThat(RenamedProperties.load(generatedOnly)).containsEntry("paysera.wallet.access.cache.ttl",
				"paysera.wallet.access.cache.time-to-live");
	}

	@Test
	void whenAShadedJarKeptAnotherJarsMetadataTheStarterStillLoadsWithoutRenames() {
		ClassLoader neither = hiding(RenamedProperties.ADDITIONAL_METADATA, RenamedProperties.METADATA);

		assertThat(RenamedProperties.load(neither)).isEmpty();
	}

	/** A class loader whose resources of the given names are none. */
	private static ClassLoader hiding(String... names) {
		List<String> hidden = List.of(names);
		return new ClassLoader(RenamedPropertiesTests.class.getClassLoader()) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return hidden.contains(name) ? Collections.emptyEnumeration() : super.getResources(name);
			}

			@Override
			public URL getResource(String name) {
				return hidden.contains(name) ? null : super.getResource(name);
			}

		};
	}

}
