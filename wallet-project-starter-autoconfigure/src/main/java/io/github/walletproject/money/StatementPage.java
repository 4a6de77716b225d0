package io.github.walletproject.money;

import java.util.List;
import java.util.OptionalLong;

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
		@JsonProperty("_metadata") @Nullable PageMetadata metadata) implements Page<Statement> {

	/**
	 * Copy the statements.
	 */
	public StatementPage {
		items = ApiConventions.list(items);
	}

	@Override
	public long offset() {
		return (this.metadata != null) ? this.metadata.offset() : 0;
	}

	@Override
	public int limit() {
		return (this.metadata != null) ? this.metadata.limit() : this.items.size();
	}

	@Override
	public OptionalLong total() {
		return (this.metadata != null && this.metadata.total() != null) ? OptionalLong.of(this.metadata.total())
				: OptionalLong.empty();
	}

}
