package io.github.walletproject;

/**
 * A Wallet API call was made after the starter was closed (its application context is
 * closed or closing). Nothing was signed or sent, and no access list was loaded. Calls made
 * while the context shuts down (from {@code @PreDestroy} methods of beans that use the
 * clients) still work until the starter's own beans are destroyed.
 */
public class WalletClosedException extends WalletException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message
	 */
	public WalletClosedException(String message) {
		super(message);
	}

}
