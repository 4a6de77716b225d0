package io.github.walletproject.money;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import static io.github.walletproject.money.ApiConventions.required;

/**
 * The wire form of users (field names from Paysera's PHP client, {@code Mapper::decodeUser}).
 * Address and identity are not read: they are personal data this client has no use for.
 */
final class UserJson {

	private UserJson() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record In(@JsonProperty("id") @Nullable Long id, @JsonProperty("email") @Nullable String email,
			@JsonProperty("phone") @Nullable String phone, @JsonProperty("display_name") @Nullable String displayName,
			@JsonProperty("type") @Nullable String type, @JsonProperty("company_code") @Nullable String companyCode,
			@JsonProperty("identification_level") @Nullable String identificationLevel,
			@JsonProperty("wallets") @Nullable List<Long> wallets) {
	}

	static final class Decode extends Decoder<In, User> {

		Decode() {
			super("user");
		}

		@Override
		User decode(In in) {
			return new User(required(in.id(), "user.id"), in.email(), in.phone(), in.displayName(), in.type(),
					in.companyCode(), in.identificationLevel(), ApiConventions.list(in.wallets()));
		}

	}

}
