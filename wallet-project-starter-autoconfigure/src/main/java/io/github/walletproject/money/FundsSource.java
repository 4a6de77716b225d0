package io.github.walletproject.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Where the money of a reservation comes from ({@code funds_sources[]}, {@code Mapper.php}
 * {@code encodeFundsSource}): a type such as {@code buy}, {@code borrow} or {@code gift}, and/or
 * details.
 *
 * @param type the type, or {@code null}
 * @param details the details, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FundsSource(@JsonProperty("type") @Nullable String type, @JsonProperty("details") @Nullable String details) {

	/**
	 * Check that a type or details are given.
	 */
	public FundsSource {
		if ((type == null || type.isEmpty()) && (details == null || details.isEmpty())) {
			throw new IllegalArgumentException("A funds source needs a type or details");
		}
	}

}
