package io.github.walletproject.callback;

import java.net.URI;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page where the payer confirms a transaction:
 * {@code <base>[/{lang}]/wallet/confirm/{transaction_key}}, with the base
 * {@code paysera.wallet.callbacks.confirmation-base-url} ({@code https://bank.paysera.com/frontend}
 * by default; set the sandbox's for tests against it). Inject it and redirect the payer there
 * after creating the transaction.
 */
public final class WalletConfirmationUrls {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}([_-][A-Za-z]{2,4})?");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

	private final String base;

	/**
	 * Create the helper.
	 * @param base the base of the confirmation pages, such as {@code https://bank.paysera.com/frontend}
	 */
	public WalletConfirmationUrls(URI base) {
		String text = base.toString();
		if (!base.isAbsolute() || !(text.startsWith("https://") || text.startsWith("http://"))) {
			throw new IllegalArgumentException("paysera.wallet.callbacks.confirmation-base-url must be an absolute "
					+ "http(s) URL such as https://bank.paysera.com/frontend, not '" + text + "'");
		}
		this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * The confirmation page in the payer's own language (Paysera chooses).
	 * @param transactionKey the transaction key
	 * @return the page's address
	 */
	public URI confirm(String transactionKey) {
		return confirm(transactionKey, null);
	}

	/**
	 * The confirmation page in a language.
	 * @param transactionKey the transaction key
	 * @param language a language code such as {@code en} or {@code lt}, or {@code null} to let Paysera choose
	 * @return the page's address
	 */
	public URI confirm(String transactionKey, @Nullable String language) {
		if (transactionKey == null || !KEY.matcher(transactionKey).matches()) {
			throw new IllegalArgumentException("Not a transaction key: use the key of a created transaction "
					+ "(letters and digits), not '" + transactionKey + "'");
		}
		if (language != null && !LANGUAGE.matcher(language).matches()) {
			throw new IllegalArgumentException("Not a language code: use one such as 'en' or 'lt', not '" + language + "'");
		}
		String path = ((language != null) ? "/" + language : "") + "/wallet/confirm/" + transactionKey;
		return UriComponentsBuilder.fromUriString(this.base + path).build(true).toUri();
	}

}
