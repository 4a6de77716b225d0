package io.github.walletproject.money;

import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Which payments to find ({@code GET payments}), and which page. Every field is optional.
 *
 * <pre class="code">
 * PaymentFilter.all().status(PaymentStatus.CONFIRMED).wallet(14471).limit(50);
 * </pre>
 *
 * @param status only payments with this status, or {@code null}
 * @param walletId only payments paid from this wallet, or {@code null}
 * @param beneficiaryId only payments paid to this wallet, or {@code null}
 * @param limit the page size (1 to 200), or {@code null} for the API's default
 * @param offset how many payments to skip, or {@code null} for none
 */
public record PaymentFilter(@Nullable PaymentStatus status, @Nullable Long walletId, @Nullable Long beneficiaryId,
		@Nullable Integer limit, @Nullable Long offset) implements QueryParameters {

	/**
	 * Check the fields.
	 */
	public PaymentFilter {
		if (limit != null) {
			Pages.checkLimit(limit);
		}
		if (offset != null && offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, was " + offset);
		}
		if (status == PaymentStatus.UNKNOWN) {
			throw new IllegalArgumentException("Filter by a known PaymentStatus, not UNKNOWN");
		}
	}

	/**
	 * Every payment the project can see, the API's default page.
	 * @return the filter
	 */
	public static PaymentFilter all() {
		return new PaymentFilter(null, null, null, null, null);
	}

	/**
	 * Only payments with a status.
	 * @param status the status
	 * @return a copy
	 */
	public PaymentFilter status(PaymentStatus status) {
		return new PaymentFilter(status, this.walletId, this.beneficiaryId, this.limit, this.offset);
	}

	/**
	 * Only payments paid from a wallet.
	 * @param walletId the payer's wallet
	 * @return a copy
	 */
	public PaymentFilter wallet(long walletId) {
		return new PaymentFilter(this.status, walletId, this.beneficiaryId, this.limit, this.offset);
	}

	/**
	 * Only payments paid to a wallet.
	 * @param beneficiaryId the beneficiary's wallet
	 * @return a copy
	 */
	public PaymentFilter beneficiary(long beneficiaryId) {
		return new PaymentFilter(this.status, this.walletId, beneficiaryId, this.limit, this.offset);
	}

	/**
	 * The page size.
	 * @param limit 1 to 200
	 * @return a copy
	 */
	public PaymentFilter limit(int limit) {
		return new PaymentFilter(this.status, this.walletId, this.beneficiaryId, limit, this.offset);
	}

	/**
	 * How many payments to skip.
	 * @param offset the offset
	 * @return a copy
	 */
	public PaymentFilter offset(long offset) {
		return new PaymentFilter(this.status, this.walletId, this.beneficiaryId, this.limit, offset);
	}

	@Override
	public MultiValueMap<String, String> toQueryParameters() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (this.status != null) {
			query.add("status", this.status.wireValue());
		}
		if (this.walletId != null) {
			query.add("wallet", this.walletId.toString());
		}
		if (this.beneficiaryId != null) {
			query.add("beneficiary", this.beneficiaryId.toString());
		}
		if (this.limit != null) {
			query.add("limit", this.limit.toString());
		}
		if (this.offset != null) {
			query.add("offset", this.offset.toString());
		}
		return query;
	}

}
