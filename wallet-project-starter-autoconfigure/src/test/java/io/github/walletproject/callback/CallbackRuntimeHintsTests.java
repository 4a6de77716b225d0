package io.github.walletproject.callback;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a native image, what a shared cache stores for the callbacks can be deserialized: the
 * registrar is listed in {@code aot.factories} and registers the entry's JDK serialization.
 */
class CallbackRuntimeHintsTests {

	@Test
	void theSharedCacheEntryIsRegisteredForJavaSerialization() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach(registrar -> registrar.registerHints(hints, getClass().getClassLoader()));

		assertThat(RuntimeHintsPredicates.reflection().onJavaSerialization(CallbackStore.Entry.class, true)).accepts(hints);
	}

}
