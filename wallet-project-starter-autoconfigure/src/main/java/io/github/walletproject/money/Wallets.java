package io.github.walletproject.money;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Wallets of the Wallet API: the wallet, its balance and its statements, in the bound project.
 * A wallet is named by its id or by {@code me}, the wallet of the user whose access token
 * signs the call.
 *
 * <pre class="code">
 * &#64;WalletProject("shop")
 * Stream&lt;Statement&gt; todaysIncome(long walletId) {
 *     return wallets.allStatements(walletId, StatementFilter.all().from(startOfDay).direction(StatementDirection.IN));
 * }
 * </pre>
 *
 * The stream of {@link #allStatements(long, StatementFilter)} fetches its pages while it is
 * read, after {@code todaysIncome} has returned; every page still goes to {@code shop}, the
 * project bound when the stream was created.
 *
 * @see WalletTransactions for how calls are routed and fail
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface Wallets {

	/** The wallet of the user whose access token signs the call. */
	String ME = "me";

	/**
	 * {@code GET wallet/{id}}.
	 * @param walletId a wallet id, or {@value #ME}
	 * @return the wallet
	 */
	@GetExchange("wallet/{walletId}")
	Wallet get(@PathVariable("walletId") String walletId);

	/**
	 * {@code GET wallet/{id}}.
	 * @param walletId the wallet id
	 * @return the wallet
	 */
	default Wallet get(long walletId) {
		return get(Long.toString(walletId));
	}

	/**
	 * {@code GET wallet/me}: the wallet of the user whose access token signs the call.
	 * @return the wallet
	 */
	default Wallet me() {
		return get(ME);
	}

	/**
	 * {@code GET wallet/{id}/balance}.
	 * @param walletId a wallet id, or {@value #ME}
	 * @param convertTo a currency to convert the amounts to ({@code convert_to}), or {@code null}
	 * @return the balance per currency
	 */
	@GetExchange("wallet/{walletId}/balance")
	WalletBalance balance(@PathVariable("walletId") String walletId,
			@RequestParam(name = "convert_to", required = false) @Nullable String convertTo);

	/**
	 * {@code GET wallet/{id}/balance}.
	 * @param walletId the wallet id
	 * @return the balance per currency
	 */
	default WalletBalance balance(long walletId) {
		return balance(Long.toString(walletId), null);
	}

	/**
	 * {@code GET wallet/{id}/balance?convert_to=…}.
	 * @param walletId the wallet id
	 * @param convertTo the currency to convert the amounts to
	 * @return the balance per currency
	 */
	default WalletBalance balance(long walletId, String convertTo) {
		return balance(Long.toString(walletId), convertTo);
	}

	/**
	 * {@code GET wallet/{id}/statements}: one page of statements, newest first.
	 * @param walletId a wallet id, or {@value #ME}
	 * @param filter the filter and page
	 * @return the page
	 */
	@GetExchange("wallet/{walletId}/statements")
	StatementPage statements(@PathVariable("walletId") String walletId, StatementFilter filter);

	/**
	 * {@code GET wallet/{id}/statements}: one page of statements, newest first.
	 * @param walletId the wallet id
	 * @param filter the filter and page
	 * @return the page
	 */
	default StatementPage statements(long walletId, StatementFilter filter) {
		return statements(Long.toString(walletId), filter);
	}

	/**
	 * Every statement the filter selects, from its offset on, fetched page by page while the
	 * stream is read. Each page goes to the project bound when this method was called, even
	 * when the stream is read later or on another thread.
	 * @param walletId a wallet id, or {@value #ME}
	 * @param filter the filter; its limit is the page size (100 when not set)
	 * @return a lazy stream, newest first
	 */
	default Stream<Statement> allStatements(String walletId, StatementFilter filter) {
		long offset = (filter.offset() != null) ? filter.offset() : 0;
		int limit = (filter.limit() != null) ? filter.limit() : Pages.DEFAULT_STREAM_LIMIT;
		return Pages.stream("statements of wallet " + walletId, offset, limit,
				(pageOffset, pageLimit) -> statements(walletId, filter.offset(pageOffset).limit(pageLimit)));
	}

	/**
	 * Every statement the filter selects; see {@link #allStatements(String, StatementFilter)}.
	 * @param walletId the wallet id
	 * @param filter the filter; its limit is the page size (100 when not set)
	 * @return a lazy stream, newest first
	 */
	default Stream<Statement> allStatements(long walletId, StatementFilter filter) {
		return allStatements(Long.toString(walletId), filter);
	}

}
