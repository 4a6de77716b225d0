package io.github.walletproject.money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How a payer accepts (reserves) a transaction without visiting the confirmation page:
 * {@code PUT transaction/{key}/reserve/{payer}} with the payer's wallet id in the path, or
 * {@code PUT transaction/{key}/reserve} with {@code payer} in the body when the payer is named
 * by email or phone (as {@code WalletClient.php} {@code acceptTransactionUsingAllowance} and
 * {@code acceptTransactionUsingPin} send them). With a PIN the payer's PIN code confirms it;
 * without one the payer's active allowance does.
 * <p>
 * The PIN is a secret: it is sent in the body only, and never appears in {@link #toString()}.
 *
 * <pre class="code">
 * transactions.reserve(key, Reservation.byAllowance(WalletIdentifier.id(14471)));
 * </pre>
 *
 * @param payer the payer
 * @param pin the payer's PIN code, or {@code null} to use the payer's allowance
 * @param fundsSources where the money comes from ({@code funds_sources}), possibly empty
 */
public record Reservation(WalletIdentifier payer, @Nullable String pin, List<FundsSource> fundsSources) {

	/**
	 * Check the fields.
	 */
	public Reservation {
		Objects.requireNonNull(payer, "payer");
		if (pin != null && pin.isBlank()) {
			throw new IllegalArgumentException("A reservation's PIN must not be blank");
		}
		fundsSources = ApiConventions.list(fundsSources);
	}

	/**
	 * The payer's active allowance accepts the transaction.
	 * @param payer the payer
	 * @return the reservation
	 */
	public static Reservation byAllowance(WalletIdentifier payer) {
		return new Reservation(payer, null, List.of());
	}

	/**
	 * The payer's PIN code accepts the transaction.
	 * @param payer the payer
	 * @param pin the PIN code
	 * @return the reservation
	 */
	public static Reservation withPin(WalletIdentifier payer, String pin) {
		Objects.requireNonNull(pin, "pin");
		return new Reservation(payer, pin, List.of());
	}

	/**
	 * This reservation with one more source of funds.
	 * @param source the source
	 * @return a copy
	 */
	public Reservation withFundsSource(FundsSource source) {
		List<FundsSource> more = new ArrayList<>(this.fundsSources);
		more.add(source);
		return new Reservation(this.payer, this.pin, more);
	}

	/**
	 * The body: {@code pin}, {@code funds_sources}, and {@code payer} unless the payer's
	 * wallet id is in the path. Unlike {@code acceptTransactionUsingPin} of the PHP client
	 * (which drops the PIN when funds sources are given), both are sent.
	 * @return the body's fields
	 */
	@JsonValue
	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		if (this.payer.id() == null) {
			body.put("payer", this.payer);
		}
		if (this.pin != null) {
			body.put("pin", this.pin);
		}
		if (!this.fundsSources.isEmpty()) {
			body.put("funds_sources", this.fundsSources);
		}
		return body;
	}

	@Override
	public String toString() {
		return "Reservation[payer=" + this.payer + ", pin=" + ((this.pin != null) ? "******" : "none")
				+ ", fundsSources=" + this.fundsSources + "]";
	}

}
