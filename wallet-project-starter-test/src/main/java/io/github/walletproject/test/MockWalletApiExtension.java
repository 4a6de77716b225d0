package io.github.walletproject.test;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link MockWalletApi} per test class on a free port,
 * injects it into test and lifecycle method parameters, resets its recordings and faults
 * before each test, and stops it after the class.
 *
 * <pre class="code">
 * &#64;ExtendWith(MockWalletApiExtension.class)
 * class PaymentsTests {
 *     &#64;Test
 *     void pays(MockWalletApi api) { … }
 * }
 * </pre>
 */
public final class MockWalletApiExtension implements BeforeEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(MockWalletApiExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		mock(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MockWalletApi.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return mock(extensionContext);
	}

	private static MockWalletApi mock(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE)
			.getOrComputeIfAbsent(MockWalletApi.class, key -> new Resource(MockWalletApi.start()), Resource.class)
			.api();
	}

	private record Resource(MockWalletApi api) implements AutoCloseable {

		@Override
		public void close() {
			this.api.close();
		}

	}

}
