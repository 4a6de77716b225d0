package io.github.walletproject.client;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The client the credentials belong to ({@code GET client}).
 *
 * @param id the client id, or {@code null}
 * @param title the title
 * @param type {@code private_client}, {@code application} or {@code app_client}
 * @param permissions the permissions granted to the client
 * @param projectId the client's main project, or {@code null}
 * @param hosts the hosts the client is bound to
 * @param walletPermissions the scopes granted to the client on wallets
 */
public record ClientInfo(@Nullable Long id, String title, String type, List<String> permissions,
		@Nullable Long projectId, List<ClientHost> hosts, List<WalletPermission> walletPermissions) implements Serializable {

	/**
	 * Copy the lists.
	 */
	public ClientInfo {
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
		hosts = (hosts != null) ? List.copyOf(hosts) : List.of();
		walletPermissions = (walletPermissions != null) ? List.copyOf(walletPermissions) : List.of();
	}

	@JsonCreator
	static ClientInfo fromJson(@JsonProperty("id") @Nullable Long id, @JsonProperty("title") String title,
			@JsonProperty("type") String type, @JsonProperty("permissions") @Nullable List<String> permissions,
			@JsonProperty("project") @Nullable Object project, @JsonProperty("hosts") @Nullable List<ClientHost> hosts,
			@JsonProperty("permissions_to_wallets") @Nullable List<WalletPermission> walletPermissions) {
		return new ClientInfo(id, title, type, permissions, idOf(project), hosts, walletPermissions);
	}

	static @Nullable Long idOf(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof Map<?, ?> map && map.get("id") instanceof Number number) {
			return number.longValue();
		}
		return null;
	}

	/**
	 * Scopes a client holds on one wallet ({@code permissions_to_wallets[]}).
	 *
	 * @param walletId the wallet, or {@code null} when the API left it out
	 * @param scopes the granted scopes, such as {@code balance} and {@code statements}
	 */
	public record WalletPermission(@Nullable Long walletId, List<String> scopes) implements Serializable {

		/**
		 * Copy the scopes.
		 */
		public WalletPermission {
			scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
		}

		@JsonCreator
		static WalletPermission fromJson(@JsonProperty("wallet") @Nullable Object wallet,
				@JsonProperty("wallet_id") @Nullable Long walletId, @JsonProperty("scopes") @Nullable List<String> scopes) {
			return new WalletPermission((walletId != null) ? walletId : idOf(wallet), scopes);
		}

	}

}
