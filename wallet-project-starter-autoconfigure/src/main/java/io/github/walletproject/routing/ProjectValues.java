package io.github.walletproject.routing;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.internal.Texts;
import org.jspecify.annotations.Nullable;

/**
 * The syntax of project values, checked wherever a value enters: annotation, SpEL result,
 * {@code ProjectContext}, request attribute, configuration.
 * <p>
 * An id is 1–18 ASCII digits without a leading zero (so it is positive and fits a
 * {@code long}); an alias starts with an ASCII letter followed by up to 63 letters, digits,
 * {@code _} or {@code -}. Nothing else passes, so no value can carry CR/LF, quotes, commas,
 * spaces or {@code &}/{@code =} into a header or into {@code ext}.
 */
public final class ProjectValues {

	/** Longest alias accepted. */
	public static final int MAX_ALIAS_LENGTH = 64;

	private static final int MAX_ID_DIGITS = 18;

	private ProjectValues() {
	}

	/**
	 * Whether the value has the form of a project id (it may still be out of range).
	 * @param value the value
	 * @return {@code true} when it starts with a digit
	 */
	public static boolean looksNumeric(String value) {
		return !value.isEmpty() && value.charAt(0) >= '0' && value.charAt(0) <= '9';
	}

	/**
	 * Parse a project id.
	 * @param value the text
	 * @param source where the value came from, for the message
	 * @return the id, positive
	 * @throws InvalidProjectException when the text is not a positive id
	 */
	public static long parseId(String value, String source) {
		int length = value.length();
		if (length == 0 || length > MAX_ID_DIGITS) {
			throw invalid(value, source, "a project id has 1 to " + MAX_ID_DIGITS + " digits");
		}
		long id = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				throw invalid(value, source, "a project id has only the digits 0-9");
			}
			id = id * 10 + (c - '0');
		}
		if (value.charAt(0) == '0') {
			throw invalid(value, source, (id == 0) ? "a project id is positive" : "a project id has no leading zero");
		}
		return id;
	}

	/**
	 * Check the form of a value without resolving it.
	 * @param value the value
	 * @param source where the value came from, for the message
	 * @return the value
	 * @throws InvalidProjectException when it is neither an id nor an alias in form
	 */
	public static String checkSyntax(@Nullable String value, String source) {
		if (value == null || value.isEmpty()) {
			throw new InvalidProjectException("Empty project from " + source
					+ ": name a configured alias or a positive project id");
		}
		if (looksNumeric(value)) {
			parseId(value, source);
		}
		else {
			checkAlias(value, source);
		}
		return value;
	}

	/**
	 * Check the form of an alias.
	 * @param alias the alias
	 * @param source where it came from, for the message
	 * @return the alias
	 */
	public static String checkAlias(String alias, String source) {
		if (alias.isEmpty() || alias.length() > MAX_ALIAS_LENGTH) {
			throw invalid(alias, source, "an alias has 1 to " + MAX_ALIAS_LENGTH + " characters");
		}
		char first = alias.charAt(0);
		if (!isLetter(first)) {
			throw invalid(alias, source, (first == '-' || first == '+')
					? "a project id is a positive number without a sign" : "an alias starts with a letter a-z or A-Z");
		}
		for (int i = 1; i < alias.length(); i++) {
			char c = alias.charAt(i);
			if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
				throw invalid(alias, source, "an alias has only letters, digits, '_' and '-'");
			}
		}
		return alias;
	}

	/**
	 * Check a routing parameter's name and value.
	 * @param name lower-case name such as {@code location_id}
	 * @param value the value
	 */
	public static void checkRoutingParameter(String name, String value) {
		if (name == null || name.isEmpty() || name.length() > 40) {
			throw new IllegalArgumentException("Routing parameter name must have 1 to 40 characters");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9' && i > 0) && !(c == '_' && i > 0)) {
				throw new IllegalArgumentException("Routing parameter name " + Texts.quote(name)
						+ " must be lower-case letters, digits and '_' (like location_id)");
			}
		}
		if ("project_id".equals(name) || "body_hash".equals(name)) {
			throw new IllegalArgumentException("Routing parameter " + name + " is set by the starter itself");
		}
		if (value == null || value.isEmpty() || value.length() > 64) {
			throw new IllegalArgumentException("Routing parameter " + name + " needs a value of 1 to 64 characters");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.' && c != ':') {
				throw new IllegalArgumentException("Routing parameter " + name + " value " + Texts.quote(value)
						+ " may only hold letters, digits and '-', '_', '.', ':'");
			}
		}
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static InvalidProjectException invalid(String value, String source, String rule) {
		return new InvalidProjectException("Invalid project " + Texts.quote(value) + " from " + source + ": " + rule
				+ ". Use a configured alias (paysera.wallet.projects.<alias>.id) or a positive project id.");
	}

}
