package io.github.walletproject.money;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Names a wallet the way the Wallet API accepts it: by id, by its user's email, or by phone.
 * Exactly one is set. It travels as {@code {"id":14471}}, {@code {"email":"…"}} or
 * {@code {"phone":"…"}}; the API may also answer with a bare wallet id.
 *
 * @param id the wallet id, or {@code null}
 * @param email the user's email, or {@code null}
 * @param phone the user's phone (country code first, no {@code +}), or {@code null}
 */
public record WalletIdentifier(@Nullable Long id, @Nullable String email, @Nullable String phone) {

	/**
	 * Check that exactly one identifier is set.
	 */
	public WalletIdentifier {
		int set = ((id != null) ? 1 : 0) + ((email != null) ? 1 : 0) + ((phone != null) ? 1 : 0);
		if (set != 1) {
			throw new IllegalArgumentException("A wallet is named by exactly one of id, email or phone");
		}
	}

	/**
	 * A wallet by id.
	 * @param walletId the wallet id
	 * @return the identifier
	 */
	public static WalletIdentifier id(long walletId) {
		return new WalletIdentifier(walletId, null, null);
	}

	/**
	 * The wallet of the user with this email.
	 * @param email the email
	 * @return the identifier
	 */
	public static WalletIdentifier email(String email) {
		return new WalletIdentifier(null, email, null);
	}

	/**
	 * The wallet of the user with this phone.
	 * @param phone the phone, country code first, without {@code +} or {@code 00}
	 * @return the identifier
	 */
	public static WalletIdentifier phone(String phone) {
		return new WalletIdentifier(null, null, phone);
	}

	@JsonValue
	Map<String, Object> toJson() {
		if (this.id != null) {
			return Map.of("id", this.id);
		}
		return (this.email != null) ? Map.of("email", this.email) : Map.of("phone", this.phone);
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static @Nullable WalletIdentifier fromJson(@Nullable Object json) {
		if (json instanceof Number number) {
			return id(number.longValue());
		}
		if (json instanceof Map<?, ?> fields) {
			Object id = fields.get("id");
			if (id instanceof Number number) {
				return id(number.longValue());
			}
			if (id instanceof String text && !text.isBlank()) {
				return id(new BigDecimal(text.trim()).longValueExact());
			}
			if (fields.get("email") instanceof String email) {
				return email(email);
			}
			if (fields.get("phone") instanceof String phone) {
				return phone(phone);
			}
		}
		return null;
	}

}
