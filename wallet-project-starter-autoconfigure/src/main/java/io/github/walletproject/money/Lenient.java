package io.github.walletproject.money;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads the Wallet API's enumerated values without failing on values added after this client
 * was written: an unknown value becomes the enum's {@code UNKNOWN} constant.
 */
final class Lenient {

	private Lenient() {
	}

	static <E extends Enum<E>> E value(E[] values, Function<E, @Nullable String> wireValue, E unknown,
			@Nullable String text) {
		if (text == null) {
			return unknown;
		}
		for (E value : values) {
			if (text.equals(wireValue.apply(value))) {
				return value;
			}
		}
		return unknown;
	}

}
