package io.github.walletproject.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link MockWalletApi} for a Spring Boot test: started on a free port before the
 * application context, registered as a bean (inject it with {@code @Autowired}), with
 * {@code paysera.wallet.base-url} pointed at it. The MAC ids and keys configured under
 * {@code paysera.wallet} (default and per project) are accepted by the mock, and the
 * configured aliases are known to its assertions; when no credentials are configured, test
 * credentials are supplied. Stopped when the context closes.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureMockWalletApi
 * class CheckoutTests {
 *     &#64;Autowired MockWalletApi walletApi;
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMockWalletApi {

	/**
	 * MAC id supplied when the application configures none.
	 * @return the MAC id
	 */
	String macId() default "test-mac-id";

	/**
	 * MAC key supplied when the application configures none.
	 * @return the MAC key
	 */
	String macKey() default "test-mac-key";

}
