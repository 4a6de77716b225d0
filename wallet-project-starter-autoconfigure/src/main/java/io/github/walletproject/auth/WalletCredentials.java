package io.github.walletproject.auth;

import org.jspecify.annotations.Nullable;

/**
 * One set of Wallet API credentials: a MAC signer, or the name of an SSL bundle holding a
 * client certificate. The default credentials are named {@value #DEFAULT}; credentials of
 * a project are named after its alias. Access checks and caches are kept per credentials.
 * <p>
 * {@link #toString()} shows the name and mode only: never the MAC id (it may be an access
 * token), never the key.
 */
public final class WalletCredentials {

	/** Name of the credentials configured under {@code paysera.wallet.credentials}. */
	public static final String DEFAULT = "default";

	private final String name;

	private volatile @Nullable MacSigner signer;

	private final @Nullable String sslBundle;

	private WalletCredentials(String name, @Nullable MacSigner signer, @Nullable String sslBundle) {
		this.name = name;
		this.signer = signer;
		this.sslBundle = sslBundle;
	}

	/**
	 * MAC credentials.
	 * @param name the name (default or an alias)
	 * @param signer the signer holding the MAC id and key
	 * @return the credentials
	 */
	public static WalletCredentials mac(String name, MacSigner signer) {
		return new WalletCredentials(name, signer, null);
	}

	/**
	 * Client-certificate credentials.
	 * @param name the name (default or an alias)
	 * @param sslBundle the SSL bundle with the client certificate
	 * @return the credentials
	 */
	public static WalletCredentials certificate(String name, String sslBundle) {
		return new WalletCredentials(name, null, sslBundle);
	}

	/**
	 * The name of these credentials.
	 * @return {@value #DEFAULT} or a project alias
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether these are client-certificate credentials.
	 * @return {@code true} in certificate mode
	 */
	public boolean isCertificate() {
		return this.sslBundle != null;
	}

	/**
	 * The signer of MAC credentials.
	 * @return the signer, or {@code null} for certificate credentials
	 */
	public @Nullable MacSigner signer() {
		return this.signer;
	}

	/**
	 * Replace the signer of MAC credentials, after a user access token was refreshed.
	 * Requests signed from now on use the new signer.
	 * @param newSigner the signer with the new token and key
	 */
	public void updateSigner(MacSigner newSigner) {
		if (this.signer == null) {
			throw new IllegalStateException("Credentials '" + this.name + "' use a client certificate, not a MAC key");
		}
		this.signer = newSigner;
	}

	/**
	 * The SSL bundle of certificate credentials.
	 * @return the bundle name, or {@code null} for MAC credentials
	 */
	public @Nullable String sslBundle() {
		return this.sslBundle;
	}

	@Override
	public String toString() {
		return "WalletCredentials[" + this.name + ", " + (isCertificate() ? "certificate" : "mac") + "]";
	}

}
