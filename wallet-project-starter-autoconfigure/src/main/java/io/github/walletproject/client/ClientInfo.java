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
 */
public record ClientInfo(@Nullable Long id, String title, String type, List<String> permissions,
		@Nullable Long projectId, List<String> hosts) implements Serializable {

	/**
	 * Copy the lists.
	 */
	public ClientInfo {
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
		hosts = (hosts != null) ? List.copyOf(hosts) : List.of();
	}

	@JsonCreator
	static ClientInfo fromJson(@JsonProperty("id") @Nullable Long id, @JsonProperty("title") String title,
			@JsonProperty("type") String type, @JsonProperty("permissions") @Nullable List<String> permissions,
			@JsonProperty("project") @Nullable Object project, @JsonProperty("hosts") @Nullable List<String> hosts) {
		return new ClientInfo(id, title, type, permissions, projectId(project), hosts);
	}

	private static @Nullable Long projectId(@Nullable Object project) {
		if (project instanceof Number number) {
			return number.longValue();
		}
		if (project instanceof Map<?, ?> map && map.get("id") instanceof Number number) {
			return number.longValue();
		}
		return null;
	}

}
