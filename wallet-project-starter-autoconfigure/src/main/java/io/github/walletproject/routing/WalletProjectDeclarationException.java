package io.github.walletproject.routing;

import java.util.Collection;
import java.util.List;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.internal.Texts;

/**
 * A {@code @WalletProject} declaration cannot be used: an unknown alias, a malformed id, an
 * unresolvable placeholder, an unparsable SpEL template, or two annotations that disagree.
 * Raised at startup, when the bean is proxied; and when a method declared to return
 * {@code Object} (or a type variable its class does not resolve) returns lazy work the starter
 * cannot bind, before any of it is handed back.
 */
public class WalletProjectDeclarationException extends InvalidProjectException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final String value;

	private final String reason;

	private final List<String> aliases;

	private final String action;

	/**
	 * Create an exception.
	 * @param location the class and method carrying the annotation
	 * @param value the annotation value
	 * @param reason what is wrong
	 * @param aliases the configured aliases
	 */
	public WalletProjectDeclarationException(String location, String value, String reason, Collection<String> aliases) {
		this(location, value, reason, aliases, "Use one of the configured aliases (" + Texts.list(aliases)
				+ "), a positive numeric project id, a ${...} placeholder that resolves to one, or a #{...} SpEL "
				+ "template; or configure the alias under paysera.wallet.projects.<alias>.id.");
	}

	/**
	 * Create an exception with a fix of its own.
	 * @param location the class and method carrying the annotation
	 * @param value the annotation value
	 * @param reason what is wrong
	 * @param aliases the configured aliases
	 * @param action how to fix it
	 */
	public WalletProjectDeclarationException(String location, String value, String reason, Collection<String> aliases,
			String action) {
		super("@WalletProject(" + Texts.quote(value) + ") on " + location + " cannot be used: " + reason
				+ " Configured aliases: " + Texts.list(aliases) + ".");
		this.location = location;
		this.value = value;
		this.reason = reason;
		this.aliases = List.copyOf(aliases);
		this.action = action;
	}

	/**
	 * Where the annotation is.
	 * @return {@code com.example.Payments.pay(Order)} or a class name
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * The annotation value.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * What is wrong with it.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * The aliases that are configured.
	 * @return the aliases
	 */
	public List<String> getAliases() {
		return this.aliases;
	}

}
