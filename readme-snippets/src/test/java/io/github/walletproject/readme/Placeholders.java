package io.github.walletproject.readme;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values for the {@code ${NAME}} placeholders of the README's YAML, which a user sets in the
 * environment: the check supplies them, as the user would, so that binding sees real values.
 * Placeholders with a default ({@code ${NAME:default}}) keep their default.
 */
final class Placeholders {

	/** Values of the placeholders the README uses; any other gets {@code readme-<name>}. */
	private static final Map<String, String> KNOWN = Map.of("WALLET_MAC_ID", "readme-mac-id", "WALLET_MAC_KEY",
			"readme-mac-key", "KEYSTORE_PASSWORD", "readme-keystore-password");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

	private Placeholders() {
	}

	/**
	 * The values for every placeholder without a default in a text.
	 * @param text YAML text
	 * @return name → value
	 */
	static Map<String, Object> in(String text) {
		Map<String, Object> values = new LinkedHashMap<>();
		Matcher placeholder = PLACEHOLDER.matcher(text);
		while (placeholder.find()) {
			String name = placeholder.group(1).strip();
			if (placeholder.group(2) == null) {
				values.put(name, KNOWN.getOrDefault(name, "readme-" + name.toLowerCase(Locale.ROOT)));
			}
		}
		return values;
	}

}
