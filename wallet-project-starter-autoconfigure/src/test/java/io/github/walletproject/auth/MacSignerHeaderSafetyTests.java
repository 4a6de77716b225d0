package io.github.walletproject.auth;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a MAC id and a nonce may hold: exactly the printable ASCII characters that can stand
 * between the quotes of the {@code Authorization} header, from the space to the tilde, except
 * the quote and the backslash.
 */
class MacSignerHeaderSafetyTests {

	private static final URI URI_ = URI.create("https://wallet.paysera.com/rest/v1/wallet/2112/balance");

	@Test
	void everyPrintableCharacterButQuoteAndBackslashIsAccepted() {
		StringBuilder printable = new StringBuilder();
		for (char c = 0x20; c <= 0x7E; c++) {
			if (c != '"' && c != '\\') {
				printable.append(c);
			}
		}
		MacSigner signer = new MacSigner(printable.toString(), "key");
		assertThat(signer.macId()).isEqualTo(printable.toString());
		assertThat(signer.authorization("GET", URI_, null, Map.of(), 1, printable.toString()))
			.startsWith("MAC id=\"" + printable + "\", ts=\"1\", nonce=\"" + printable + "\", mac=\"");
	}

	@Test
	void controlCharactersDeleteQuoteAndBackslashAreRefusedWithoutEchoingTheValue() {
		for (char c : new char[] { 0x1F, 0x7F, 0x80, '"', '\\', '\t', 'é' }) {
			assertThatIllegalArgumentException().as("MAC id with U+%04X", (int) c)
				.isThrownBy(() -> new MacSigner("client" + c + "id", "key"))
				.withMessageStartingWith("MAC id contains a character that cannot appear in a MAC header")
				.withMessageNotContaining("client");
			MacSigner signer = new MacSigner("client", "key");
			assertThatIllegalArgumentException().as("nonce with U+%04X", (int) c)
				.isThrownBy(() -> signer.authorization("GET", URI_, null, Map.of(), 1, "nonce" + c))
				.withMessageStartingWith("nonce contains a character");
		}
	}

	@Test
	void anEmptyMacIdOrKeyIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MacSigner("", "key"))
			.withMessage("MAC id must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new MacSigner("client", ""))
			.withMessage("MAC key must not be empty");
	}

}
