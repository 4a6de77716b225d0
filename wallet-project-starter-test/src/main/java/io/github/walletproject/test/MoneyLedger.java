package io.github.walletproject.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The money side of {@link MockWalletApi}: transactions, payments, allowances, statements,
 * wallets, users and project locations, with the state a real account has. A created
 * transaction is {@code new}; a payer accepts it ({@link MockWalletApi#acceptTransaction})
 * and it is {@code reserved}; the client confirms it ({@code confirmed}) or revokes it
 * ({@code revoked}); any other transition is refused with {@code 409 invalid_state}.
 * Transactions, payments, allowances and locations belong to the project they were created
 * for, and another project cannot see them ({@code 404 not_found}). Amounts travel in cents,
 * with {@code price_decimal} beside them where the API sends it. All methods are
 * synchronized: the mock serves requests on many threads.
 */
final class MoneyLedger {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 200;

	private static final Pattern TRANSACTION = Pattern.compile("transaction/([^/]+)");

	private static final Pattern CONFIRM = Pattern.compile("transaction/([^/]+)/confirm");

	private static final Pattern PAYMENT = Pattern.compile("payment/([0-9]+)");

	private static final Pattern RESERVE = Pattern.compile("transaction/([^/]+)/reserve(?:/([0-9]+))?");

	private static final Pattern FINALIZE = Pattern.compile("payment/([0-9]+)/finalize");

	private static final Pattern FREEZE = Pattern.compile("payment/([0-9]+)/freeze");

	private static final Pattern ACTIVE_ALLOWANCE = Pattern.compile("allowance/active/([0-9]+|me)");

	private static final Pattern ALLOWANCE_LIMIT = Pattern.compile("allowance/limit/([0-9]+)");

	private static final Pattern ALLOWANCE = Pattern.compile("allowance/([0-9]+)");

	private static final Pattern STATEMENTS = Pattern.compile("wallet/([0-9]+|me)/statements");

	private static final Pattern USER = Pattern.compile("user/([0-9]+|me)");

	private static final Pattern USER_WALLETS = Pattern.compile("user/([0-9]+|me)/wallets");

	private static final Pattern LOCATIONS = Pattern.compile("project/([0-9]+)/locations");

	private static final Pattern NEW_LOCATION = Pattern.compile("project/([0-9]+)/location");

	private static final Pattern LOCATION = Pattern.compile("location/([0-9]+)");

	private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final Set<String> CANCELLABLE_PAYMENT = Set.of("new", "waiting", "reserved");

	private static final Set<String> REVOCABLE_TRANSACTION = Set.of("new", "waiting", "reserved");

	private final LongSupplier now;

	private final Map<String, Map<String, Object>> transactions = new LinkedHashMap<>();

	private final Map<Long, Map<String, Object>> payments = new LinkedHashMap<>();

	private final Map<Long, Map<String, Object>> allowances = new LinkedHashMap<>();

	private final Map<Long, Map<String, Object>> locations = new LinkedHashMap<>();

	private final Map<Long, List<Map<String, Object>>> statements = new TreeMap<>();

	private final Map<Long, Map<String, Object>> wallets = new TreeMap<>();

	private final Map<Long, Map<String, Object>> users = new TreeMap<>();

	private final Map<String, Long> usersByMacId = new LinkedHashMap<>();

	private final Map<Long, String> pins = new LinkedHashMap<>();

	private long nextPaymentId = 2987;

	private long nextAllowanceId = 501;

	private long nextLocationId = 301;

	private long nextKey = 7_311_429;

	MoneyLedger(LongSupplier now) {
		this.now = now;
	}

	// ---- fixtures ---------------------------------------------------------------------------

	synchronized void wallet(long walletId, long ownerUserId, String accountNumber, String ownerDisplayName) {
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("number", accountNumber);
		account.put("owner_display_name", ownerDisplayName);
		account.put("owner_title", ownerDisplayName);
		account.put("type", "local");
		account.put("user_id", ownerUserId);
		account.put("ibans", List.of("LT" + String.format("%018d", walletId)));
		Map<String, Object> wallet = new LinkedHashMap<>();
		wallet.put("id", walletId);
		wallet.put("owner", ownerUserId);
		wallet.put("account", account);
		this.wallets.put(walletId, wallet);
	}

	synchronized void user(String macId, long userId, String email, long... walletIds) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", userId);
		user.put("email", email);
		user.put("phone", "3706" + String.format("%07d", userId % 10_000_000));
		user.put("display_name", email.substring(0, Math.max(1, email.indexOf('@'))));
		user.put("type", "natural");
		user.put("identification_level", "identified");
		List<Object> ids = new ArrayList<>();
		for (long walletId : walletIds) {
			ids.add(walletId);
			if (!this.wallets.containsKey(walletId)) {
				wallet(walletId, userId, "EVP" + String.format("%013d", walletId), (String) user.get("display_name"));
			}
		}
		user.put("wallets", ids);
		this.users.put(userId, user);
		if (macId != null) {
			this.usersByMacId.put(macId, userId);
		}
	}

	synchronized void statement(long walletId, long id, String amount, String currency, String direction,
			String details, long epochSecond) {
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("id", id);
		statement.put("amount", cents(new BigDecimal(amount)));
		statement.put("currency", currency);
		statement.put("date", epochSecond);
		statement.put("details", details);
		statement.put("direction", direction);
		statement.put("type", "transfer");
		statement.put("transfer_id", 900_000 + id);
		Map<String, Object> party = new LinkedHashMap<>();
		party.put("name", "in".equals(direction) ? "Customer " + id : "Supplier " + id);
		party.put("account_number", "EVP" + String.format("%013d", 100_000 + id));
		party.put("code", "3" + String.format("%010d", id));
		statement.put("other_party", party);
		List<Map<String, Object>> list = this.statements.computeIfAbsent(walletId, key -> new ArrayList<>());
		list.removeIf(existing -> existing.get("id").equals(id));
		list.add(statement);
		list.sort(Comparator.<Map<String, Object>>comparingLong(s -> (Long) s.get("date"))
			.thenComparingLong(s -> (Long) s.get("id"))
			.reversed());
	}

	synchronized void statements(long walletId, int count, String currency, long newestEpochSecond) {
		for (int i = 0; i < count; i++) {
			long id = walletId * 1000 + count - i;
			String direction = (i % 3 == 2) ? "out" : "in";
			BigDecimal amount = BigDecimal.valueOf(1000 + 137L * i, 2);
			statement(walletId, id, amount.toPlainString(), currency, direction,
					("in".equals(direction) ? "Order #" : "Refund #") + (5000 + i), newestEpochSecond - 3600L * i);
		}
	}

	/** Told of each change of a transaction's state: its new status, its JSON and its callback_uri. */
	interface TransactionListener {

		void changed(String status, String transactionJson, Object callbackUri);

	}

	private volatile TransactionListener transactionListener = (status, json, uri) -> {
	};

	void onTransactionChange(TransactionListener listener) {
		this.transactionListener = listener;
	}

	private void changed(Map<String, Object> transaction) {
		this.transactionListener.changed((String) transaction.get("status"), Json.write(transactionJson(transaction)),
				transaction.get("callback_uri"));
	}

	synchronized void acceptTransaction(String key, long payerWalletId) {
		Map<String, Object> transaction = this.transactions.get(key);
		if (transaction == null) {
			throw new IllegalArgumentException("No transaction '" + key + "' was created; created: "
					+ this.transactions.keySet());
		}
		if (!"new".equals(transaction.get("status"))) {
			throw new IllegalStateException("Transaction '" + key + "' is " + transaction.get("status")
					+ "; only a new transaction can be accepted by its payer");
		}
		reserve(transaction, payerWalletId);
	}

	/** The payer accepted: the transaction and its payments are reserved; its allowance is active. */
	private void reserve(Map<String, Object> transaction, long payerWalletId) {
		transaction.put("status", "reserved");
		transaction.put("wallet", payerWalletId);
		for (Map<String, Object> payment : transactionPayments(transaction)) {
			payment.put("status", "reserved");
			payment.put("wallet", payerWalletId);
		}
		Object allowanceId = transaction.get("allowance_id");
		if (allowanceId != null) {
			Map<String, Object> allowance = this.allowances.get((Long) allowanceId);
			allowance.put("status", "active");
			allowance.put("wallet", payerWalletId);
			allowance.put("confirmed_at", this.now.getAsLong());
		}
		changed(transaction);
	}

	synchronized void pin(long walletId, String pin) {
		this.pins.put(walletId, pin);
	}

	synchronized String transactionStatus(String key) {
		Map<String, Object> transaction = this.transactions.get(key);
		return (transaction != null) ? (String) transaction.get("status") : null;
	}

	synchronized List<String> transactionKeys() {
		return List.copyOf(this.transactions.keySet());
	}

	synchronized void reset() {
		this.transactions.clear();
		this.payments.clear();
		this.allowances.clear();
		this.locations.clear();
	}

	synchronized String resolveMe(String path, String macId) {
		if (!path.startsWith("wallet/me")) {
			return path;
		}
		Long userId = (macId != null) ? this.usersByMacId.get(macId) : null;
		Map<String, Object> user = (userId != null) ? this.users.get(userId) : null;
		List<?> ids = (user != null) ? (List<?>) user.get("wallets") : List.of();
		return ids.isEmpty() ? path : "wallet/" + ids.get(0) + path.substring("wallet/me".length());
	}

	synchronized Map<String, Object> walletJson(long walletId) {
		return this.wallets.get(walletId);
	}

	// ---- serving ----------------------------------------------------------------------------

	/**
	 * Answer a request if it is a money endpoint.
	 * @return the reply, or {@code null} when the path is not one of these endpoints
	 */
	synchronized Reply handle(ReceivedRequest request, String macId) {
		String method = request.method();
		String path = request.path();
		Long project = request.projectId();
		Matcher matcher;
		switch (method) {
			case "POST" -> {
				if (path.equals("transaction")) {
					return createTransaction(request, project);
				}
				if (path.equals("payment")) {
					return withBody(request, body -> ok(createPayment(asMap(body), project, null)));
				}
				if (path.equals("allowance")) {
					return withBody(request, body -> ok(createAllowance(asMap(body), project, null)));
				}
				if ((matcher = NEW_LOCATION.matcher(path)).matches()) {
					return createLocation(request, Long.parseLong(matcher.group(1)), project);
				}
			}
			case "PUT" -> {
				if ((matcher = CONFIRM.matcher(path)).matches()) {
					return confirmTransaction(request, matcher.group(1), project);
				}
				if ((matcher = RESERVE.matcher(path)).matches()) {
					return reserveTransaction(request, matcher.group(1), parseLong(matcher.group(2)), project);
				}
				if ((matcher = FINALIZE.matcher(path)).matches()) {
					return finalizePayment(request, Long.parseLong(matcher.group(1)), project);
				}
				if ((matcher = FREEZE.matcher(path)).matches()) {
					return freezePayment(request, Long.parseLong(matcher.group(1)), project);
				}
				if ((matcher = LOCATION.matcher(path)).matches()) {
					return updateLocation(request, Long.parseLong(matcher.group(1)), project);
				}
			}
			case "DELETE" -> {
				if ((matcher = TRANSACTION.matcher(path)).matches()) {
					return revokeTransaction(matcher.group(1), project);
				}
				if ((matcher = PAYMENT.matcher(path)).matches()) {
					return cancelPayment(Long.parseLong(matcher.group(1)), project);
				}
				if ((matcher = ALLOWANCE.matcher(path)).matches()) {
					return cancelAllowance(Long.parseLong(matcher.group(1)), project);
				}
				if ((matcher = ACTIVE_ALLOWANCE.matcher(path)).matches()) {
					Map<String, Object> active = activeAllowance(walletId(matcher.group(1), macId), project);
					return (active != null) ? cancelAllowance((Long) active.get("id"), project)
							: notFound("Wallet has no active allowance");
				}
			}
			case "GET" -> {
				if ((matcher = TRANSACTION.matcher(path)).matches()) {
					Map<String, Object> transaction = visible(this.transactions.get(matcher.group(1)), project);
					return (transaction != null) ? ok(transactionJson(transaction))
							: notFound("Transaction not found");
				}
				if ((matcher = PAYMENT.matcher(path)).matches()) {
					Map<String, Object> payment = visible(this.payments.get(Long.parseLong(matcher.group(1))), project);
					return (payment != null) ? ok(payment) : notFound("Payment not found");
				}
				if (path.equals("payments")) {
					return findPayments(request, project);
				}
				if (path.equals("transactions")) {
					return findTransactions(request, project);
				}
				if ((matcher = ACTIVE_ALLOWANCE.matcher(path)).matches()) {
					Map<String, Object> active = activeAllowance(walletId(matcher.group(1), macId), project);
					return (active != null) ? ok(active) : notFound("Wallet has no active allowance");
				}
				if ((matcher = ALLOWANCE_LIMIT.matcher(path)).matches()) {
					return allowanceLimit(request, Long.parseLong(matcher.group(1)), project);
				}
				if ((matcher = ALLOWANCE.matcher(path)).matches()) {
					Map<String, Object> allowance = visible(this.allowances.get(Long.parseLong(matcher.group(1))),
							project);
					return (allowance != null) ? ok(allowance) : notFound("Allowance not found");
				}
				if ((matcher = STATEMENTS.matcher(path)).matches()) {
					return statements(request, walletId(matcher.group(1), macId));
				}
				if (path.equals("wallet/me")) {
					Long walletId = walletId("me", macId);
					Map<String, Object> wallet = (walletId != null) ? this.wallets.get(walletId) : null;
					return (wallet != null) ? ok(wallet) : notFound("Wallet not found");
				}
				if ((matcher = USER_WALLETS.matcher(path)).matches()) {
					return userWallets(userId(matcher.group(1), macId));
				}
				if ((matcher = USER.matcher(path)).matches()) {
					Long userId = userId(matcher.group(1), macId);
					Map<String, Object> user = (userId != null) ? this.users.get(userId) : null;
					return (user != null) ? ok(user) : notFound("User not found");
				}
				if ((matcher = LOCATIONS.matcher(path)).matches()) {
					return listLocations(request, Long.parseLong(matcher.group(1)), project);
				}
			}
			default -> {
				return null;
			}
		}
		return null;
	}

	// ---- transactions -----------------------------------------------------------------------

	private Reply createTransaction(ReceivedRequest request, Long project) {
		return withBody(request, parsed -> {
			Map<String, Object> body = asMap(parsed);
			String key = nextKey();
			Map<String, Object> transaction = new LinkedHashMap<>();
			transaction.put("transaction_key", key);
			transaction.put("created_at", this.now.getAsLong());
			transaction.put("status", "new");
			transaction.put("type", "page");
			transaction.put("wallet", null);
			if (project != null) {
				transaction.put("project_id", project);
			}
			Object listed = body.get("payments");
			if (listed != null && !(listed instanceof List)) {
				throw new Refusal(400, "invalid_parameters", "payments must be a list");
			}
			// check everything first, so that a refused transaction leaves nothing behind
			List<Object> planned = new ArrayList<>();
			for (Object item : (listed != null) ? (List<?>) listed : List.of()) {
				if (item instanceof BigDecimal id) {
					Map<String, Object> existing = visible(this.payments.get(id.longValueExact()), project);
					if (existing == null || existing.get("transaction_key") != null) {
						throw new Refusal(400, "invalid_parameters",
								"Payment " + id + " does not exist or already belongs to a transaction");
					}
					planned.add(existing);
				}
				else {
					planned.add(paymentFrom(asMap(item), project, key));
				}
			}
			Object allowance = body.get("allowance");
			Map<String, Object> allowanceData = null;
			if (allowance instanceof Map<?, ?> spec) {
				if (spec.get("data") instanceof Map<?, ?> created) {
					allowanceData = allowanceFrom(asMap(created), project, key);
				}
				else if (spec.get("id") instanceof BigDecimal id) {
					allowanceData = visible(this.allowances.get(id.longValueExact()), project);
					if (allowanceData == null) {
						throw new Refusal(400, "invalid_parameters", "Allowance " + id + " does not exist");
					}
				}
				else {
					throw new Refusal(400, "invalid_parameters", "allowance needs data or id");
				}
			}
			else if (allowance != null) {
				throw new Refusal(400, "invalid_parameters", "allowance must be an object");
			}
			List<Object> paymentIds = new ArrayList<>();
			for (Object payment : planned) {
				@SuppressWarnings("unchecked")
				Map<String, Object> fields = (Map<String, Object>) payment;
				if (fields.containsKey("id")) {
					fields.put("transaction_key", key);
					paymentIds.add(fields.get("id"));
				}
				else {
					paymentIds.add(store(fields).get("id"));
				}
			}
			transaction.put("payment_ids", paymentIds);
			if (allowanceData != null) {
				if (!allowanceData.containsKey("id")) {
					allowanceData = storeAllowance(allowanceData);
				}
				transaction.put("allowance_id", allowanceData.get("id"));
				transaction.put("allowance_optional", Boolean.TRUE.equals(((Map<?, ?>) allowance).get("optional")));
			}
			for (String flag : List.of("use_allowance", "suggest_allowance", "auto_confirm")) {
				transaction.put(flag, Boolean.TRUE.equals(body.get(flag)));
			}
			for (String field : List.of("redirect_uri", "callback_uri", "reserve_for", "reserve_until")) {
				if (body.containsKey(field)) {
					transaction.put(field, body.get(field));
				}
			}
			this.transactions.put(key, transaction);
			return ok(transactionJson(transaction));
		});
	}

	private Reply confirmTransaction(ReceivedRequest request, String key, Long project) {
		Map<String, Object> transaction = visible(this.transactions.get(key), project);
		if (transaction == null) {
			return notFound("Transaction not found");
		}
		Object parsed = (request.body().length == 0) ? Map.of() : parse(request);
		if (parsed instanceof Reply refused) {
			return refused;
		}
		if (!"reserved".equals(transaction.get("status"))) {
			return error(409, "invalid_state", "Transaction is " + transaction.get("status")
					+ "; only a reserved transaction can be confirmed");
		}
		Map<Long, Long> finalPrices = new LinkedHashMap<>();
		if (parsed instanceof Map<?, ?> prices) {
			for (Map.Entry<?, ?> entry : prices.entrySet()) {
				Long paymentId = parseLong(String.valueOf(entry.getKey()));
				Map<String, Object> payment = (paymentId != null) ? this.payments.get(paymentId) : null;
				if (payment == null || !key.equals(payment.get("transaction_key"))) {
					return error(400, "invalid_parameters", "Payment " + entry.getKey() + " is not in transaction " + key);
				}
				if (!(entry.getValue() instanceof Map<?, ?> price)) {
					return error(400, "invalid_parameters", "The final price of payment " + paymentId + " is not an object");
				}
				long cents;
				try {
					cents = amountInCents(asMap(price), "price");
				}
				catch (Refusal refusal) {
					return refusal.reply();
				}
				if (!payment.get("currency").equals(price.get("currency"))) {
					return error(400, "invalid_parameters", "The final price of payment " + paymentId + " must be in "
							+ payment.get("currency"));
				}
				if (cents > (Long) payment.get("price")) {
					return error(400, "invalid_parameters",
							"The final price of payment " + paymentId + " cannot exceed the reserved price",
							Map.of(paymentId + ".price", "cannot exceed the reserved price"));
				}
				finalPrices.put(paymentId, cents);
			}
		}
		else if (!(parsed instanceof List<?> list && list.isEmpty())) {
			return error(400, "invalid_parameters", "Final prices must be an object keyed by payment id");
		}
		long at = this.now.getAsLong();
		transaction.put("status", "confirmed");
		transaction.put("confirmed_at", at);
		for (Map<String, Object> payment : transactionPayments(transaction)) {
			Long price = finalPrices.get((Long) payment.get("id"));
			if (price != null) {
				setPrice(payment, price);
			}
			payment.put("status", "confirmed");
			payment.put("confirmed_at", at);
		}
		changed(transaction);
		return ok(transactionJson(transaction));
	}

	private Reply revokeTransaction(String key, Long project) {
		Map<String, Object> transaction = visible(this.transactions.get(key), project);
		if (transaction == null) {
			return notFound("Transaction not found");
		}
		if (!REVOCABLE_TRANSACTION.contains(transaction.get("status"))) {
			return error(409, "invalid_state", "Transaction is " + transaction.get("status") + " and cannot be revoked");
		}
		transaction.put("status", "revoked");
		for (Map<String, Object> payment : transactionPayments(transaction)) {
			payment.put("status", "revoked");
		}
		changed(transaction);
		return ok(transactionJson(transaction));
	}

	private Map<String, Object> transactionJson(Map<String, Object> transaction) {
		Map<String, Object> json = new LinkedHashMap<>(transaction);
		json.remove("payment_ids");
		json.remove("allowance_id");
		json.remove("allowance_optional");
		json.remove("reserve_for");
		json.remove("reserve_until");
		if (transaction.containsKey("reserve_for") || transaction.containsKey("reserve_until")) {
			Map<String, Object> reserve = new LinkedHashMap<>();
			reserve.put("for", transaction.get("reserve_for"));
			reserve.put("until", transaction.get("reserve_until"));
			reserve.values().removeIf(java.util.Objects::isNull);
			json.put("reserve", reserve);
		}
		json.put("payments", transactionPayments(transaction));
		Object allowanceId = transaction.get("allowance_id");
		if (allowanceId != null) {
			Map<String, Object> allowance = new LinkedHashMap<>();
			allowance.put("data", this.allowances.get((Long) allowanceId));
			allowance.put("optional", transaction.get("allowance_optional"));
			json.put("allowance", allowance);
		}
		return json;
	}

	private List<Map<String, Object>> transactionPayments(Map<String, Object> transaction) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Object id : (List<?>) transaction.get("payment_ids")) {
			list.add(this.payments.get((Long) id));
		}
		return list;
	}

	private Reply reserveTransaction(ReceivedRequest request, String key, Long payerInPath, Long project) {
		Map<String, Object> transaction = visible(this.transactions.get(key), project);
		if (transaction == null) {
			return notFound("Transaction not found");
		}
		return withBody(request, parsed -> {
			Map<String, Object> body = asMap(parsed);
			Long payer = payerInPath;
			if (payer == null) {
				payer = payerWallet(body.get("payer"));
			}
			else if (body.containsKey("payer")) {
				throw new Refusal(400, "invalid_parameters", "payer is in the path; do not send it in the body too");
			}
			if (body.containsKey("funds_sources") && !(body.get("funds_sources") instanceof List<?>)) {
				throw new Refusal(400, "invalid_parameters", "funds_sources must be a list");
			}
			if (!"new".equals(transaction.get("status"))) {
				throw new Refusal(409, "invalid_state",
						"Transaction is " + transaction.get("status") + "; only a new transaction can be reserved");
			}
			Object pin = body.get("pin");
			if (pin != null) {
				if (!(pin instanceof String text) || !text.equals(this.pins.get(payer))) {
					return error(400, "invalid_parameters", "Wrong PIN", Map.of("pin", "is wrong"));
				}
			}
			else {
				Map<String, Object> allowance = activeAllowance(payer, project);
				if (allowance == null) {
					throw new Refusal(409, "invalid_state", "The payer has no active allowance for this project");
				}
				long total = 0;
				for (Map<String, Object> payment : transactionPayments(transaction)) {
					total += (Long) payment.get("price");
				}
				Object max = allowance.get("max_price");
				long used = (allowance.get("used") instanceof Long u) ? u : 0;
				if (max instanceof Long maxPrice && used + total > maxPrice) {
					throw new Refusal(409, "invalid_state", "The payer's allowance does not cover this transaction");
				}
				allowance.put("used", used + total);
			}
			reserve(transaction, payer);
			return ok(transactionJson(transaction));
		});
	}

	private Long payerWallet(Object payer) {
		if (!(payer instanceof Map<?, ?> fields)) {
			throw new Refusal(400, "invalid_parameters", "payer is required (id, email or phone)");
		}
		if (fields.get("id") instanceof BigDecimal id) {
			return id.longValueExact();
		}
		Object email = fields.get("email");
		for (Map<String, Object> user : this.users.values()) {
			if (email != null && email.equals(user.get("email")) && user.get("wallets") instanceof List<?> ids
					&& !ids.isEmpty()) {
				return ((Number) ids.get(0)).longValue();
			}
		}
		throw new Refusal(404, "not_found", "Payer not found");
	}

	private Map<String, Object> activeAllowance(Long walletId, Long project) {
		if (walletId == null) {
			return null;
		}
		for (Map<String, Object> allowance : this.allowances.values()) {
			if ("active".equals(allowance.get("status")) && walletId.equals(allowance.get("wallet"))
					&& visible(allowance, project) != null) {
				return allowance;
			}
		}
		return null;
	}

	private Reply allowanceLimit(ReceivedRequest request, long walletId, Long project) {
		String currency = first(request.queryParameters(), "currency");
		if (currency == null) {
			return error(400, "invalid_parameters", "currency is required", Map.of("currency", "is required"));
		}
		Map<String, Object> allowance = activeAllowance(walletId, project);
		if (allowance == null) {
			return notFound("Wallet has no active allowance");
		}
		if (!currency.equals(allowance.get("currency"))) {
			return error(400, "invalid_parameters", "The allowance is in " + allowance.get("currency"),
					Map.of("currency", "differs from the allowance's"));
		}
		long used = (allowance.get("used") instanceof Long u) ? u : 0;
		long left = (allowance.get("max_price") instanceof Long max) ? Math.max(0, max - used) : 0;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("amount", left);
		json.put("currency", currency);
		return ok(json);
	}

	private Reply findTransactions(ReceivedRequest request, Long project) {
		Map<String, List<String>> query = request.queryParameters();
		Paging paging;
		try {
			paging = Paging.of(query);
		}
		catch (Refusal refusal) {
			return refusal.reply();
		}
		String status = first(query, "status");
		Long location = parseLong(first(query, "location_id"));
		Long from = parseLong(first(query, "from"));
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> transaction : this.transactions.values()) {
			if (visible(transaction, project) == null || (status != null && !status.equals(transaction.get("status")))
					|| (location != null && !location.equals(transaction.get("location_id")))
					|| (from != null && ((Long) transaction.get("created_at")) < from)) {
				continue;
			}
			matching.add(transactionJson(transaction));
		}
		return ok(paging.page("transactions", matching));
	}

	private Reply finalizePayment(ReceivedRequest request, long id, Long project) {
		Map<String, Object> payment = visible(this.payments.get(id), project);
		if (payment == null) {
			return notFound("Payment not found");
		}
		Object parsed = (request.body().length == 0) ? Map.of() : parse(request);
		if (parsed instanceof Reply refused) {
			return refused;
		}
		if (!"confirmed".equals(payment.get("status"))) {
			return error(409, "invalid_state",
					"Payment is " + payment.get("status") + "; only a confirmed payment can be finalized");
		}
		Map<String, Object> body = asMap(parsed);
		if (!body.isEmpty()) {
			long cents;
			try {
				cents = amountInCents(body, "price");
			}
			catch (Refusal refusal) {
				return refusal.reply();
			}
			if (!payment.get("currency").equals(body.get("currency"))) {
				return error(400, "invalid_parameters", "The final price must be in " + payment.get("currency"),
						Map.of("currency", "differs from the payment's"));
			}
			if (cents > (Long) payment.get("price")) {
				return error(400, "invalid_parameters", "The final price cannot exceed the payment's price",
						Map.of("price", "cannot exceed the payment's price"));
			}
			setPrice(payment, cents);
		}
		payment.put("status", "done");
		return ok(payment);
	}

	private Reply freezePayment(ReceivedRequest request, long id, Long project) {
		Map<String, Object> payment = visible(this.payments.get(id), project);
		if (payment == null) {
			return notFound("Payment not found");
		}
		return withBody(request, parsed -> {
			Object until = asMap(parsed).get("freeze_until");
			if (!(until instanceof BigDecimal seconds) || seconds.scale() > 0) {
				return error(400, "invalid_parameters", "freeze_until must be Unix seconds",
						Map.of("freeze_until", "must be Unix seconds"));
			}
			if (seconds.longValueExact() <= this.now.getAsLong()) {
				return error(400, "invalid_parameters", "freeze_until must be in the future",
						Map.of("freeze_until", "must be in the future"));
			}
			if (!"reserved".equals(payment.get("status")) && !"confirmed".equals(payment.get("status"))) {
				return error(409, "invalid_state", "Payment is " + payment.get("status") + " and cannot be frozen");
			}
			payment.put("freeze_until", seconds.longValueExact());
			return ok(payment);
		});
	}

	// ---- payments ---------------------------------------------------------------------------

	private Map<String, Object> createPayment(Map<String, Object> body, Long project, String transactionKey) {
		return store(paymentFrom(body, project, transactionKey));
	}

	private Map<String, Object> store(Map<String, Object> payment) {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("id", this.nextPaymentId++);
		stored.putAll(payment);
		this.payments.put((Long) stored.get("id"), stored);
		return stored;
	}

	/**
	 * Check a payment as the API does and build it, without an id and without storing it.
	 */
	private Map<String, Object> paymentFrom(Map<String, Object> body, Long project, String transactionKey) {
		boolean hasItems = body.get("items") instanceof List<?> items && !items.isEmpty();
		boolean hasPrice = body.containsKey("price") || body.containsKey("price_decimal");
		if (!hasItems && !(hasPrice && body.get("description") instanceof String)) {
			throw new Refusal(400, "invalid_parameters", "A payment needs a description and a price, or items");
		}
		String currency = (body.containsKey("currency") || !hasItems) ? currency(body.get("currency"), "currency")
				: null;
		long price;
		if (hasPrice) {
			price = amountInCents(body, "price");
		}
		else {
			price = 0;
			for (Object item : (List<?>) body.get("items")) {
				Map<String, Object> fields = asMap(item);
				long quantity = (fields.get("quantity") instanceof BigDecimal q) ? q.longValueExact() : 1;
				price += (fields.containsKey("total_price") || fields.containsKey("total_price_decimal"))
						? amountInCents(fields, "total_price")
						: amountInCents(fields, "price") * quantity;
				String itemCurrency = currency(fields.get("currency"), "items[].currency");
				if (currency != null && !currency.equals(itemCurrency)) {
					throw new Refusal(400, "invalid_parameters", "All items of a payment must be in one currency");
				}
				currency = itemCurrency;
			}
		}
		Map<String, Object> payment = new LinkedHashMap<>();
		payment.put("transaction_key", transactionKey);
		payment.put("created_at", this.now.getAsLong());
		payment.put("status", "new");
		payment.put("currency", currency);
		setPrice(payment, price);
		if (body.containsKey("cashback") || body.containsKey("cashback_decimal")) {
			long cashback = amountInCents(body, "cashback");
			payment.put("cashback", cashback);
			payment.put("cashback_decimal", BigDecimal.valueOf(cashback, 2).toPlainString());
		}
		for (String field : List.of("description", "items", "beneficiary", "parameters", "freeze_for", "purpose")) {
			if (body.containsKey(field)) {
				payment.put(field, body.get(field));
			}
		}
		if (project != null) {
			payment.put("project_id", project);
		}
		return payment;
	}

	private Reply cancelPayment(long id, Long project) {
		Map<String, Object> payment = visible(this.payments.get(id), project);
		if (payment == null) {
			return notFound("Payment not found");
		}
		if (!CANCELLABLE_PAYMENT.contains(payment.get("status"))) {
			return error(409, "invalid_state", "Payment is " + payment.get("status") + " and cannot be canceled");
		}
		payment.put("status", "canceled");
		return ok(payment);
	}

	private Reply findPayments(ReceivedRequest request, Long project) {
		Map<String, List<String>> query = request.queryParameters();
		Paging paging;
		try {
			paging = Paging.of(query);
		}
		catch (Refusal refusal) {
			return refusal.reply();
		}
		Set<String> statuses = query.containsKey("status") ? Set.of(first(query, "status").split(",")) : null;
		Long wallet = parseLong(first(query, "wallet"));
		Long beneficiary = parseLong(first(query, "beneficiary"));
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> payment : this.payments.values()) {
			if (visible(payment, project) == null || (statuses != null && !statuses.contains(payment.get("status")))
					|| (wallet != null && !wallet.equals(payment.get("wallet")))
					|| (beneficiary != null && !(payment.get("beneficiary") instanceof Map<?, ?> b
							&& b.get("id") instanceof BigDecimal id && id.longValue() == beneficiary))) {
				continue;
			}
			matching.add(payment);
		}
		return ok(paging.page("payments", matching));
	}

	private void setPrice(Map<String, Object> payment, long cents) {
		payment.put("price", cents);
		payment.put("price_decimal", BigDecimal.valueOf(cents, 2).toPlainString());
	}

	// ---- allowances -------------------------------------------------------------------------

	private Map<String, Object> createAllowance(Map<String, Object> body, Long project, String transactionKey) {
		return storeAllowance(allowanceFrom(body, project, transactionKey));
	}

	private Map<String, Object> storeAllowance(Map<String, Object> allowance) {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("id", this.nextAllowanceId++);
		stored.putAll(allowance);
		this.allowances.put((Long) stored.get("id"), stored);
		return stored;
	}

	private Map<String, Object> allowanceFrom(Map<String, Object> body, Long project, String transactionKey) {
		boolean hasLimits = body.get("limits") instanceof List<?> limits && !limits.isEmpty();
		if (!body.containsKey("max_price") && !hasLimits) {
			throw new Refusal(400, "invalid_parameters", "An allowance needs max_price or limits");
		}
		if (body.containsKey("valid_for") && body.containsKey("valid_until")) {
			throw new Refusal(400, "invalid_parameters", "Only one of valid_for and valid_until may be given");
		}
		Map<String, Object> allowance = new LinkedHashMap<>();
		allowance.put("transaction_key", transactionKey);
		allowance.put("created_at", this.now.getAsLong());
		allowance.put("status", "new");
		allowance.put("currency", currency(body.get("currency"), "currency"));
		if (body.containsKey("max_price")) {
			allowance.put("max_price", amountInCents(body, "max_price"));
		}
		for (String field : List.of("description", "valid_for", "valid_until", "limits")) {
			if (body.containsKey(field)) {
				allowance.put(field, body.get(field));
			}
		}
		if (project != null) {
			allowance.put("project_id", project);
		}
		return allowance;
	}

	private Reply cancelAllowance(long id, Long project) {
		Map<String, Object> allowance = visible(this.allowances.get(id), project);
		if (allowance == null) {
			return notFound("Allowance not found");
		}
		if ("deleted".equals(allowance.get("status"))) {
			return error(409, "invalid_state", "Allowance is already canceled");
		}
		allowance.put("status", "deleted");
		return ok(allowance);
	}

	// ---- wallets and users ------------------------------------------------------------------

	private Reply statements(ReceivedRequest request, Long walletId) {
		if (walletId == null || (!this.statements.containsKey(walletId) && !this.wallets.containsKey(walletId))) {
			return notFound("Wallet not found");
		}
		Map<String, List<String>> query = request.queryParameters();
		Paging paging;
		try {
			paging = Paging.of(query);
		}
		catch (Refusal refusal) {
			return refusal.reply();
		}
		Set<String> currencies = query.containsKey("currency") ? Set.of(first(query, "currency").split(",")) : null;
		Long from = parseLong(first(query, "from"));
		Long to = parseLong(first(query, "to"));
		String direction = first(query, "direction");
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> statement : this.statements.getOrDefault(walletId, List.of())) {
			long date = (Long) statement.get("date");
			if ((currencies != null && !currencies.contains(statement.get("currency")))
					|| (from != null && date < from) || (to != null && date > to)
					|| (direction != null && !direction.equals(statement.get("direction")))) {
				continue;
			}
			matching.add(statement);
		}
		return ok(paging.page("statements", matching));
	}

	private Reply userWallets(Long userId) {
		Map<String, Object> user = (userId != null) ? this.users.get(userId) : null;
		if (user == null) {
			return notFound("User not found");
		}
		List<Object> list = new ArrayList<>();
		for (Object id : (List<?>) user.get("wallets")) {
			list.add(this.wallets.get((Long) id));
		}
		return new Reply(200, Json.write(list));
	}

	private Long walletId(String value, String macId) {
		if (!"me".equals(value)) {
			return Long.parseLong(value);
		}
		Long userId = userId("me", macId);
		Map<String, Object> user = (userId != null) ? this.users.get(userId) : null;
		List<?> ids = (user != null) ? (List<?>) user.get("wallets") : List.of();
		return ids.isEmpty() ? null : (Long) ids.get(0);
	}

	private Long userId(String value, String macId) {
		if (!"me".equals(value)) {
			return Long.parseLong(value);
		}
		return (macId != null) ? this.usersByMacId.get(macId) : null;
	}

	// ---- locations --------------------------------------------------------------------------

	private Reply listLocations(ReceivedRequest request, long projectId, Long project) {
		if (project != null && project != projectId) {
			return error(403, "forbidden", "Request is for project " + project + ", path names project " + projectId);
		}
		Paging paging;
		try {
			paging = Paging.of(request.queryParameters());
		}
		catch (Refusal refusal) {
			return refusal.reply();
		}
		String status = first(request.queryParameters(), "status");
		List<Object> matching = new ArrayList<>();
		for (Map<String, Object> location : this.locations.values()) {
			if (location.get("project_id").equals(projectId)
					&& (status == null || Arrays.asList(status.split(",")).contains(location.get("status")))) {
				matching.add(location);
			}
		}
		int from = (int) Math.min(paging.offset(), matching.size());
		int to = (int) Math.min(from + (long) paging.limit(), matching.size());
		return new Reply(200, Json.write(matching.subList(from, to)));
	}

	private Reply createLocation(ReceivedRequest request, long projectId, Long project) {
		if (project != null && project != projectId) {
			return error(403, "forbidden", "Request is for project " + project + ", path names project " + projectId);
		}
		return withBody(request, parsed -> {
			Map<String, Object> body = asMap(parsed);
			if (!(body.get("title") instanceof String title) || title.isBlank()) {
				throw new Refusal(400, "invalid_parameters", "A location needs a title");
			}
			Map<String, Object> location = new LinkedHashMap<>();
			location.put("id", this.nextLocationId++);
			location.put("project_id", projectId);
			location.put("status", "active");
			location.put("radius", BigDecimal.ZERO);
			location.put("public", Boolean.FALSE);
			copyLocationFields(body, location);
			this.locations.put((Long) location.get("id"), location);
			return ok(location);
		});
	}

	private Reply updateLocation(ReceivedRequest request, long id, Long project) {
		Map<String, Object> location = this.locations.get(id);
		if (location == null) {
			return notFound("Location not found");
		}
		if (project != null && !location.get("project_id").equals(project)) {
			return error(403, "forbidden", "Location " + id + " belongs to another project");
		}
		return withBody(request, parsed -> {
			copyLocationFields(asMap(parsed), location);
			return ok(location);
		});
	}

	private static void copyLocationFields(Map<String, Object> body, Map<String, Object> location) {
		for (String field : List.of("title", "description", "address", "lat", "lng", "radius", "working_hours",
				"prices", "status", "services", "public")) {
			if (body.get(field) != null) {
				location.put(field, body.get(field));
			}
		}
	}

	// ---- helpers ----------------------------------------------------------------------------

	private static Map<String, Object> visible(Map<String, Object> entity, Long project) {
		if (entity == null) {
			return null;
		}
		Object owner = entity.get("project_id");
		return (owner == null || project == null || owner.equals(project)) ? entity : null;
	}

	private static long amountInCents(Map<String, Object> fields, String name) {
		Object cents = fields.get(name);
		Object decimal = fields.get(name + "_decimal");
		Long fromCents = null;
		if (cents != null) {
			if (!(cents instanceof BigDecimal number) || number.stripTrailingZeros().scale() > 0) {
				throw new Refusal(400, "invalid_parameters", name + " must be an integer number of cents");
			}
			fromCents = number.longValueExact();
		}
		Long fromDecimal = null;
		if (decimal != null) {
			if (!(decimal instanceof String text) || !text.matches("-?[0-9]+(\\.[0-9]{1,2})?")) {
				throw new Refusal(400, "invalid_parameters", name + "_decimal must be a decimal string");
			}
			fromDecimal = cents(new BigDecimal(text));
		}
		if (fromCents == null && fromDecimal == null) {
			throw new Refusal(400, "invalid_parameters", name + " is required");
		}
		if (fromCents != null && fromDecimal != null && !fromCents.equals(fromDecimal)) {
			throw new Refusal(400, "invalid_parameters", name + " and " + name + "_decimal disagree");
		}
		return (fromCents != null) ? fromCents : fromDecimal;
	}

	private static long cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
	}

	private static String currency(Object value, String field) {
		if (!(value instanceof String code) || !code.matches("[A-Z]{3}")) {
			throw new Refusal(400, "invalid_parameters", field + " must be a three-letter currency code");
		}
		return code;
	}

	private static String first(Map<String, List<String>> query, String name) {
		List<String> values = query.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static Long parseLong(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new Refusal(400, "invalid_request", "Expected a JSON object");
		}
		return (Map<String, Object>) map;
	}

	private String nextKey() {
		long value = this.nextKey++ * 2_654_435_761L;
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			key.append(KEY_ALPHABET.charAt((int) Math.floorMod(value, (long) KEY_ALPHABET.length())));
			value /= KEY_ALPHABET.length();
		}
		return key.toString();
	}

	private static Object parse(ReceivedRequest request) {
		try {
			return request.bodyJson();
		}
		catch (IllegalStateException ex) {
			return error(400, "invalid_request", "Request body is not valid JSON");
		}
	}

	private static Reply withBody(ReceivedRequest request, java.util.function.Function<Object, Reply> action) {
		Object parsed = parse(request);
		if (parsed instanceof Reply refused) {
			return refused;
		}
		try {
			return action.apply(parsed);
		}
		catch (Refusal refusal) {
			return refusal.reply();
		}
		catch (ArithmeticException ex) {
			return error(400, "invalid_parameters", "A number is out of range");
		}
	}

	private static Reply ok(Object json) {
		return new Reply(200, Json.write(json));
	}

	private static Reply notFound(String description) {
		return error(404, "not_found", description);
	}

	static Reply error(int status, String code, String description) {
		return new Reply(status, Fault.error(status, code, description).body());
	}

	/** An error with {@code error_properties} naming the fields at fault. */
	static Reply error(int status, String code, String description, Map<String, Object> properties) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("error", code);
		json.put("error_description", description);
		json.put("error_properties", properties);
		return new Reply(status, Json.write(json));
	}

	/**
	 * An answer of the money endpoints.
	 * @param status the HTTP status
	 * @param body the JSON body
	 */
	record Reply(int status, String body) {
	}

	/**
	 * {@code limit} and {@code offset} of a listing, checked as the API checks them.
	 */
	private record Paging(long offset, int limit) {

		static Paging of(Map<String, List<String>> query) {
			String limitText = first(query, "limit");
			String offsetText = first(query, "offset");
			Long limit = (limitText != null) ? parseLong(limitText) : Long.valueOf(DEFAULT_LIMIT);
			Long offset = (offsetText != null) ? parseLong(offsetText) : Long.valueOf(0);
			if (limit == null || limit < 1 || limit > MAX_LIMIT) {
				throw new Refusal(400, "invalid_parameters", "limit must be between 1 and " + MAX_LIMIT);
			}
			if (offset == null || offset < 0) {
				throw new Refusal(400, "invalid_parameters", "offset must not be negative");
			}
			return new Paging(offset, limit.intValue());
		}

		Map<String, Object> page(String name, List<Map<String, Object>> all) {
			int from = (int) Math.min(this.offset, all.size());
			int to = (int) Math.min(from + (long) this.limit, all.size());
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("total", all.size());
			metadata.put("offset", this.offset);
			metadata.put("limit", this.limit);
			Map<String, Object> page = new LinkedHashMap<>();
			page.put(name, new ArrayList<>(all.subList(from, to)));
			page.put("_metadata", metadata);
			return page;
		}

	}

	/**
	 * A request the API refuses, thrown from deep inside a handler.
	 */
	private static final class Refusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int status;

		private final String code;

		Refusal(int status, String code, String description) {
			super(description, null, false, false);
			this.status = status;
			this.code = code.toLowerCase(Locale.ROOT);
		}

		Reply reply() {
			return error(this.status, this.code, getMessage());
		}

	}

}
