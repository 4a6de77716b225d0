package io.github.walletproject.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.walletproject.auth.ExtEncoding;

/**
 * Routing parameters sent after {@code project_id} ({@code location_id=77}…), checked and
 * encoded once when they are created: as an {@code ext} fragment for MAC mode and as
 * {@code Wallet-Api-*} header names for certificate mode. Immutable; {@link #and} adds one.
 */
public final class RoutingParameters {

	private final String encoded;

	private final List<String> headerNames;

	private final List<String> values;

	private RoutingParameters(String encoded, List<String> headerNames, List<String> values) {
		this.encoded = encoded;
		this.headerNames = headerNames;
		this.values = values;
	}

	/**
	 * One parameter.
	 * @param name lower-case name such as {@code location_id}
	 * @param value its value
	 * @return the parameters
	 */
	public static RoutingParameters of(String name, String value) {
		ProjectValues.checkRoutingParameter(name, value);
		return new RoutingParameters(ExtEncoding.encode(name) + '=' + ExtEncoding.encode(value),
				List.of(headerName(name)), List.of(value));
	}

	/**
	 * These parameters followed by more.
	 * @param more the parameters to add after these
	 * @return the combined parameters
	 */
	public RoutingParameters and(RoutingParameters more) {
		List<String> names = new ArrayList<>(this.headerNames);
		names.addAll(more.headerNames);
		List<String> values = new ArrayList<>(this.values);
		values.addAll(more.values);
		return new RoutingParameters(this.encoded + '&' + more.encoded, Collections.unmodifiableList(names),
				Collections.unmodifiableList(values));
	}

	/**
	 * The parameters form-encoded for {@code ext}.
	 * @return {@code location_id=77&…}
	 */
	public String encoded() {
		return this.encoded;
	}

	/**
	 * The certificate-mode header names, in order.
	 * @return {@code Wallet-Api-Location-Id}…
	 */
	public List<String> headerNames() {
		return this.headerNames;
	}

	/**
	 * The values, in the order of {@link #headerNames()}.
	 * @return the values
	 */
	public List<String> values() {
		return this.values;
	}

	/**
	 * {@code location_id} → {@code Wallet-Api-Location-Id}.
	 * @param parameter the parameter name
	 * @return the header name
	 */
	static String headerName(String parameter) {
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
