package io.github.walletproject.sample.mode;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.walletproject.test.MockWalletApi;

/**
 * The embedded demo Wallet API: a {@link MockWalletApi} on a free loopback port (it checks
 * every request's MAC signature and project access like the real API does) seeded with a
 * small bookshop business that runs four projects, and the {@code paysera.wallet.*}
 * properties that point the starter at it.
 * <p>
 * The demo projects:
 * <ul>
 * <li>{@code shop} (1221): the online shop, EUR and USD; the default project;</li>
 * <li>{@code marketplace} (1222): signs with an API client of its own;</li>
 * <li>{@code subscriptions} (1224): EUR only;</li>
 * <li>{@code partner} (1223): configured, but the demo client has no access to it, so its
 * balance card shows the starter's access error while the others load.</li>
 * </ul>
 * The MAC keys are random for every start: nothing secret is written down.
 * <p>
 * The demo also plays a payer: a customer with wallet {@value #PAYER_WALLET_ID} who accepts
 * the transactions the dashboard creates ({@link #acceptAsPayer(String)}), as a real payer
 * would on Paysera's page. Only the demo can do that; no Wallet API call of the starter does.
 */
public final class DemoWalletApi implements AutoCloseable {

	/** MAC id of the demo's default API client. */
	public static final String MAC_ID = "demo-dashboard";

	/** MAC id of the marketplace's own API client. */
	public static final String MARKETPLACE_MAC_ID = "demo-marketplace";

	/** Project ids by alias, as configured in demo mode. */
	public static final Map<String, Long> PROJECTS = projects();

	/** The default project alias in demo mode. */
	public static final String DEFAULT_PROJECT = "shop";

	/** The wallet of the demo's simulated payer, who accepts the dashboard's transactions. */
	public static final long PAYER_WALLET_ID = 3301;

	private final MockWalletApi api;

	private final String macKey;

	private final String marketplaceMacKey;

	private DemoWalletApi(MockWalletApi api) {
		this.api = api;
		this.macKey = randomKey();
		this.marketplaceMacKey = randomKey();
		seed();
	}

	/**
	 * Start the demo API on a free loopback port.
	 * @return the running demo API
	 */
	public static DemoWalletApi start() {
		return new DemoWalletApi(MockWalletApi.start());
	}

	/**
	 * The running mock, for fixtures, fault injection and the request log.
	 * @return the mock
	 */
	public MockWalletApi api() {
		return this.api;
	}

	/**
	 * The base URL of the demo API.
	 * @return {@code http://127.0.0.1:<port>/rest/v1/}
	 */
	public String baseUrl() {
		return this.api.baseUrl();
	}

	/**
	 * The {@code paysera.wallet.*} properties that point the starter at this demo API.
	 * @return the properties
	 */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("paysera.wallet.base-url", this.api.baseUrl());
		properties.put("paysera.wallet.credentials.mac-id", MAC_ID);
		properties.put("paysera.wallet.credentials.mac-key", this.macKey);
		PROJECTS.forEach((alias, id) -> properties.put("paysera.wallet.projects." + alias + ".id", id));
		properties.put("paysera.wallet.projects.marketplace.credentials.mac-id", MARKETPLACE_MAC_ID);
		properties.put("paysera.wallet.projects.marketplace.credentials.mac-key", this.marketplaceMacKey);
		properties.put("paysera.wallet.default-project", DEFAULT_PROJECT);
		properties.put("paysera.wallet.access.source", "remote");
		// Paysera's callbacks: the demo API signs them with its own key and serves it at /publickey
		properties.put("paysera.wallet.callbacks.path", "/paysera/callbacks");
		return properties;
	}

	private void seed() {
		this.api.client(MAC_ID, this.macKey)
			.client(MARKETPLACE_MAC_ID, this.marketplaceMacKey)
			.clientInfo(MAC_ID, "Riverside Books dashboard (demo)", "app_client",
					List.of("projects", "balance", "transactions"))
			.clientInfo(MARKETPLACE_MAC_ID, "Makers' Market API client (demo)", "app_client",
					List.of("projects", "balance", "transactions"))
			// what each client may use: the default client cannot reach the partner's project 1223
			.userProjects(MAC_ID, 1221, 1224, 1225)
			.userProjects(MARKETPLACE_MAC_ID, 1222, 1230)
			.project(1221, "Riverside Books online shop", 2112L, "Books and gift cards sold online")
			.project(1222, "Makers' Market", 2113L, "Marketplace for local makers; signs with its own API client")
			.project(1223, "Harbour Kiosk (partner)", 2116L, "A partner's project the demo client may not use")
			.project(1224, "Coffee Club subscriptions", 2114L, "Monthly coffee subscriptions")
			.project(1225, "Summer pop-up store", 2117L, "Accessible, but not configured in the dashboard")
			.project(1230, "Makers' Market workshops", 2130L, "Workshop tickets")
			.balance(2112, "EUR", "1284.50", "35.00")
			.balance(2112, "USD", "312.00", "0.00")
			.balance(2113, "EUR", "9870.15", "240.00")
			.balance(2113, "USD", "1520.40", "85.00")
			.balance(2114, "EUR", "56.20", "0.00")
			.balance(2116, "EUR", "730.00", "0.00")
			.balance(2117, "EUR", "0.00", "0.00")
			.balance(2130, "EUR", "415.75", "12.00")
			// the simulated payer's own wallet (a customer, not one of the bookshop's projects)
			.wallet(PAYER_WALLET_ID, 3300, "EVP3300003301", "Jane Reader (simulated payer)");
		PROJECTS.forEach(this.api::alias);
	}

	/**
	 * Play the payer who accepts a transaction on Paysera's page: a {@code new} transaction
	 * becomes {@code reserved}, paid from wallet {@value #PAYER_WALLET_ID}.
	 * @param transactionKey the transaction
	 * @throws IllegalArgumentException when no such transaction was created
	 * @throws IllegalStateException when it is not {@code new}
	 */
	public void acceptAsPayer(String transactionKey) {
		this.api.acceptTransaction(transactionKey, PAYER_WALLET_ID);
	}

	@Override
	public void close() {
		this.api.close();
	}

	@Override
	public String toString() {
		return "DemoWalletApi[" + this.api.baseUrl() + "]";
	}

	private static Map<String, Long> projects() {
		Map<String, Long> projects = new LinkedHashMap<>();
		projects.put("shop", 1221L);
		projects.put("marketplace", 1222L);
		projects.put("subscriptions", 1224L);
		projects.put("partner", 1223L);
		return java.util.Collections.unmodifiableMap(projects);
	}

	private static String randomKey() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
