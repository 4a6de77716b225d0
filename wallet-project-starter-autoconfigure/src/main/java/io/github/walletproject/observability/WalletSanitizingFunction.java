package io.github.walletproject.observability;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the starter's secrets in the {@code env} and {@code configprops} endpoints even when
 * values are shown ({@code show-values=always}): MAC keys and MAC ids (an id may be a user
 * access token) under {@code paysera.wallet}, and SSL bundle passwords and inline private
 * keys under {@code spring.ssl.bundle}.
 */
public final class WalletSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getKey().toLowerCase(Locale.ROOT);
		if (isSecret(key)) {
			return data.withSanitizedValue();
		}
		return data;
	}

	static boolean isSecret(String key) {
		String normalized = key.replace("_", "").replace("-", "").replace(".", "");
		if (key.startsWith("paysera.wallet.") || key.startsWith("paysera_wallet_") || normalized.startsWith("payserawallet")) {
			return normalized.endsWith("mackey") || normalized.endsWith("macid") || normalized.contains("password")
					|| normalized.endsWith("token");
		}
		if (key.startsWith("spring.ssl.bundle.") || normalized.startsWith("springsslbundle")) {
			return normalized.contains("password") || normalized.endsWith("privatekey");
		}
		return false;
	}

}
