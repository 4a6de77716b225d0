package io.github.walletproject.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.walletproject.client.SelfResendingRequestFactory;
import io.github.walletproject.support.HttpClientChoice;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which HTTP client the Wallet client gets for each builder Boot can provide. What each one
 * does on the wire is in {@code NoncesOnTheWireTests}.
 */
class WalletRequestFactoriesTests {

	private static final ClassLoader ALL_CLIENTS = WalletRequestFactoriesTests.class.getClassLoader();

	@Test
	void reactorNettyHasItsRetryDisabled() {
		AtomicBoolean retryDisabled = new AtomicBoolean();
		ReactorClientHttpRequestFactoryBuilder configured = (ReactorClientHttpRequestFactoryBuilder) WalletRequestFactories
			.neverResending(ClientHttpRequestFactoryBuilder.reactor(), ALL_CLIENTS);
		configured.withHttpClientCustomizer(client -> {
			retryDisabled.set(client.configuration().isRetryDisabled());
			return client;
		}).build(HttpClientSettings.defaults());
		assertThat(retryDisabled).isTrue();
	}

	@Test
	void jettyIsUsedAsItIs() {
		ClientHttpRequestFactoryBuilder<?> jetty = ClientHttpRequestFactoryBuilder.jetty();
		assertThat(WalletRequestFactories.neverResending(jetty, ALL_CLIENTS)).isSameAs(jetty);
	}

	@Test
	void theJdkClientsGiveWayToTheFirstOtherClientInBootsOrder() {
		assertThat(WalletRequestFactories.neverResending(ClientHttpRequestFactoryBuilder.jdk(), ALL_CLIENTS)
			.build(HttpClientSettings.defaults())).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
		ClassLoader withoutApache = new FilteredClassLoader("org.apache.hc.client5");
		assertThat(WalletRequestFactories.neverResending(ClientHttpRequestFactoryBuilder.simple(), withoutApache)
			.build(HttpClientSettings.defaults())).isInstanceOf(JettyClientHttpRequestFactory.class);
	}

	@Test
	void aloneTheJdkClientsAreKeptAndTheirResentMethodsMarked() {
		ClassLoader alone = new FilteredClassLoader(HttpClientChoice.OTHER_CLIENTS);
		assertThat(WalletRequestFactories.neverResending(ClientHttpRequestFactoryBuilder.jdk(), alone)
			.build(HttpClientSettings.defaults())).isInstanceOf(SelfResendingRequestFactory.class);
		assertThat(WalletRequestFactories.neverResending(ClientHttpRequestFactoryBuilder.simple(), alone)
			.build(HttpClientSettings.defaults())).isInstanceOf(SelfResendingRequestFactory.class);
	}

}
