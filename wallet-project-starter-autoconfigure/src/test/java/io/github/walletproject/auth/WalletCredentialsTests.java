package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link WalletCredentials}: the mode decides how a call is authenticated (a MAC header, or
 * the client certificate of an SSL bundle), and the identity, not the configured name, tells
 * credentials apart.
 */
class WalletCredentialsTests {

	private final MacSigner signer = new MacSigner("mac-id-1", "mac-key-1");

	@Test
	void macCredentialsSignWithTheirSignerAndHaveNoBundle() {
		WalletCredentials credentials = WalletCredentials.mac("shop", this.signer);
		assertThat(credentials.isCertificate()).isFalse();
		assertThat(credentials.signer()).isSameAs(this.signer);
		assertThat(credentials.sslBundle()).isNull();
		assertThat(credentials.name()).isEqualTo("shop");
		assertThat(credentials).hasToString("WalletCredentials[shop, mac]");
		assertThat(credentials.identity()).startsWith("mac:").hasSize("mac:".length() + 64).doesNotContain("mac-id-1");
	}

	@Test
	void certificateCredentialsUseTheirBundleAndHaveNoSigner() {
		WalletCredentials credentials = WalletCredentials.certificate("shop", "shop-bundle",
				"certificate".getBytes(StandardCharsets.UTF_8));
		assertThat(credentials.isCertificate()).isTrue();
		assertThat(credentials.signer()).isNull();
		assertThat(credentials.sslBundle()).isEqualTo("shop-bundle");
		assertThat(credentials).hasToString("WalletCredentials[shop, certificate]");
		assertThat(credentials.identity()).startsWith("cert:").hasSize("cert:".length() + 64);
	}

	@Test
	void credentialsAreTheSameWhenTheirClientIsWhateverTheyAreCalled() {
		WalletCredentials shop = WalletCredentials.mac("shop", this.signer);
		WalletCredentials alias = WalletCredentials.mac("default", new MacSigner("mac-id-1", "mac-key-1"));
		WalletCredentials other = WalletCredentials.mac("shop", new MacSigner("mac-id-2", "mac-key-1"));
		assertThat(alias).isEqualTo(shop).hasSameHashCodeAs(shop);
		assertThat(alias.identity()).isEqualTo(shop.identity());
		assertThat(other).isNotEqualTo(shop);
		assertThat(other.identity()).isNotEqualTo(shop.identity());
		assertThat(shop).isNotEqualTo("shop").isNotEqualTo(null);
		byte[] certificate = "certificate".getBytes(StandardCharsets.UTF_8);
		assertThat(WalletCredentials.certificate("a", "bundle-a", certificate))
			.isEqualTo(WalletCredentials.certificate("b", "bundle-b", certificate))
			.isNotEqualTo(WalletCredentials.certificate("a", "bundle-a", "other".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void userCredentialsSignLikeMacCredentialsAndAreMarkedAsAUsers() {
		WalletCredentials user = WalletCredentials.user("alice", this.signer);
		assertThat(user.isUser()).isTrue();
		assertThat(user.isCertificate()).isFalse();
		assertThat(user.signer()).isSameAs(this.signer);
		assertThat(WalletCredentials.mac("shop", this.signer).isUser()).isFalse();
		assertThat(WalletCredentials.certificate("shop", "bundle", new byte[] { 1 }).isUser()).isFalse();
	}

	@Test
	void aMissingNameSignerBundleOrCertificateIsRefusedByName() {
		byte[] certificate = { 1 };
		assertThatIllegalArgumentException().isThrownBy(() -> WalletCredentials.mac(" ", this.signer))
			.withMessage("Name must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> WalletCredentials.mac("shop", null))
			.withMessage("Signer must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> WalletCredentials.user("", this.signer))
			.withMessage("Name must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> WalletCredentials.user("alice", null))
			.withMessage("Signer must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> WalletCredentials.certificate("", "bundle", certificate))
			.withMessage("Name must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> WalletCredentials.certificate("shop", " ", certificate))
			.withMessage("SSL bundle must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> WalletCredentials.certificate("shop", "bundle", null))
			.withMessage("Certificate must not be null");
	}

}
