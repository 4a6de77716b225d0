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
 * {@code paysera.wallet.base-url} pointed at it (over any configured value). Stopped when the
 * context closes.
 * <p>
 * <b>Credentials.</b> Whenever it is active it supplies test credentials, in a property
 * source placed above the application's configuration ({@code application.yml}, profiles,
 * environment variables, system properties) and below what the test declares itself
 * ({@code @SpringBootTest(properties = ..., args = ...)}, {@code @TestPropertySource},
 * {@code @DynamicPropertySource}):
 * <ul>
 * <li>{@code paysera.wallet.credentials.mac-id} and {@code .mac-key}: {@link #macId()} and
 * {@link #macKey()};</li>
 * <li>for every project the configuration gives credentials of its own,
 * {@code paysera.wallet.projects.<alias>.credentials.mac-id} and {@code .mac-key}: the same
 * with {@code -<alias>} appended ({@code test-mac-id-marketplace}).</li>
 * </ul>
 * So a placeholder such as {@code mac-id: ${WALLET_MAC_ID}} in {@code application.yml} is
 * never resolved in a test: the test starts without the variable, and never signs with a real
 * key that happens to be set on the machine. Credentials the test declares itself win; the
 * mock accepts whatever MAC ids and keys are in effect (default and per project), and the
 * configured aliases are known to its assertions.
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
	 * MAC id of the default credentials while the test runs (unless the test sets one).
	 * @return the MAC id
	 */
	String macId() default "test-mac-id";

	/**
	 * MAC key of the default credentials while the test runs (unless the test sets one).
	 * @return the MAC key
	 */
	String macKey() default "test-mac-key";

}
