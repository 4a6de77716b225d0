package io.github.walletproject.money;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of listed transactions (GET transactions) ({@code {"transactions": [...], "_metadata": {...}}}).
 *
 * @param items the transactions of this page
 * @param metadata the paging facts the API sent, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionPage(@JsonProperty("transactions") List<Transaction> items,
		@JsonProperty("_metadata") @Nullable PageMetadata metadata) implements MetadataPage<Transaction> {

	/**
	 * Copy the transactions.
	 */
	public TransactionPage {
		items = ApiConventions.list(items);
	}

}
