package io.github.walletproject.test;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what a {@link MockWalletApi} received.
 *
 * <pre class="code">
 * assertThat(api).received(2).requestsForProject("shop");
 * assertThat(api).received(1).requestsTo("GET", "server");
 * assertThat(api).hasOnlyValidSignatures().hasNoMisroutedRequests();
 * assertThat(api).lastRequestTo("POST", "transaction").isForProject(1221).hasBodyField("payments[0].price", 1299);
 * </pre>
 */
public final class MockWalletApiAssert extends AbstractAssert<MockWalletApiAssert, MockWalletApi> {

	private MockWalletApiAssert(MockWalletApi actual) {
		super(actual, MockWalletApiAssert.class);
	}

	/**
	 * Start assertions on a mock.
	 * @param actual the mock
	 * @return the assertions
	 */
	public static MockWalletApiAssert assertThat(MockWalletApi actual) {
		return new MockWalletApiAssert(actual);
	}

	/**
	 * Expect a number of requests of a kind named next.
	 * @param count the expected number
	 * @return the second half of the assertion
	 */
	public Count received(int count) {
		isNotNull();
		return new Count(count);
	}

	/**
	 * Expect no request at all.
	 * @return these assertions
	 */
	public MockWalletApiAssert receivedNothing() {
		return received(0).requests();
	}

	/**
	 * Expect every signed request to have carried a valid MAC.
	 * @return these assertions
	 */
	public MockWalletApiAssert hasOnlyValidSignatures() {
		isNotNull();
		List<ReceivedRequest> invalid = this.actual.invalidRequests();
		if (!invalid.isEmpty()) {
			failWithMessage("Expected only valid MAC signatures, but %d request(s) had invalid ones: %s",
					invalid.size(), invalid);
		}
		return this;
	}

	/**
	 * Expect every request with an {@value MockWalletApi#EXPECTED_PROJECT_HEADER} header to
	 * have carried that project.
	 * @return these assertions
	 */
	public MockWalletApiAssert hasNoMisroutedRequests() {
		isNotNull();
		List<ReceivedRequest> misrouted = this.actual.misroutedRequests();
		if (!misrouted.isEmpty()) {
			failWithMessage("Expected every request to carry the project it was meant for, but %d did not: %s",
					misrouted.size(), misrouted.subList(0, Math.min(10, misrouted.size())));
		}
		return this;
	}

	/**
	 * Continue with assertions on the latest request to an endpoint.
	 * @param method the method
	 * @param path the path below the base URL, without query ({@code transaction})
	 * @return assertions on that request
	 */
	public ReceivedRequestAssert lastRequestTo(String method, String path) {
		isNotNull();
		String upper = method.toUpperCase(Locale.ROOT);
		List<ReceivedRequest> all = this.actual.requests();
		for (int i = all.size() - 1; i >= 0; i--) {
			ReceivedRequest request = all.get(i);
			if (request.method().equals(upper) && request.path().equals(path)) {
				return ReceivedRequestAssert.assertThat(request);
			}
		}
		failWithMessage("Expected a request to %s %s but received none. All requests: %s", upper, path, all);
		throw new IllegalStateException("unreachable");
	}

	/**
	 * The second half of {@code received(n)…}.
	 */
	public final class Count {

		private final int expected;

		private Count(int expected) {
			this.expected = expected;
		}

		/**
		 * … requests in all.
		 * @return the assertions
		 */
		public MockWalletApiAssert requests() {
			return check(request -> true, "requests");
		}

		/**
		 * … requests for a project.
		 * @param project an alias registered with {@link MockWalletApi#alias} or an id
		 * @return the assertions
		 */
		public MockWalletApiAssert requestsForProject(String project) {
			long id = MockWalletApiAssert.this.actual.projectId(project);
			return check(request -> request.projectId() != null && request.projectId() == id,
					"requests for project " + project);
		}

		/**
		 * … requests for a project.
		 * @param projectId the project id
		 * @return the assertions
		 */
		public MockWalletApiAssert requestsForProject(long projectId) {
			return check(request -> request.projectId() != null && request.projectId() == projectId,
					"requests for project " + projectId);
		}

		/**
		 * … requests that carried no project.
		 * @return the assertions
		 */
		public MockWalletApiAssert requestsWithoutProject() {
			return check(request -> request.projectId() == null, "requests without a project");
		}

		/**
		 * … requests to an endpoint.
		 * @param method the method
		 * @param path the path below the base URL, without query ({@code server})
		 * @return the assertions
		 */
		public MockWalletApiAssert requestsTo(String method, String path) {
			String upper = method.toUpperCase(Locale.ROOT);
			return check(request -> request.method().equals(upper) && request.path().equals(path),
					"requests to " + upper + " " + path);
		}

		private MockWalletApiAssert check(Predicate<ReceivedRequest> predicate, String what) {
			List<ReceivedRequest> all = MockWalletApiAssert.this.actual.requests();
			long count = all.stream().filter(predicate).count();
			if (count != this.expected) {
				failWithMessage("Expected %d %s but received %d. All requests: %s", this.expected, what, count, all);
			}
			return MockWalletApiAssert.this;
		}

	}

}
