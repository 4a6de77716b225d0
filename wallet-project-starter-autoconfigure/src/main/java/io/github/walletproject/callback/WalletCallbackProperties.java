package io.github.walletproject.callback;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of Paysera's callbacks ({@code paysera.wallet.callbacks.*}).
 */
@ConfigurationProperties("paysera.wallet.callbacks")
public class WalletCallbackProperties {

	/**
	 * Path of the callback endpoint in the application's Spring MVC server, such as /paysera/callbacks; without it there is no endpoint.
	 */
	private @Nullable String path;

	/**
	 * Where Paysera's public key (PEM) is read; by default the base URL's scheme, host and port plus /publickey.
	 */
	private @Nullable URI publicKeyUri;

	/**
	 * A pinned PEM public key or certificate (e.g. classpath:paysera-publickey.pem): nothing is fetched at runtime.
	 */
	private @Nullable Resource publicKey;

	/**
	 * Least time between two fetches of the public key after a signature did not verify (lets Paysera rotate its key).
	 */
	private Duration keyRefetchInterval = Duration.ofMinutes(1);

	/**
	 * How long a delivered event (object, id, type) is remembered so that a repeated delivery is not dispatched again.
	 */
	private Duration duplicateWindow = Duration.ofHours(24);

	/**
	 * How long the project a transaction was created in is remembered, for callbacks whose data has no project_id.
	 */
	private Duration transactionProjectTtl = Duration.ofDays(40);

	/**
	 * Name of a cache of the application's CacheManager (Redis…) shared by the instances for duplicates and transaction projects; by default paysera.wallet.access.cache.cache-name, if set.
	 */
	private @Nullable String cacheName;

	/**
	 * Base of the payer's confirmation page (change it for the sandbox).
	 */
	private URI confirmationBaseUrl = URI.create("https://bank.paysera.com/frontend");

	public @Nullable String getPath() {
		return this.path;
	}

	public void setPath(@Nullable String path) {
		this.path = path;
	}

	public @Nullable URI getPublicKeyUri() {
		return this.publicKeyUri;
	}

	public void setPublicKeyUri(@Nullable URI publicKeyUri) {
		this.publicKeyUri = publicKeyUri;
	}

	public @Nullable Resource getPublicKey() {
		return this.publicKey;
	}

	public void setPublicKey(@Nullable Resource publicKey) {
		this.publicKey = publicKey;
	}

	public Duration getKeyRefetchInterval() {
		return this.keyRefetchInterval;
	}

	public void setKeyRefetchInterval(Duration keyRefetchInterval) {
		this.keyRefetchInterval = keyRefetchInterval;
	}

	public Duration getDuplicateWindow() {
		return this.duplicateWindow;
	}

	public void setDuplicateWindow(Duration duplicateWindow) {
		this.duplicateWindow = duplicateWindow;
	}

	public Duration getTransactionProjectTtl() {
		return this.transactionProjectTtl;
	}

	public void setTransactionProjectTtl(Duration transactionProjectTtl) {
		this.transactionProjectTtl = transactionProjectTtl;
	}

	public @Nullable String getCacheName() {
		return this.cacheName;
	}

	public void setCacheName(@Nullable String cacheName) {
		this.cacheName = cacheName;
	}

	public URI getConfirmationBaseUrl() {
		return this.confirmationBaseUrl;
	}

	public void setConfirmationBaseUrl(URI confirmationBaseUrl) {
		this.confirmationBaseUrl = confirmationBaseUrl;
	}

}
