package io.github.walletproject.access;

import io.github.walletproject.auth.WalletCredentials;

/**
 * Key of one access list: who the credentials are, on which Wallet API. Its text, used in a
 * shared cache, holds the base URL and the credentials' fingerprint: never a MAC id, a token,
 * a key or a configured name.
 *
 * @param baseUrl the Wallet API base URL
 * @param credentials the credentials
 */
record AccessKey(String baseUrl, WalletCredentials credentials) {

	@Override
	public String toString() {
		return this.baseUrl + '|' + this.credentials.identity();
	}

}
