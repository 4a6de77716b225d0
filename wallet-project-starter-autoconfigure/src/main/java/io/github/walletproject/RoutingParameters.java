package io.github.walletproject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import io.github.walletproject.auth.ExtEncoding;
import io.github.walletproject.internal.Texts;
import org.jspecify.annotations.Nullable;

/**
 * Routing parameters sent after {@code project_id} ({@code location_id=77}…): checked and
 * form-encoded once, when they are created; sent as part of {@code ext} in MAC mode and as
 * {@code Wallet-Api-*} headers in certificate mode. Immutable: {@link #and} returns a longer
 * chain and leaves this one as it is.
 */
public final class RoutingParameters {

	private final String name;

	private final String value;

	private final String encoded;

	private final @Nullable RoutingParameters previous;

	private RoutingParameters(String name, String value, String encoded, @Nullable RoutingParameters previous) {
		this.name = name;
		this.value = value;
		this.encoded = encoded;
		this.previous = previous;
	}

	/**
	 * One parameter.
	 * @param name lower-case name such as {@code location_id}
	 * @param value its value
	 * @return the parameters
	 */
	public static RoutingParameters of(String name, String value) {
		check(name, value);
		return new RoutingParameters(name, value, encode(name, value), null);
	}

	private static void check(String name, String value) {
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
			if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '-' && c != '_'
					&& c != '.' && c != ':') {
				throw new IllegalArgumentException("Routing parameter " + name + " value " + Texts.quote(value)
						+ " may only hold letters, digits and '-', '_', '.', ':'");
			}
		}
	}

	private static String encode(String name, String value) {
		return ExtEncoding.encode(name) + '=' + ExtEncoding.encode(value);
	}

	/**
	 * These parameters followed by more.
	 * @param more the parameters to add after these
	 * @return the combined parameters
	 */
	public RoutingParameters and(RoutingParameters more) {
		RoutingParameters result = this;
		for (RoutingParameters each : more.inOrder()) {
			result = new RoutingParameters(each.name, each.value, result.encoded + '&' + encode(each.name, each.value), result);
		}
		return result;
	}

	/**
	 * The parameters form-encoded for {@code ext}.
	 * @return {@code location_id=77&…}
	 */
	public String encoded() {
		return this.encoded;
	}

	/**
	 * Call an action with each parameter's certificate-mode header name and value, in order.
	 * @param action receives {@code Wallet-Api-Location-Id} and {@code 77}…
	 */
	public void forEachHeader(BiConsumer<String, String> action) {
		for (RoutingParameters each : inOrder()) {
			action.accept(headerName(each.name), each.value);
		}
	}

	private List<RoutingParameters> inOrder() {
		List<RoutingParameters> chain = new ArrayList<>();
		for (RoutingParameters each = this; each != null; each = each.previous) {
			chain.add(0, each);
		}
		return chain;
	}

	/**
	 * {@code location_id} → {@code Wallet-Api-Location-Id}.
	 * @param parameter the parameter name
	 * @return the header name
	 */
	public static String headerName(String parameter) {
		StringBuilder name = new StringBuilder(11 + parameter.length()).append("Wallet-Api-");
		boolean upper = true;
		for (int i = 0; i < parameter.length(); i++) {
			char c = parameter.charAt(i);
			if (c == '_') {
				name.append('-');
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

	@Override
	public String toString() {
		return this.encoded;
	}

}
