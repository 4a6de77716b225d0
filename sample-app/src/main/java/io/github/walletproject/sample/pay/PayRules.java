package io.github.walletproject.sample.pay;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.money.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * What the pay card accepts from the page, and how its failures answer over HTTP.
 */
final class PayRules {

	/** The description of a payment when the page gives none. */
	static final String DEFAULT_DESCRIPTION = "Dashboard demo payment";

	private static final int MAX_DESCRIPTION = 255;

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private PayRules() {
	}

	static RefusedAction demoOnly() {
		return new RefusedAction("DemoOnly", HttpStatus.CONFLICT,
				"The sample creates, accepts, confirms and revokes transactions only in the embedded demo Wallet API, "
						+ "never in a real one (it would move real money); in live mode it only reads a transaction by key");
	}

	/**
	 * The price of a new payment.
	 * @param amount the amount the page sent, such as {@code 12.99}
	 * @param currency the currency code the page sent
	 * @return the price
	 * @throws RefusedAction ({@code InvalidPayment}) when it is not a positive amount with at
	 * most two decimals in a three-letter currency
	 */
	static Money price(@Nullable String amount, @Nullable String currency) {
		BigDecimal value = amount("amount", amount);
		if (currency == null || !CURRENCY.matcher(currency.trim()).matches()) {
			throw invalid("currency must be a three-letter upper-case code such as EUR, got '" + currency + "'");
		}
		return Money.of(value, currency.trim());
	}

	/**
	 * A final price for a confirmation.
	 * @param amount what the page sent, or {@code null} or blank for the reserved price
	 * @return the amount, or {@code null} for the reserved price
	 */
	static @Nullable BigDecimal finalAmount(@Nullable String amount) {
		return (amount == null || amount.isBlank()) ? null : amount("finalAmount", amount);
	}

	static String description(@Nullable String description) {
		if (description == null || description.isBlank()) {
			return DEFAULT_DESCRIPTION;
		}
		String trimmed = description.trim();
		if (trimmed.length() > MAX_DESCRIPTION) {
			throw invalid("description must be at most " + MAX_DESCRIPTION + " characters, got " + trimmed.length());
		}
		return trimmed;
	}

	/**
	 * A transaction key from the page.
	 * @param key the key
	 * @return the key, trimmed
	 * @throws RefusedAction when it cannot be a transaction key
	 */
	static String key(@Nullable String key) {
		String trimmed = (key != null) ? key.trim() : "";
		if (!KEY.matcher(trimmed).matches()) {
			throw new RefusedAction("InvalidKey", HttpStatus.BAD_REQUEST,
					"A transaction key is 1 to 64 letters, digits, '-' or '_', got '" + key + "'");
		}
		return trimmed;
	}

	/**
	 * The HTTP status of a failed action: the sample's refusals carry theirs; a project that is
	 * unknown (400), not accessible (403, nothing was sent) or missing (409); the Wallet API
	 * refusing the request ({@code not_found} 404, {@code invalid_state} 409,
	 * {@code invalid_parameters} 400); anything else from the Wallet API is a bad gateway (502).
	 * @param failure the failure
	 * @return the status
	 */
	static HttpStatus status(RuntimeException failure) {
		if (failure instanceof RefusedAction refused) {
			return refused.status();
		}
		if (failure instanceof IllegalArgumentException || failure instanceof InvalidProjectException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (failure instanceof ProjectAccessDeniedException) {
			return HttpStatus.FORBIDDEN;
		}
		if (failure instanceof NoProjectBoundException) {
			return HttpStatus.CONFLICT;
		}
		if (failure instanceof WalletApiException.NotFound) {
			return HttpStatus.NOT_FOUND;
		}
		if (failure instanceof WalletApiException api) {
			return switch (api.getErrorCode()) {
				case "invalid_state" -> HttpStatus.CONFLICT;
				case "invalid_parameters" -> HttpStatus.BAD_REQUEST;
				default -> HttpStatus.BAD_GATEWAY;
			};
		}
		return HttpStatus.BAD_GATEWAY;
	}

	private static BigDecimal amount(String name, @Nullable String amount) {
		BigDecimal value;
		try {
			value = new BigDecimal((amount != null) ? amount.trim() : "");
		}
		catch (NumberFormatException ex) {
			throw invalid(name + " must be a decimal amount such as 12.99, got '" + amount + "'");
		}
		if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2) {
			throw invalid(name + " must be positive with at most two decimals (the Wallet API counts cents), got '"
					+ amount + "'");
		}
		return value;
	}

	private static RefusedAction invalid(String message) {
		return new RefusedAction("InvalidPayment", HttpStatus.BAD_REQUEST, message);
	}

}
