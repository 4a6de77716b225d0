package io.github.walletproject.client;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A host a Wallet API client is bound to ({@code hosts[]} of {@code GET client}).
 *
 * @param host the host name
 * @param path the path below it, or {@code null}
 * @param port the port, or {@code null} for the protocol's default
 * @param protocol {@code http} or {@code https}, or {@code null} for either
 * @param anyPort whether any port matches
 * @param anySubdomain whether any subdomain of the host matches
 */
public record ClientHost(String host, @Nullable String path, @Nullable Integer port, @Nullable String protocol,
		boolean anyPort, boolean anySubdomain) implements Serializable {

	@JsonCreator
	static ClientHost fromJson(@JsonProperty("host") String host, @JsonProperty("path") @Nullable String path,
			@JsonProperty("port") @Nullable Integer port, @JsonProperty("protocol") @Nullable String protocol,
			@JsonProperty("any_port") @Nullable Boolean anyPort,
			@JsonProperty("any_subdomain") @Nullable Boolean anySubdomain) {
		return new ClientHost(host, path, port, protocol, Boolean.TRUE.equals(anyPort), Boolean.TRUE.equals(anySubdomain));
	}

}
