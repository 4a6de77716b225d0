package io.github.walletproject.client;

import java.util.function.Supplier;

import io.github.walletproject.WalletException;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.WalletResponseException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClientException;

/**
 * Reads the typed answer of a Wallet API call: every failure a {@link WalletException}, an
 * empty or unreadable body a {@link WalletResponseException}.
 */
final class Responses {

	private Responses() {
	}

	static <T> T read(String what, Supplier<@Nullable T> call) {
		T result;
		try {
			result = call.get();
		}
		catch (WalletException ex) {
			throw ex;
		}
		catch (RestClientException ex) {
			throw new WalletResponseException("Wallet API response to " + what + " could not be read: "
					+ Texts.rootMessage(ex), ex);
		}
		if (result == null) {
			throw new WalletResponseException("Wallet API response to " + what + " was empty where JSON was expected");
		}
		return result;
	}


}
