package io.github.walletproject.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Customizes the builder of the Wallet API {@code RestClient} (and of the HTTP service
 * groups that talk to the Wallet API) after the starter's own settings and before the
 * signing interceptor is added last, so that it stays innermost. Boot's
 * {@code RestClientCustomizer}s apply too, earlier.
 */
@FunctionalInterface
public interface WalletRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder
	 */
	void customize(RestClient.Builder builder);

}
