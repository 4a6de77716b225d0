package io.github.walletproject;

import io.github.walletproject.internal.Texts;

/**
 * A reference to a Wallet API project, as a call names it: a configured {@linkplain Alias
 * alias}, a numeric {@linkplain Id id}, or a project the registry already
 * {@linkplain ResolvedProject resolved}. Bindings, request attributes and {@code @HttpExchange}
 * interfaces all carry one of these; the client resolves it against the configuration before
 * anything is sent.
 * <p>
 * Text enters through {@link #parse(String, String)}, which admits exactly two forms: an id of
 * 1 to 18 ASCII digits without a leading zero, or an alias of an ASCII letter followed by up to
 * 63 letters, digits, {@code _} or {@code -}. Nothing else passes, so no project value can
 * carry CR/LF, quotes, commas, spaces or {@code &}/{@code =} into a header or into {@code ext}.
 */
public sealed interface ProjectRef permits ProjectRef.Alias, ProjectRef.Id, ResolvedProject {

	/** Longest alias accepted. */
	int MAX_ALIAS_LENGTH = 64;

	/**
	 * The reference as a user would write it: the alias, or the id in decimal.
	 * @return the text
	 */
	String text();

	/**
	 * Read a project value: an alias or an id.
	 * @param value the text
	 * @param source where the value came from, named in the message when it is invalid
	 * @return the reference
	 * @throws InvalidProjectException when the value is neither an id nor an alias in form
	 */
	static ProjectRef parse(String value, String source) {
		if (value == null || value.isEmpty()) {
			throw new InvalidProjectException("Empty project from " + source
					+ ": name a configured alias or a positive project id");
		}
		char first = value.charAt(0);
		return (first >= '0' && first <= '9') ? new Id(Id.parse(value, source)) : new Alias(value, source);
	}

	/**
	 * A project by id.
	 * @param id a positive project id
	 * @return the reference
	 */
	static ProjectRef of(long id) {
		return new Id(id);
	}

	private static InvalidProjectException invalid(String value, String source, String rule) {
		return new InvalidProjectException("Invalid project " + Texts.quote(value) + " from " + source + ": " + rule
				+ ". Use a configured alias (paysera.wallet.projects.<alias>.id) or a positive project id.");
	}

	/**
	 * A configured alias, such as {@code shop}.
	 *
	 * @param name the alias
	 */
	record Alias(String name) implements ProjectRef {

		/**
		 * Check the form of the alias.
		 */
		public Alias {
			check(name, "ProjectRef.Alias");
		}

		Alias(String name, String source) {
			this(check(name, source));
		}

		static String check(String alias, String source) {
			if (alias == null || alias.isEmpty() || alias.length() > MAX_ALIAS_LENGTH) {
				throw invalid(String.valueOf(alias), source, "an alias has 1 to " + MAX_ALIAS_LENGTH + " characters");
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

		private static boolean isLetter(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		}

		@Override
		public String text() {
			return this.name;
		}

	}

	/**
	 * A project id, such as {@code 1221}.
	 *
	 * @param id the positive id
	 */
	record Id(long id) implements ProjectRef {

		private static final int MAX_DIGITS = 18;

		/**
		 * Check that the id is positive.
		 */
		public Id {
			if (id <= 0) {
				throw new InvalidProjectException("Invalid project " + id
						+ ": a project id is positive. Use a configured alias or a positive project id.");
			}
		}

		static long parse(String value, String source) {
			int length = value.length();
			if (length == 0 || length > MAX_DIGITS) {
				throw invalid(value, source, "a project id has 1 to " + MAX_DIGITS + " digits");
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

		@Override
		public String text() {
			return Long.toString(this.id);
		}

	}

}
