package io.github.walletproject.test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one request a {@link MockWalletApi} received: its project, signature,
 * query and JSON body fields.
 *
 * <pre class="code">
 * assertThat(api).lastRequestTo("POST", "transaction")
 *     .isForProject(1221)
 *     .hasBodyField("payments[0].price", 1299)
 *     .hasBodyField("payments[0].currency", "EUR")
 *     .doesNotHaveBodyField("project_id");
 * </pre>
 *
 * Body paths are those of {@link ReceivedRequest#bodyField(String)}. Numbers compare by value
 * ({@code 1299} equals {@code 1299.0}).
 */
public final class ReceivedRequestAssert extends AbstractAssert<ReceivedRequestAssert, ReceivedRequest> {

	private ReceivedRequestAssert(ReceivedRequest actual) {
		super(actual, ReceivedRequestAssert.class);
	}

	/**
	 * Start assertions on a received request.
	 * @param actual the request
	 * @return the assertions
	 */
	public static ReceivedRequestAssert assertThat(ReceivedRequest actual) {
		return new ReceivedRequestAssert(actual);
	}

	/**
	 * Expect the request to have carried a project ({@code project_id} in {@code ext}, or the
	 * {@code Wallet-Api-Project-Id} header).
	 * @param projectId the project id
	 * @return these assertions
	 */
	public ReceivedRequestAssert isForProject(long projectId) {
		isNotNull();
		if (!Objects.equals(this.actual.projectId(), projectId)) {
			failWithMessage("Expected %s to be for project %d but it carried %s", this.actual, projectId,
					(this.actual.projectId() != null) ? "project " + this.actual.projectId() : "no project");
		}
		return this;
	}

	/**
	 * Expect the request to have carried no project.
	 * @return these assertions
	 */
	public ReceivedRequestAssert isWithoutProject() {
		isNotNull();
		if (this.actual.projectId() != null) {
			failWithMessage("Expected %s to carry no project but it carried project %d", this.actual,
					this.actual.projectId());
		}
		return this;
	}

	/**
	 * Expect a valid MAC signature.
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasValidSignature() {
		isNotNull();
		if (!this.actual.signatureValid()) {
			failWithMessage("Expected %s to carry a valid MAC signature", this.actual);
		}
		return this;
	}

	/**
	 * Expect the status the mock answered with.
	 * @param status the HTTP status
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasStatus(int status) {
		isNotNull();
		if (this.actual.status() != status) {
			failWithMessage("Expected %s to have been answered with %d but it was answered with %d", this.actual,
					status, this.actual.status());
		}
		return this;
	}

	/**
	 * Expect a query parameter with a value.
	 * @param name the parameter name
	 * @param value its decoded value
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasQueryParameter(String name, String value) {
		isNotNull();
		List<String> values = this.actual.queryParameters().get(name);
		if (values == null || !values.contains(value)) {
			failWithMessage("Expected query parameter %s=%s in %s but the query was %s", name, value, this.actual,
					this.actual.queryParameters());
		}
		return this;
	}

	/**
	 * Expect no query parameter of a name.
	 * @param name the parameter name
	 * @return these assertions
	 */
	public ReceivedRequestAssert doesNotHaveQueryParameter(String name) {
		isNotNull();
		if (this.actual.queryParameters().containsKey(name)) {
			failWithMessage("Expected no query parameter %s in %s but the query was %s", name, this.actual,
					this.actual.queryParameters());
		}
		return this;
	}

	/**
	 * Expect a field in the JSON body.
	 * @param path the path, such as {@code payments[0].price}
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasBodyField(String path) {
		isNotNull();
		if (!this.actual.hasBodyField(path)) {
			failWithMessage("Expected body field '%s' in %s but the body was %s", path, this.actual,
					this.actual.bodyText());
		}
		return this;
	}

	/**
	 * Expect a field in the JSON body with a value. Numbers compare by value; strings,
	 * booleans, lists and maps by equality.
	 * @param path the path, such as {@code payments[0].price}
	 * @param expected the value ({@code null} for JSON null)
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasBodyField(String path, Object expected) {
		hasBodyField(path);
		Object value = this.actual.bodyField(path).orElse(null);
		if (!same(value, expected)) {
			failWithMessage("Expected body field '%s' to be <%s> but was <%s> in %s", path, expected, value,
					this.actual.bodyText());
		}
		return this;
	}

	/**
	 * Expect a duration field in whole seconds, the Wallet API's unit for periods such as an
	 * allowance limit's {@code time}: {@code hasBodyFieldInSeconds("limits[0].time", Duration.ofDays(1))}
	 * expects {@code 86400} (and names the unit when the body holds, say, hours).
	 * @param path the path
	 * @param expected the duration
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasBodyFieldInSeconds(String path, java.time.Duration expected) {
		hasBodyField(path);
		Object value = this.actual.bodyField(path).orElse(null);
		if (!same(value, expected.getSeconds())) {
			failWithMessage("Expected body field '%s' to be %s in seconds <%s> but was <%s> in %s", path, expected,
					expected.getSeconds(), value, this.actual.bodyText());
		}
		return this;
	}

	/**
	 * Expect an amount field as the Wallet API's {@code *_decimal} string with two decimals,
	 * such as {@code hasBodyFieldAsDecimal("payments[0].price_decimal", "12.99")}.
	 * @param path the path
	 * @param expected the decimal amount
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasBodyFieldAsDecimal(String path, String expected) {
		hasBodyField(path);
		Object value = this.actual.bodyField(path).orElse(null);
		if (!(value instanceof String text) || !text.matches("-?[0-9]+\\.[0-9]{2}")
				|| new java.math.BigDecimal(text).compareTo(new java.math.BigDecimal(expected)) != 0) {
			failWithMessage("Expected body field '%s' to be the decimal string \"%s\" but was <%s> in %s", path,
					expected, value, this.actual.bodyText());
		}
		return this;
	}

	/**
	 * Expect a field to be absent from the JSON body.
	 * @param path the path
	 * @return these assertions
	 */
	public ReceivedRequestAssert doesNotHaveBodyField(String path) {
		isNotNull();
		if (this.actual.hasBodyField(path)) {
			failWithMessage("Expected no body field '%s' in %s but the body was %s", path, this.actual,
					this.actual.bodyText());
		}
		return this;
	}

	/**
	 * Expect a JSON object in the body to have exactly these field names, in any order.
	 * @param path the path of the object; the empty string for the body itself
	 * @param names the expected field names
	 * @return these assertions
	 */
	public ReceivedRequestAssert hasBodyFieldNames(String path, String... names) {
		isNotNull();
		Object value = path.isEmpty() ? this.actual.bodyJson() : this.actual.bodyField(path).orElse(null);
		if (!(value instanceof Map<?, ?> map)) {
			failWithMessage("Expected body field '%s' to be a JSON object in %s", path, this.actual.bodyText());
			return this;
		}
		if (!map.keySet().equals(Set.of(names))) {
			failWithMessage("Expected the object at '%s' to have the fields %s but it had %s", path, List.of(names),
					map.keySet());
		}
		return this;
	}

	private static boolean same(Object actual, Object expected) {
		if (actual instanceof BigDecimal decimal && expected instanceof Number number) {
			return decimal.compareTo(new BigDecimal(number.toString())) == 0;
		}
		return Objects.equals(actual, expected);
	}

}
