package io.github.walletproject.autoconfigure;

import java.net.URI;

import io.github.walletproject.client.WalletErrorDecoder;
import io.github.walletproject.client.WalletExchangeFilter;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Applies the Wallet API settings to a {@code WebClient.Builder} the starter owns (a fresh
 * one for {@code walletWebClient}, or the builder of a {@code WebClient} HTTP service group
 * named in {@code paysera.wallet.routing.http-service-groups}): base URL, the Reactor Netty
 * connector that never resends, the response size limit, error decoding into the Wallet
 * exception types, the blocking client's observation name and keys ({@code wallet.project}
 * included), and finally the signing filter as the innermost filter.
 */
public final class WalletWebClientConfigurer {

	private final URI baseUrl;

	private final ClientHttpConnector connector;

	private final int maxInMemory;

	private final WalletExchangeFilter filter;

	private final String observationName;

	WalletWebClientConfigurer(URI baseUrl, ClientHttpConnector connector, int maxInMemory,
			WalletExchangeFilter filter, String observationName) {
		this.observationName = observationName;
		this.baseUrl = baseUrl;
		this.connector = connector;
		this.maxInMemory = maxInMemory;
		this.filter = filter;
	}

	/**
	 * Configure a builder for the routed reactive Wallet API client. Never pass a builder
	 * other code shares: the builder is changed in place.
	 * @param builder a builder of the starter's or of a Wallet HTTP service group
	 * @return the same builder
	 */
	public WebClient.Builder configure(WebClient.Builder builder) {
		return builder.baseUrl(this.baseUrl.toString())
			.clientConnector(this.connector)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(this.maxInMemory))
			// observed as the blocking client is (the registry comes from Boot's WebClient customizer)
			.observationConvention(WalletExchangeFilter.observationConvention(this.observationName))
			.defaultStatusHandler(HttpStatusCode::isError,
					response -> response.bodyToMono(byte[].class)
						.defaultIfEmpty(new byte[0])
						.map(body -> WalletErrorDecoder.decode(response.request(), response.statusCode(),
								response.headers().asHttpHeaders(), body)))
			.filters(filters -> {
				filters.removeIf(WalletExchangeFilter.class::isInstance);
				filters.add(this.filter);
			});
	}

}
