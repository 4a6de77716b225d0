package io.github.walletproject.client;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A Wallet API project ({@code GET project/{id}}): a business entity with its own default
 * wallet. {@code id} and {@code title} are always present; the other fields are
 * {@code null} when the API leaves them out.
 *
 * @param id the project id
 * @param title the title
 * @param description the description, or {@code null}
 * @param walletId the project's default wallet, or {@code null}
 * @param ownerDisplayName the owner's display name, or {@code null}
 */
public record Project(long id, String title, @Nullable String description,
		@JsonProperty("wallet_id") @Nullable Long walletId,
		@JsonProperty("owner_display_name") @Nullable String ownerDisplayName) implements Serializable {

	/**
	 * Check the always-present fields.
	 */
	public Project {
		if (id <= 0) {
			throw new IllegalArgumentException("project id must be positive, got " + id);
		}
		if (title == null) {
			throw new IllegalArgumentException("project " + id + " has no title");
		}
	}

}
