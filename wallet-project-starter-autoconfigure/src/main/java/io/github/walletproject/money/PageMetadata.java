package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code _metadata} object of a Wallet API listing.
 *
 * @param total the size of the whole listing, if sent
 * @param offset the offset of this page
 * @param limit the page size
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageMetadata(@JsonProperty("total") @Nullable Long total, @JsonProperty("offset") long offset,
		@JsonProperty("limit") int limit) {

}
