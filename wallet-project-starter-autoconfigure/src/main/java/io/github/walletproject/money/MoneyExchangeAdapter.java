package io.github.walletproject.money;

import java.util.function.Supplier;

import io.github.walletproject.WalletException;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.WalletTransportException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpExchangeAdapterDecorator;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * Makes every failure of this package's calls a {@link WalletException}: the Wallet API's
 * errors already are (the Wallet client decodes them); a response that cannot be read, or is
 * empty where a result was expected, becomes a {@link WalletResponseException} naming the
 * operation. Calls of other interfaces in the same group pass through untouched.
 */
final class MoneyExchangeAdapter extends HttpExchangeAdapterDecorator {

	MoneyExchangeAdapter(HttpExchangeAdapter delegate) {
		super(delegate);
	}

	@Override
	public void exchange(HttpRequestValues values) {
		guard(values, () -> {
			super.exchange(values);
			return Boolean.TRUE;
		});
	}

	@Override
	public HttpHeaders exchangeForHeaders(HttpRequestValues values) {
		return guard(values, () -> super.exchangeForHeaders(values));
	}

	@Override
	public <T> @Nullable T exchangeForBody(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		T body = guard(values, () -> super.exchangeForBody(values, bodyType));
		String operation = operation(values);
		if (body == null && operation != null) {
			throw new WalletResponseException(
					"Wallet API response to " + describe(operation, values) + " was empty where JSON was expected");
		}
		return body;
	}

	@Override
	public ResponseEntity<Void> exchangeForBodilessEntity(HttpRequestValues values) {
		return guard(values, () -> super.exchangeForBodilessEntity(values));
	}

	@Override
	public <T> ResponseEntity<T> exchangeForEntity(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return guard(values, () -> super.exchangeForEntity(values, bodyType));
	}

	private static <T> T guard(HttpRequestValues values, Supplier<T> call) {
		String operation = operation(values);
		if (operation == null) {
			return call.get();
		}
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			WalletException cause = walletCause(ex);
			if (cause != null) {
				throw cause;
			}
			if (ex instanceof ResourceAccessException) {
				throw new WalletTransportException("Wallet API request " + describe(operation, values) + " failed: "
						+ Texts.rootMessage(ex), ex);
			}
			throw new WalletResponseException("Wallet API response to " + describe(operation, values)
					+ " could not be read: " + Texts.rootMessage(ex), ex);
		}
	}

	private static @Nullable String operation(HttpRequestValues values) {
		Object operation = values.getAttributes().get(MoneyRequestValuesProcessor.OPERATION_ATTRIBUTE);
		return (operation instanceof String name) ? name : null;
	}

	private static String describe(String operation, HttpRequestValues values) {
		return operation + " (" + values.getHttpMethod() + " " + values.getUriTemplate() + ")";
	}

	private static @Nullable WalletException walletCause(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof WalletException wallet) {
				return wallet;
			}
		}
		return null;
	}


}
