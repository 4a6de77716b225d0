package io.github.walletproject.callback;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the callbacks reach at run time in a native image: the entries a shared cache stores
 * with JDK serialization (claims of delivered events, transaction projects).
 */
final class CallbackRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerJavaSerialization(CallbackStore.Entry.class);
	}

}
