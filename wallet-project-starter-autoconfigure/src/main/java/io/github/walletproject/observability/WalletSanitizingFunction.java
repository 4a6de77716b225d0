package io.github.walletproject.observability;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.github.walletproject.internal.PropertyKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Masks the starter's secrets in the {@code env} and {@code configprops} endpoints even when
 * values are shown ({@code show-values=always}):
 * <ul>
 * <li>by name: MAC keys and MAC ids (an id may be a user access token) under
 * {@code paysera.wallet}, in any relaxed form, and SSL bundle passwords and inline private
 * keys under {@code spring.ssl.bundle};</li>
 * <li>by value: any property whose value holds what one of those resolves to, such as the
 * environment variable {@code WALLET_MAC_KEY} that {@code mac-key: ${WALLET_MAC_KEY}} reads,
 * or a {@code SPRING_APPLICATION_JSON} (variable, system property or argument) that holds a
 * key.</li>
 * </ul>
 * The values are collected from the environment once, on first use; they are compared,
 * never logged.
 */
public final class WalletSanitizingFunction implements SanitizingFunction {

	private final Supplier<Set<String>> secretValues;

	/**
	 * Masks by name and by the values the environment's secret properties resolve to.
	 * @param environment the application's environment
	 */
	public WalletSanitizingFunction(Environment environment) {
		this.secretValues = SingletonSupplier.of(() -> SecretValues.of(environment));
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getKey().toLowerCase(Locale.ROOT);
		if (isSecret(key) || holdsSecret(data.getValue())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private boolean holdsSecret(@Nullable Object value) {
		if (!(value instanceof CharSequence || value instanceof Number)) {
			return false;
		}
		String text = value.toString();
		for (String secret : this.secretValues.get()) {
			if (text.contains(secret)) {
				return true;
			}
		}
		return false;
	}

	static boolean isSecret(String key) {
		String normalized = key.replace("_", "").replace("-", "").replace(".", "");
		if (key.startsWith(PropertyKeys.PREFIX) || key.startsWith("paysera_wallet_") || normalized.startsWith("payserawallet")) {
			return normalized.endsWith("mackey") || normalized.endsWith("macid") || normalized.contains("password")
					|| normalized.endsWith("token");
		}
		if (key.startsWith("spring.ssl.bundle.") || normalized.startsWith("springsslbundle")) {
			return normalized.contains("password") || normalized.endsWith("privatekey");
		}
		return false;
	}

}
