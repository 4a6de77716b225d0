package io.github.walletproject.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A Paysera Wallet API stand-in for tests, on a free loopback port. It verifies every
 * request's MAC with the registered keys (and refuses bad ones the way Paysera does, with a
 * Paysera-shaped {@code 401}), refuses reused nonces and timestamps outside its window
 * ({@code invalid_timestamp}), records which project each request was for, serves the
 * fixtures a test sets up, and injects faults on demand.
 *
 * <pre class="code">
 * try (MockWalletApi api = MockWalletApi.start()) {
 *     api.client("my-id", "my-key").project(1221, "Shop", 2112).balance(2112, "EUR", "22.99", "0.00");
 *     // point paysera.wallet.base-url at api.baseUrl() …
 *     MockWalletApiAssert.assertThat(api).received(1).requestsForProject(1221);
 * }
 * </pre>
 *
 * It also keeps the state of the money endpoints (transactions, payments, allowances,
 * statements, wallets, users, project locations): a created transaction is {@code new}, a
 * payer accepts it ({@link #acceptTransaction(String, long)}), and then it can be confirmed or
 * revoked; listings come in pages ({@code limit}/{@code offset} with {@code _metadata}).
 * Objects created for one project are invisible to another ({@code 404 not_found}).
 *
 * It speaks plain HTTP, or HTTPS with client certificates ({@link #startHttps(SSLContext)}) for
 * client-certificate mode; {@link #acceptUnsignedRequests(boolean)} accepts requests that carry
 * {@code Wallet-Api-*} headers and no MAC over plain HTTP too.
 */
public final class MockWalletApi implements AutoCloseable {

	/** Request header a test may set to say which project it meant; see {@link #misroutedRequests()}. */
	public static final String EXPECTED_PROJECT_HEADER = "X-Expected-Project";

	private static final Pattern PROJECT = Pattern.compile("project/([0-9]+)");

	private static final Pattern USER_PROJECTS = Pattern.compile("user/([^/]+)/projects");

	private static final Pattern BALANCE = Pattern.compile("wallet/([0-9]+)/balance");

	private static final Pattern WALLET = Pattern.compile("wallet/([0-9]+)");

	private final HttpServer server;

	private final ExecutorService executor;

	private final String basePath;

	private final Map<String, String> keys = new ConcurrentHashMap<>();

	private final Map<Long, String> projects = new ConcurrentHashMap<>();

	private final Map<String, List<Long>> userProjects = new ConcurrentHashMap<>();

	private final Map<String, String> clients = new ConcurrentHashMap<>();

	private final Map<Long, Map<String, String[]>> balances = new ConcurrentHashMap<>();

	private final Map<String, java.math.BigDecimal> exchangeRates = new ConcurrentHashMap<>();

	private final Map<String, String> aliases = new ConcurrentHashMap<>();

	private final List<Route> routes = new CopyOnWriteArrayList<>();

	private final Queue faults = new Queue();

	private final ConcurrentLinkedQueue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();

	private final Set<String> nonces = ConcurrentHashMap.newKeySet();

	private final InFlight inFlight = new InFlight();

	private final MoneyLedger ledger = new MoneyLedger(this::serverSeconds);

	private final MockCallbacks callbacks = new MockCallbacks();

	private volatile MacVerifier verifier = new MacVerifier(this.keys::get);

	private final MockOAuth oauth = new MockOAuth(this.keys::put, this.userProjects::put,
			() -> this.clock.millis() / 1000);

	private volatile Clock clock = Clock.systemUTC();

	private volatile Duration serverClockOffset = Duration.ZERO;

	private volatile Duration allowedSkew = Duration.ofMinutes(5);

	private volatile boolean acceptUnsigned;

	private volatile boolean enforceProjectAccess = true;

	private MockWalletApi(String basePath, SSLContext ssl) throws IOException {
		this.basePath = basePath;
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
		if (ssl != null) {
			HttpsServer https = HttpsServer.create(address, 200);
			https.setHttpsConfigurator(new HttpsConfigurator(ssl) {
				@Override
				public void configure(HttpsParameters params) {
					SSLParameters parameters = ssl.getDefaultSSLParameters();
					parameters.setNeedClientAuth(true);
					params.setSSLParameters(parameters);
				}
			});
			this.server = https;
			this.acceptUnsigned = true;
		}
		else {
			this.server = HttpServer.create(address, 200);
		}
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "mock-wallet-api-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.ledger.onTransactionChange(this.callbacks::transactionChanged);
		this.server.start();
	}

	/**
	 * Start a mock on a free port with the base path {@code /rest/v1/}.
	 * @return the running mock
	 */
	public static MockWalletApi start() {
		return start("/rest/v1/");
	}

	/**
	 * Start a mock on a free port.
	 * @param basePath the base path, starting and ending with a slash
	 * @return the running mock
	 */
	public static MockWalletApi start(String basePath) {
		return start(basePath, null);
	}

	/**
	 * Start a mock that speaks HTTPS and requires a client certificate (mutual TLS), for
	 * client-certificate mode. The {@code SSLContext} holds the server's key (its certificate
	 * must name {@code 127.0.0.1}) and trusts the client certificates to accept. Requests
	 * without a MAC are accepted, and each records the subject of the client certificate it
	 * came with ({@link ReceivedRequest#clientCertificate()}).
	 * @param ssl the server's TLS setup
	 * @return the running mock
	 */
	public static MockWalletApi startHttps(SSLContext ssl) {
		return start("/rest/v1/", ssl);
	}

	private static MockWalletApi start(String basePath, SSLContext ssl) {
		try {
			return new MockWalletApi(basePath.endsWith("/") ? basePath : basePath + "/", ssl);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the mock Wallet API", ex);
		}
	}

	/**
	 * The URL to set as {@code paysera.wallet.base-url}.
	 * @return {@code http://127.0.0.1:<port>/rest/v1/}
	 */
	public String baseUrl() {
		return ((this.server instanceof HttpsServer) ? "https" : "http") + "://127.0.0.1:" + port() + this.basePath;
	}

	/**
	 * The port the mock listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	// ---- fixtures -------------------------------------------------------------------------

	/**
	 * Accept requests signed with this MAC id and key.
	 * @param macId the MAC id
	 * @param macKey the MAC key
	 * @return this mock
	 */
	public MockWalletApi client(String macId, String macKey) {
		this.keys.put(macId, macKey);
		return this;
	}

	/**
	 * What {@code GET client} answers for a MAC id.
	 * @param macId the MAC id
	 * @param title the client title
	 * @param type {@code private_client}, {@code application} or {@code app_client}
	 * @param permissions the permissions
	 * @return this mock
	 */
	public MockWalletApi clientInfo(String macId, String title, String type, List<String> permissions) {
		StringBuilder json = new StringBuilder("{\"id\":").append(Math.abs(macId.hashCode()) + 1)
			.append(",\"title\":")
			.append(Json.string(title))
			.append(",\"type\":")
			.append(Json.string(type))
			.append(",\"permissions\":[");
		for (int i = 0; i < permissions.size(); i++) {
			json.append((i > 0) ? "," : "").append(Json.string(permissions.get(i)));
		}
		this.clients.put(macId, json.append("]}").toString());
		return this;
	}

	/**
	 * A project {@code GET project/{id}} serves.
	 * @param id the project id
	 * @param title its title
	 * @param walletId its default wallet, or {@code null}
	 * @return this mock
	 */
	public MockWalletApi project(long id, String title, Long walletId) {
		return project(id, title, walletId, null);
	}

	/**
	 * A project {@code GET project/{id}} serves.
	 * @param id the project id
	 * @param title its title
	 * @param walletId its default wallet, or {@code null}
	 * @param description its description, or {@code null}
	 * @return this mock
	 */
	public MockWalletApi project(long id, String title, Long walletId, String description) {
		StringBuilder json = new StringBuilder("{\"id\":").append(id).append(",\"title\":").append(Json.string(title));
		if (description != null) {
			json.append(",\"description\":").append(Json.string(description));
		}
		if (walletId != null) {
			json.append(",\"wallet_id\":").append(walletId);
		}
		json.append(",\"owner_display_name\":").append(Json.string(title + " owner")).append('}');
		this.projects.put(id, json.toString());
		return this;
	}

	/**
	 * The projects {@code GET user/{user}/projects} lists for a MAC id. Requests signed with
	 * that id for any other project are refused with {@code 403 forbidden} (see
	 * {@link #enforceProjectAccess(boolean)}).
	 * @param macId the MAC id
	 * @param projectIds the accessible projects
	 * @return this mock
	 */
	public MockWalletApi userProjects(String macId, long... projectIds) {
		List<Long> ids = new ArrayList<>();
		for (long id : projectIds) {
			ids.add(id);
		}
		this.userProjects.put(macId, List.copyOf(ids));
		return this;
	}

	/**
	 * A currency in a wallet's balance.
	 * @param walletId the wallet
	 * @param currency the currency code
	 * @param atDisposal the decimal amount at disposal
	 * @param reserved the decimal amount reserved
	 * @return this mock
	 */
	public MockWalletApi balance(long walletId, String currency, String atDisposal, String reserved) {
		this.balances.computeIfAbsent(walletId, id -> Collections.synchronizedMap(new LinkedHashMap<>()))
			.put(currency, new String[] { atDisposal, reserved });
		return this;
	}

	/**
	 * The PIN code of a payer's wallet, which {@code PUT transaction/{key}/reserve[/{payer}]}
	 * with a {@code pin} checks (a wrong PIN is {@code invalid_parameters} naming {@code pin}).
	 * @param walletId the payer's wallet
	 * @param pin the PIN code
	 * @return this mock
	 */
	public MockWalletApi pin(long walletId, String pin) {
		this.ledger.pin(walletId, pin);
		return this;
	}

	/**
	 * The rate {@code GET wallet/{id}/balance?convert_to=…} converts with, from one currency to
	 * another (a currency converts to itself at 1; a pair without a rate is refused with
	 * {@code invalid_parameters}).
	 * @param from the balance's currency
	 * @param to the {@code convert_to} currency
	 * @param rate how much of {@code to} one unit of {@code from} is worth, such as {@code "0.92"}
	 * @return this mock
	 */
	public MockWalletApi exchangeRate(String from, String to, String rate) {
		this.exchangeRates.put(from + "/" + to, new java.math.BigDecimal(rate));
		return this;
	}

	/**
	 * A wallet {@code GET wallet/{id}} serves (other wallet ids get a minimal answer).
	 * @param walletId the wallet
	 * @param ownerUserId the user who owns it
	 * @param accountNumber its account number, such as {@code EVP0010001000101}
	 * @param ownerDisplayName the owner's display name
	 * @return this mock
	 */
	public MockWalletApi wallet(long walletId, long ownerUserId, String accountNumber, String ownerDisplayName) {
		this.ledger.wallet(walletId, ownerUserId, accountNumber, ownerDisplayName);
		return this;
	}

	/**
	 * A user: {@code GET user/{id}}, and for requests signed with the MAC id,
	 * {@code user/me}, {@code user/me/wallets}, {@code wallet/me},
	 * {@code wallet/me/balance} and {@code wallet/me/statements} (the first wallet). Wallets
	 * without a {@link #wallet} fixture get one.
	 * @param macId the access token (MAC id) that acts for this user, or {@code null}
	 * @param userId the user id
	 * @param email the user's email
	 * @param walletIds the user's wallets
	 * @return this mock
	 */
	public MockWalletApi user(String macId, long userId, String email, long... walletIds) {
		this.ledger.user(macId, userId, email, walletIds);
		return this;
	}

	/**
	 * A statement of a wallet ({@code GET wallet/{id}/statements}, newest first).
	 * @param walletId the wallet
	 * @param id the statement id
	 * @param amount the decimal amount, such as {@code 12.99} (sent in cents)
	 * @param currency the currency code
	 * @param direction {@code in} or {@code out}
	 * @param details the statement text
	 * @param epochSecond when it happened
	 * @return this mock
	 */
	public MockWalletApi statement(long walletId, long id, String amount, String currency, String direction,
			String details, long epochSecond) {
		this.ledger.statement(walletId, id, amount, currency, direction, details, epochSecond);
		return this;
	}

	/**
	 * A number of generated statements of a wallet, an hour apart, the newest now: ids
	 * {@code walletId * 1000 + count} down to {@code walletId * 1000 + 1}, every third one
	 * outgoing.
	 * @param walletId the wallet
	 * @param count how many
	 * @param currency their currency
	 * @return this mock
	 */
	public MockWalletApi statements(long walletId, int count, String currency) {
		this.ledger.statements(walletId, count, currency, serverSeconds());
		return this;
	}

	/**
	 * Act as the payer who accepts a created transaction: it becomes {@code reserved} (as do
	 * its payments), so that it can be confirmed.
	 * @param transactionKey the transaction
	 * @param payerWalletId the payer's wallet
	 * @return this mock
	 * @throws IllegalArgumentException when no such transaction was created
	 * @throws IllegalStateException when the transaction is not {@code new}
	 */
	public MockWalletApi acceptTransaction(String transactionKey, long payerWalletId) {
		this.ledger.acceptTransaction(transactionKey, payerWalletId);
		return this;
	}

	/**
	 * The status of a created transaction.
	 * @param transactionKey the transaction
	 * @return {@code new}, {@code reserved}, {@code confirmed}, {@code revoked}; empty when
	 * no such transaction was created
	 */
	public java.util.Optional<String> transactionStatus(String transactionKey) {
		return java.util.Optional.ofNullable(this.ledger.transactionStatus(transactionKey));
	}

	/**
	 * The keys of the transactions created since the last {@link #reset()}, oldest first.
	 * @return the keys
	 */
	public List<String> createdTransactions() {
		return this.ledger.transactionKeys();
	}

	/**
	 * Paysera's side of callbacks: the key pair whose public half is served at
	 * {@code /publickey}, signing, and the callbacks delivered to the app.
	 * @return the callbacks
	 */
	public MockCallbacks callbacks() {
		return this.callbacks;
	}

	/**
	 * Where the mock serves its callback key ({@code /publickey} at the root, as Paysera does).
	 * @return the address
	 */
	public String publicKeyUri() {
		return ((this.server instanceof HttpsServer) ? "https" : "http") + "://127.0.0.1:" + port() + "/publickey";
	}

	/**
	 * Name a project for the assertions ({@code requestsForProject("shop")}).
	 * @param alias the alias
	 * @param projectId the project id
	 * @return this mock
	 */
	public MockWalletApi alias(String alias, long projectId) {
		this.aliases.put(alias, Long.toString(projectId));
		return this;
	}

	/**
	 * Answer a request of your own with a fixed response (checked after the signature).
	 * @param method the HTTP method
	 * @param pathRegex a regular expression over the path below the base URL
	 * @param status the status
	 * @param json the response body
	 * @return this mock
	 */
	public MockWalletApi respond(String method, String pathRegex, int status, String json) {
		this.routes.add(new Route(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status, json));
		return this;
	}

	/**
	 * Shift the mock server's clock relative to the test's clock.
	 * @param offset server minus local
	 * @return this mock
	 */
	public MockWalletApi serverClockOffset(Duration offset) {
		this.serverClockOffset = offset;
		return this;
	}

	/**
	 * The clock the mock's server time is based on.
	 * @param clock the clock
	 * @return this mock
	 */
	public MockWalletApi clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * How far a MAC timestamp may be from the server's time.
	 * @param skew the window, each way
	 * @return this mock
	 */
	public MockWalletApi allowedSkew(Duration skew) {
		this.allowedSkew = skew;
		return this;
	}

	/**
	 * Accept requests without a MAC (certificate mode over plain HTTP).
	 * @param accept whether to accept them
	 * @return this mock
	 */
	public MockWalletApi acceptUnsignedRequests(boolean accept) {
		this.acceptUnsigned = accept;
		return this;
	}

	/**
	 * Whether requests for a project outside the MAC id's {@link #userProjects} are refused.
	 * @param enforce whether to refuse them
	 * @return this mock
	 */
	public MockWalletApi enforceProjectAccess(boolean enforce) {
		this.enforceProjectAccess = enforce;
		return this;
	}

	// ---- faults ---------------------------------------------------------------------------

	/**
	 * Answer the next {@code times} requests with a fault.
	 * @param fault the fault
	 * @param times how many requests
	 * @return this mock
	 */
	public MockWalletApi failNext(Fault fault, int times) {
		return failNext(request -> true, fault, times);
	}

	/**
	 * Answer the next {@code times} requests to a path with a fault.
	 * @param method the method
	 * @param pathRegex a regular expression over the path below the base URL
	 * @param fault the fault
	 * @param times how many requests
	 * @return this mock
	 */
	public MockWalletApi failNext(String method, String pathRegex, Fault fault, int times) {
		Pattern pattern = Pattern.compile(pathRegex);
		String upper = method.toUpperCase(Locale.ROOT);
		return failNext(request -> request.method().equals(upper) && pattern.matcher(request.path()).matches(), fault,
				times);
	}

	/**
	 * Answer the next {@code times} matching requests with a fault.
	 * @param matcher which requests
	 * @param fault the fault
	 * @param times how many requests
	 * @return this mock
	 */
	public MockWalletApi failNext(Predicate<ReceivedRequest> matcher, Fault fault, int times) {
		this.faults.add(matcher, fault, times);
		return this;
	}

	// ---- recordings -----------------------------------------------------------------------

	/**
	 * Every request received, in arrival order.
	 * @return the requests
	 */
	public List<ReceivedRequest> requests() {
		return List.copyOf(this.received);
	}

	/**
	 * The requests for one project.
	 * @param projectId the project id
	 * @return the requests
	 */
	public List<ReceivedRequest> requestsForProject(long projectId) {
		return this.received.stream().filter(r -> r.projectId() != null && r.projectId() == projectId).toList();
	}

	/**
	 * How many requests the mock is handling right now (received, not yet answered).
	 * @return the number in flight
	 */
	public int requestsInFlight() {
		return this.inFlight.current();
	}

	/**
	 * The most requests the mock was handling at once since it started or was last
	 * {@linkplain #reset() reset}: for tests of a client's concurrency limit (slow answers,
	 * {@link Fault#slow(Duration)}, make requests overlap).
	 * @return the largest number in flight at once
	 */
	public int maxRequestsInFlight() {
		return this.inFlight.max();
	}

	/**
	 * Requests whose {@value #EXPECTED_PROJECT_HEADER} header names another project than the
	 * one they carried.
	 * @return the mis-routed requests
	 */
	public List<ReceivedRequest> misroutedRequests() {
		return this.received.stream().filter(r -> r.header(EXPECTED_PROJECT_HEADER).isPresent())
			.filter(r -> !r.header(EXPECTED_PROJECT_HEADER).get().equals(String.valueOf(r.projectId())))
			.toList();
	}

	/**
	 * Requests that carried no valid MAC.
	 * @return the requests
	 */
	public List<ReceivedRequest> invalidRequests() {
		return this.received.stream().filter(r -> r.verification() != null && !r.verification().valid()).toList();
	}

	/**
	 * Resolve an alias registered with {@link #alias(String, long)}.
	 * @param project an alias or an id
	 * @return the id
	 */
	public long projectId(String project) {
		String id = this.aliases.getOrDefault(project, project);
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Unknown project alias '" + project + "'; known: " + this.aliases.keySet(),
					ex);
		}
	}

	// ---- OAuth ------------------------------------------------------------------------------

	/**
	 * A user access token the application starts with (its MAC id and key, as
	 * {@code paysera.wallet.credentials} holds them) and the refresh token that renews it. The
	 * mock accepts requests signed with it until it expires, and {@code POST /oauth/v1/token}
	 * with {@code grant_type=refresh_token} renews it once: a refresh token is good for one use,
	 * and a second use is {@code invalid_grant}, as in production.
	 * @param accessToken the access token (the MAC id)
	 * @param macKey its MAC key
	 * @param refreshToken its refresh token
	 * @param expiresIn how long from now it is valid
	 * @param projectIds what {@code GET user/me/projects} lists for it and its successors
	 * @return this mock
	 */
	public MockWalletApi userToken(String accessToken, String macKey, String refreshToken, Duration expiresIn,
			long... projectIds) {
		this.oauth.token(accessToken, macKey, refreshToken, expiresIn, ids(projectIds));
		return this;
	}

	/**
	 * An authorization code the token endpoint exchanges once ({@code grant_type=authorization_code})
	 * for a new user token.
	 * @param code the code the payer's browser brings back
	 * @param redirectUri the {@code redirect_uri} the exchange must name, or {@code null} for any
	 * @param projectIds what {@code GET user/me/projects} lists for the issued tokens
	 * @return this mock
	 */
	public MockWalletApi authorizationCode(String code, String redirectUri, long... projectIds) {
		this.oauth.code(code, redirectUri, List.of(), ids(projectIds));
		return this;
	}

	/**
	 * How long the tokens the token endpoint issues are valid ({@code expires_in}); 1 hour unless set.
	 * @param lifetime the lifetime
	 * @return this mock
	 */
	public MockWalletApi tokenLifetime(Duration lifetime) {
		this.oauth.lifetime(lifetime);
		return this;
	}

	/**
	 * Make a user token expire now: requests signed with it are refused with {@code invalid_grant}.
	 * @param accessToken the access token
	 * @return this mock
	 */
	public MockWalletApi expireToken(String accessToken) {
		this.oauth.expire(accessToken);
		return this;
	}

	private static List<Long> ids(long... projectIds) {
		List<Long> ids = new ArrayList<>();
		for (long id : projectIds) {
			ids.add(id);
		}
		return List.copyOf(ids);
	}

	/**
	 * Forget recorded requests, pending faults, used nonces and the transactions, payments,
	 * allowances and locations created through the API; keep fixtures.
	 * @return this mock
	 */
	public MockWalletApi reset() {
		this.ledger.reset();
		this.received.clear();
		this.faults.clear();
		this.nonces.clear();
		this.inFlight.reset();
		this.serverClockOffset = Duration.ZERO;
		return this;
	}

	@Override
	public void close() {
		this.callbacks.close();
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "MockWalletApi[" + baseUrl() + "]";
	}

	// ---- serving ----------------------------------------------------------------------------

	private void handle(HttpExchange exchange) throws IOException {
		this.inFlight.enter();
		try (exchange) {
			serve(exchange);
		}
		catch (RuntimeException ex) {
			send(exchange, 500, "{\"error\":\"internal_server_error\",\"error_description\":"
					+ Json.string(ex.getClass().getSimpleName()) + "}", Map.of());
		}
		finally {
			this.inFlight.leave();
		}
	}

	private void serve(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String rawPath = exchange.getRequestURI().getRawPath();
		String rawQuery = exchange.getRequestURI().getRawQuery();
		String requestUri = (rawQuery != null) ? rawPath + "?" + rawQuery : rawPath;
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		String path = rawPath.startsWith(this.basePath) ? rawPath.substring(this.basePath.length()) : rawPath;
		String authorization = first(headers, "authorization");
		MacVerifier.Verification verification = null;
		if (authorization != null) {
			String[] hostPort = hostAndPort(first(headers, "host"));
			verification = this.verifier.verify(method, requestUri, hostPort[0], Integer.parseInt(hostPort[1]), body,
					authorization);
		}
		Long projectId = projectId(verification, headers);
		String certificate = clientCertificate(exchange);
		ReceivedRequest request = new ReceivedRequest(method, path, requestUri, Collections.unmodifiableMap(headers),
				body, verification, projectId, 0, certificate);
		Answer answer = answer(request, verification);
		this.received.add(new ReceivedRequest(method, path, requestUri, request.headers(), body, verification,
				projectId, answer.status(), certificate));
		if (answer.status() == 0) {
			return; // drop: close without a response
		}
		send(exchange, answer.status(), answer.body(), answer.headers());
	}

	private Answer answer(ReceivedRequest request, MacVerifier.Verification verification) {
		Fault fault = this.faults.take(request);
		if (fault != null) {
			sleep(fault.delay());
			if (!fault.proceed()) {
				return new Answer(fault.status(), fault.body(), fault.headers());
			}
		}
		if (request.method().equals("GET") && request.path().equals("/publickey")) {
			return new Answer(200, this.callbacks.publicKeyPem(), Map.of("Content-Type", "application/x-pem-file"));
		}
		boolean serverTime = request.method().equals("GET") && request.path().equals("server");
		if (verification == null) {
			if (!serverTime && !(this.acceptUnsigned && request.header("wallet-api-project-id").isPresent()
					|| this.acceptUnsigned && isAccountLevel(request))) {
				return error(401, "unauthorized", "Authorization header is missing");
			}
		}
		else if (!verification.valid()) {
			return error(401, "unauthorized", "Invalid MAC: " + verification.error());
		}
		else {
			long now = this.clock.millis() / 1000 + this.serverClockOffset.toSeconds();
			long skew = verification.timestamp() - now;
			if (skew > this.allowedSkew.toSeconds()) {
				return error(401, "invalid_timestamp", "Timestamp is in future");
			}
			if (-skew > this.allowedSkew.toSeconds()) {
				return error(401, "invalid_timestamp", "Timestamp lifetime exceeded");
			}
			if (!this.nonces.add(verification.macId() + '\n' + verification.nonce())) {
				return error(401, "unauthorized", "Nonce was already used");
			}
			if (this.oauth.refuses(verification.macId())) {
				return error(401, "invalid_grant", "Access token has expired or was revoked");
			}
			List<Long> allowed = this.userProjects.get(verification.macId());
			if (this.enforceProjectAccess && allowed != null && request.projectId() != null
					&& !allowed.contains(request.projectId())) {
				return error(403, "forbidden", "Client has no access to project " + request.projectId());
			}
		}
		return route(request, verification);
	}

	private Answer route(ReceivedRequest request, MacVerifier.Verification verification) {
		String path = request.path();
		String method = request.method();
		for (Route route : this.routes) {
			if (route.method().equals(method) && route.path().matcher(path).matches()) {
				return new Answer(route.status(), route.json(), Map.of());
			}
		}
		String macId = (verification != null) ? verification.macId() : null;
		if (MockOAuth.isTokenPath(request.requestUri().split("\\?", 2)[0])) {
			MockOAuth.Reply token = this.oauth.handle(request, macId);
			return new Answer(token.status(), token.body(), Map.of());
		}
		MoneyLedger.Reply reply = this.ledger.handle(request, macId);
		if (reply != null) {
			return new Answer(reply.status(), reply.body(), Map.of());
		}
		if (!method.equals("GET")) {
			return error(404, "not_found", "No such resource");
		}
		path = this.ledger.resolveMe(path, macId);
		if (path.equals("server")) {
			return ok("{\"time\":" + serverSeconds() + "}");
		}
		if (path.equals("client")) {
			String json = (macId != null) ? this.clients.get(macId) : null;
			return ok((json != null) ? json
					: "{\"title\":\"Mock client\",\"type\":\"app_client\",\"permissions\":[\"projects\",\"balance\"]}");
		}
		Matcher matcher = PROJECT.matcher(path);
		if (matcher.matches()) {
			String json = this.projects.get(Long.parseLong(matcher.group(1)));
			return (json != null) ? ok(json) : error(404, "not_found", "Project not found");
		}
		matcher = USER_PROJECTS.matcher(path);
		if (matcher.matches()) {
			List<Long> ids = (macId != null) ? this.userProjects.get(macId) : null;
			List<String> items = new ArrayList<>();
			if (ids != null) {
				for (Long id : ids) {
					items.add(this.projects.getOrDefault(id, "{\"id\":" + id + ",\"title\":\"Project " + id + "\"}"));
				}
			}
			else {
				items.addAll(new TreeMap<>(this.projects).values());
			}
			return ok("[" + String.join(",", items) + "]");
		}
		matcher = BALANCE.matcher(path);
		if (matcher.matches()) {
			Map<String, String[]> currencies = this.balances.get(Long.parseLong(matcher.group(1)));
			if (currencies == null) {
				return error(404, "not_found", "Wallet not found");
			}
			String convertTo = request.queryParameter("convert_to").orElse(null);
			StringBuilder json = new StringBuilder("{");
			synchronized (currencies) {
				for (Map.Entry<String, String[]> entry : currencies.entrySet()) {
					String currency = entry.getKey();
					String[] amounts = entry.getValue();
					json.append((json.length() > 1) ? "," : "").append(Json.string(currency)).append(":{")
						.append("\"at_disposal\":").append(minor(amounts[0]))
						.append(",\"at_disposal_decimal\":").append(Json.string(amounts[0]))
						.append(",\"reserved\":").append(minor(amounts[1]))
						.append(",\"reserved_decimal\":").append(Json.string(amounts[1]));
					if (convertTo != null) {
						// converted.{at_disposal, reserved} in cents of convert_to, as the Java SDK reads them
						java.math.BigDecimal rate = currency.equals(convertTo) ? java.math.BigDecimal.ONE
								: this.exchangeRates.get(currency + "/" + convertTo);
						if (rate == null) {
							return error(400, "invalid_parameters",
									"No exchange rate from " + currency + " to " + convertTo);
						}
						json.append(",\"converted\":{\"at_disposal\":").append(converted(amounts[0], rate))
							.append(",\"reserved\":").append(converted(amounts[1], rate)).append('}');
					}
					json.append('}');
				}
			}
			return ok(json.append('}').toString());
		}
		matcher = WALLET.matcher(path);
		if (matcher.matches()) {
			Map<String, Object> wallet = this.ledger.walletJson(Long.parseLong(matcher.group(1)));
			if (wallet != null) {
				return ok(Json.write(wallet));
			}
			return ok("{\"id\":" + matcher.group(1) + ",\"owner\":1,\"account\":{\"number\":\"EVP" + matcher.group(1)
					+ "\"}}");
		}
		return error(404, "not_found", "No such resource");
	}

	private long serverSeconds() {
		return this.clock.millis() / 1000 + this.serverClockOffset.toSeconds();
	}

	private static String clientCertificate(HttpExchange exchange) {
		if (!(exchange instanceof HttpsExchange https)) {
			return null;
		}
		try {
			Certificate[] chain = https.getSSLSession().getPeerCertificates();
			return (chain.length > 0 && chain[0] instanceof X509Certificate x509)
					? x509.getSubjectX500Principal().getName() : null;
		}
		catch (SSLPeerUnverifiedException ex) {
			return null;
		}
	}

	private static boolean isAccountLevel(ReceivedRequest request) {
		return request.path().equals("client") || request.path().startsWith("user/");
	}

	private static long converted(String decimal, java.math.BigDecimal rate) {
		return new java.math.BigDecimal(decimal).multiply(rate).setScale(2, java.math.RoundingMode.HALF_EVEN)
			.movePointRight(2).longValueExact();
	}

	private static long minor(String decimal) {
		return new java.math.BigDecimal(decimal).movePointRight(2).longValue();
	}

	private static Long projectId(MacVerifier.Verification verification, Map<String, List<String>> headers) {
		String value = null;
		if (verification != null) {
			value = verification.ext().get("project_id");
		}
		if (value == null) {
			value = first(headers, "wallet-api-project-id");
		}
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

	private static String[] hostAndPort(String host) {
		if (host == null) {
			return new String[] { "", "80" };
		}
		int colon = host.lastIndexOf(':');
		if (colon > 0 && host.indexOf(']') < colon) {
			return new String[] { host.substring(0, colon), host.substring(colon + 1) };
		}
		return new String[] { host, "80" };
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static Answer ok(String json) {
		return new Answer(200, json, Map.of());
	}

	private static Answer error(int status, String code, String description) {
		Fault fault = Fault.error(status, code, description);
		return new Answer(status, fault.body(), Map.of());
	}

	private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		if (status >= 400) {
			exchange.getResponseHeaders().set("paysera-correlation-id", "mock-" + System.nanoTime());
		}
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static void sleep(Duration delay) {
		if (delay.isZero() || delay.isNegative()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Answer(int status, String body, Map<String, String> headers) {
	}

	/** Requests being handled, and the most at once. */
	private static final class InFlight {

		private final AtomicInteger current = new AtomicInteger();

		private final AtomicInteger max = new AtomicInteger();

		void enter() {
			int now = this.current.incrementAndGet();
			this.max.accumulateAndGet(now, Math::max);
		}

		void leave() {
			this.current.decrementAndGet();
		}

		int current() {
			return this.current.get();
		}

		int max() {
			return this.max.get();
		}

		void reset() {
			this.max.set(this.current.get());
		}

	}

	private record Route(String method, Pattern path, int status, String json) {
	}

	private static final class Queue {

		private final List<Rule> rules = new CopyOnWriteArrayList<>();

		void add(Predicate<ReceivedRequest> matcher, Fault fault, int times) {
			this.rules.add(new Rule(matcher, fault, new AtomicInteger(times)));
		}

		Fault take(ReceivedRequest request) {
			for (Rule rule : this.rules) {
				if (rule.matcher().test(request)) {
					int left = rule.remaining().getAndDecrement();
					if (left > 0) {
						return rule.fault();
					}
				}
			}
			return null;
		}

		void clear() {
			this.rules.clear();
		}

		private record Rule(Predicate<ReceivedRequest> matcher, Fault fault, AtomicInteger remaining) {
		}

	}

}
