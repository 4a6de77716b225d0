package io.github.walletproject.callback;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The payer's confirmation page: {@code <base>[/{lang}]/wallet/confirm/{transaction_key}}
 * (Paysera's PHP client, {@code Util/Router.php}), with a base of choice for the sandbox.
 */
class WalletConfirmationUrlsTests {

	private final WalletConfirmationUrls urls = new WalletConfirmationUrls(
			URI.create("https://bank.paysera.com/frontend"));

	@Test
	void withoutALanguagePayseraChooses() {
		assertThat(this.urls.confirm("pDAlAZ3z"))
			.isEqualTo(URI.create("https://bank.paysera.com/frontend/wallet/confirm/pDAlAZ3z"));
	}

	@Test
	void aLanguageComesBeforeThePath() {
		assertThat(this.urls.confirm("pDAlAZ3z", "lt"))
			.isEqualTo(URI.create("https://bank.paysera.com/frontend/lt/wallet/confirm/pDAlAZ3z"));
	}

	@Test
	void theBaseIsConfigurableForTheSandboxWithOrWithoutATrailingSlash() {
		WalletConfirmationUrls sandbox = new WalletConfirmationUrls(URI.create("https://sandbox.example/frontend/"));
		assertThat(sandbox.confirm("k1", "en")).isEqualTo(URI.create("https://sandbox.example/frontend/en/wallet/confirm/k1"));
	}

	@Test
	void aKeyOrLanguageThatWouldChangeThePathIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.urls.confirm("../admin"))
			.withMessageContaining("Not a transaction key");
		assertThatIllegalArgumentException().isThrownBy(() -> this.urls.confirm("key1", "en/../x"))
			.withMessageContaining("Not a language code");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WalletConfirmationUrls(URI.create("/frontend")))
			.withMessageContaining("paysera.wallet.callbacks.confirmation-base-url");
	}

}
