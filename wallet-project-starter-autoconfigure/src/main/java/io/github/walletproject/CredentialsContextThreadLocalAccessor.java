package io.github.walletproject;

import io.github.walletproject.auth.WalletCredentials;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Carries the credentials bound by {@link CredentialsContext} across threads with Micrometer
 * context propagation, as {@link ProjectContextThreadLocalAccessor} carries the project.
 * Registered through {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}.
 */
public final class CredentialsContextThreadLocalAccessor implements ThreadLocalAccessor<WalletCredentials> {

	/** The key under which the credentials travel. */
	public static final String KEY = "io.github.walletproject.credentials";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable WalletCredentials getValue() {
		return CredentialsContext.current();
	}

	@Override
	public void setValue(WalletCredentials value) {
		CredentialsContext.restore(value);
	}

	@Override
	public void setValue() {
		CredentialsContext.restore(null);
	}

	@Override
	public void restore(WalletCredentials previousValue) {
		CredentialsContext.restore(previousValue);
	}

	@Override
	public void restore() {
		CredentialsContext.restore(null);
	}

}
