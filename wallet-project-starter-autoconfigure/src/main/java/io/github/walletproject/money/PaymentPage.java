package io.github.walletproject.money;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of found payments ({@code {"payments": [...], "_metadata": {...}}}).
 *
 * @param items the payments of this page
 * @param metadata the paging facts the API sent, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentPage(@JsonProperty("payments") List<Payment> items,
		@JsonProperty("_metadata") @Nullable PageMetadata metadata) implements MetadataPage<Payment> {

	/**
	 * Copy the payments.
	 */
	public PaymentPage {
		items = ApiConventions.list(items);
	}

}
