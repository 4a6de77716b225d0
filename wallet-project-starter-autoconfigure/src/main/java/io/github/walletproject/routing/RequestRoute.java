package io.github.walletproject.routing;

import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Where one request goes: a project (or none, for account-level calls) and the credentials
 * that sign it.
 *
 * @param project the project, or {@code null} for an account-level call
 * @param credentials the credentials
 */
public record RequestRoute(@Nullable ResolvedProject project, WalletCredentials credentials) {

	@Override
	public String toString() {
		return (this.project != null) ? "project " + this.project : "account-level (" + this.credentials.name() + ")";
	}

}
