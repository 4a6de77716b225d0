package io.github.walletproject.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two requests every benchmark works on, and the credentials that sign them.
 * <ul>
 * <li>{@code GET https://wallet.paysera.com/rest/v1/wallet/14471/balance?convert_to=EUR}
 * for project 1221: no body, {@code ext="project_id=1221"};</li>
 * <li>{@code POST https://wallet.paysera.com/rest/v1/transaction} with a ~300-byte JSON
 * body for project 1221 at location 77:
 * {@code ext="body_hash=…&project_id=1221&location_id=77"}.</li>
 * </ul>
 */
public final class Inputs {

	/** The Wallet API base URL. */
	public static final String BASE_URL = "https://wallet.paysera.com/rest/v1/";

	/** Public example MAC id of the Wallet API documentation. */
	public static final String MAC_ID = "wkVd93h2uS";

	/** Public example MAC key of the Wallet API documentation. */
	public static final String MAC_KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU";

	/** The project both requests are for. */
	public static final long PROJECT_ID = 1221;

	/** The balance request. */
	public static final URI GET_URI = URI.create(BASE_URL + "wallet/14471/balance?convert_to=EUR");

	/** The transaction request. */
	public static final URI POST_URI = URI.create(BASE_URL + "transaction");

	/** The transaction body: 311 bytes of JSON. */
	public static final byte[] POST_BODY = ("{\"payments\":[{\"description\":\"Order #20231 at Shop\","
			+ "\"price\":1299,\"currency\":\"EUR\",\"parameters\":{\"order_id\":\"20231\"}}],"
			+ "\"allowance\":{\"optional\":false,\"data\":{\"currency\":\"EUR\",\"limits\":[{\"max_price\":5000,"
			+ "\"time\":86400}]}},\"redirect_uri\":\"https://shop.example.com/o/20231\","
			+ "\"callback_uri\":\"https://shop.example.com/cb\"}")
		.getBytes(StandardCharsets.UTF_8);

	/** The routing parameters of the balance request, in signing order. */
	public static final Map<String, String> GET_EXT = ordered("project_id", "1221");

	/** The routing parameters of the transaction request, in signing order. */
	public static final Map<String, String> POST_EXT = ordered("project_id", "1221", "location_id", "77");

	/** The canned balance response. */
	public static final byte[] BALANCE_RESPONSE = ("{\"EUR\":{\"at_disposal\":2299,\"at_disposal_decimal\":\"22.99\","
			+ "\"reserved\":0,\"reserved_decimal\":\"0.00\"}}")
		.getBytes(StandardCharsets.UTF_8);

	/** The canned transaction response. */
	public static final byte[] TRANSACTION_RESPONSE = ("{\"transaction_key\":\"pDAlAZ3z\",\"created_at\":1700000000,"
			+ "\"status\":\"new\",\"project_id\":1221,\"location_id\":77,\"payments\":[{\"id\":2988,\"price\":1299,"
			+ "\"currency\":\"EUR\",\"description\":\"Order #20231 at Shop\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	private Inputs() {
	}

	private static Map<String, String> ordered(String... namesAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

}
