package io.github.walletproject.money;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of a wallet's statements ({@code {"statements": [...], "_metadata": {...}}}),
 * newest first.
 *
 * @param items the statements of this page
 * @param metadata the paging facts the API sent, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementPage(@JsonProperty("statements") List<Statement> items,
		@JsonProperty("_metadata") @Nullable PageMetadata metadata) implements MetadataPage<Statement> {

	/**
	 * Copy the statements.
	 */
	public StatementPage {
		items = ApiConventions.list(items);
	}

}
