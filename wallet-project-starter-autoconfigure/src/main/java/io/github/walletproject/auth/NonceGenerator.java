package io.github.walletproject.auth;

/**
 * Supplies the nonce of each signed attempt. Declare a bean of this type to replace the
 * default {@link SecureNonceGenerator}; tests use it to make signatures reproducible.
 * <p>
 * A nonce may hold printable ASCII (0x20–0x7E) except {@code "} and {@code \}.
 */
@FunctionalInterface
public interface NonceGenerator {

	/**
	 * A fresh nonce, never returned before.
	 * @return the nonce
	 */
	String nextNonce();

}
