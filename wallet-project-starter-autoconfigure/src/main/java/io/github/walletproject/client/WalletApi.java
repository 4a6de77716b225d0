package io.github.walletproject.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletException;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.routing.ProjectRouter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Typed calls of the Wallet API endpoints this starter uses, over the signed and routed
 * {@code RestClient}. Account-level calls ({@link #serverTime()}, {@link #client()},
 * {@link #userProjects(String)}) work with no project bound and then carry no
 * {@code project_id}; the others go to the bound project.
 * <p>
 * Every failure is a {@link WalletException}: a Wallet API error as a typed
 * {@link WalletApiException}, an empty or unreadable body as {@link WalletResponseException}.
 */
public final class WalletApi {

	private static final ParameterizedTypeReference<List<Project>> PROJECT_LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, AmountJson>> BALANCE = new ParameterizedTypeReference<>() {
	};

	private final RestClient restClient;

	/**
	 * Create the typed client.
	 * @param restClient the Wallet API {@code RestClient}
	 */
	public WalletApi(RestClient restClient) {
		this.restClient = restClient;
	}

	/**
	 * {@code GET server}: the server's clock. Needs no authentication, so it is sent without
	 * credentials and carries no project.
	 * @return the server time
	 */
	public Instant serverTime() {
		return time(call("GET server", () -> this.restClient.get().uri("server")
			.attributes(WalletRequestAttributes.accountLevel())
			.attribute(WalletClientInterceptor.UNAUTHENTICATED_ATTRIBUTE, Boolean.TRUE)
			.retrieve()
			.body(ServerTimeJson.class)));
	}

	Instant serverTimeUnsynchronized() {
		return time(call("GET server", () -> this.restClient.get().uri("server")
			.attributes(WalletRequestAttributes.accountLevel())
			.attribute(WalletClientInterceptor.UNAUTHENTICATED_ATTRIBUTE, Boolean.TRUE)
			.attribute(WalletClientInterceptor.NO_CLOCK_SYNC_ATTRIBUTE, Boolean.TRUE)
			.retrieve()
			.body(ServerTimeJson.class)));
	}

	private static Instant time(ServerTimeJson json) {
		if (json.time() == null || json.time() <= 0) {
			throw new WalletResponseException("Wallet API response to GET server has no valid \"time\"");
		}
		return Instant.ofEpochSecond(json.time());
	}

	/**
	 * {@code GET project/{id}}, routed to that project.
	 * @param projectId the project
	 * @return its details
	 */
	public Project project(long projectId) {
		return call("GET project/" + projectId, () -> this.restClient.get().uri("project/{id}", projectId)
			.attributes(WalletRequestAttributes.project(projectId))
			.retrieve()
			.body(Project.class));
	}

	/**
	 * {@code GET user/{user}/projects}: the projects a user may act for. Needs the
	 * {@code projects} scope; {@code me} works with a user access token only.
	 * @param user a user id or {@code me}
	 * @return the projects
	 */
	public List<Project> userProjects(String user) {
		return userProjects(user, WalletRequestAttributes.accountLevel());
	}

	/**
	 * {@code GET user/{user}/projects} signed with given credentials and no project: the
	 * starter's own access lookup.
	 * @param user a user id or {@code me}
	 * @param credentials the credentials whose projects are listed
	 * @return the projects
	 */
	public List<Project> userProjects(String user, WalletCredentials credentials) {
		return userProjects(user, attributes -> attributes.put(ProjectRouter.CREDENTIALS_ATTRIBUTE, credentials));
	}

	private List<Project> userProjects(String user, Consumer<Map<String, Object>> attributes) {
		return call("GET user/" + user + "/projects", () -> this.restClient.get().uri("user/{user}/projects", user)
			.attributes(attributes)
			.retrieve()
			.body(PROJECT_LIST));
	}

	/**
	 * {@code GET client}: the client the credentials belong to.
	 * @return the client
	 */
	public ClientInfo client() {
		return client(WalletRequestAttributes.accountLevel());
	}

	/**
	 * {@code GET client} signed with given credentials.
	 * @param credentials the credentials to describe
	 * @return the client
	 */
	public ClientInfo client(WalletCredentials credentials) {
		return client(attributes -> attributes.put(ProjectRouter.CREDENTIALS_ATTRIBUTE, credentials));
	}

	private ClientInfo client(Consumer<Map<String, Object>> attributes) {
		return call("GET client", () -> this.restClient.get().uri("client").attributes(attributes)
			.retrieve()
			.body(ClientInfo.class));
	}

	/**
	 * {@code GET wallet/{id}/balance} for the bound project.
	 * @param walletId the wallet
	 * @return the balance per currency
	 */
	public Balance balance(long walletId) {
		Map<String, AmountJson> json = call("GET wallet/" + walletId + "/balance",
				() -> this.restClient.get().uri("wallet/{id}/balance", walletId).retrieve().body(BALANCE));
		Map<String, CurrencyBalance> currencies = new LinkedHashMap<>();
		json.forEach((currency, amount) -> {
			if (amount == null) {
				throw new WalletResponseException("Wallet API balance of wallet " + walletId + " has no amounts for "
						+ currency);
			}
			currencies.put(currency, new CurrencyBalance(currency,
					decimal(currency, amount.atDisposalDecimal(), amount.atDisposal()),
					decimal(currency, amount.reservedDecimal(), amount.reserved())));
		});
		return new Balance(walletId, currencies);
	}

	/**
	 * The signed, routed {@code RestClient} behind these calls.
	 * @return the client
	 */
	public RestClient restClient() {
		return this.restClient;
	}

	private static BigDecimal decimal(String currency, @Nullable String decimal, @Nullable Long minorUnits) {
		if (decimal != null) {
			try {
				return new BigDecimal(decimal);
			}
			catch (NumberFormatException ex) {
				throw new WalletResponseException("Wallet API balance for " + currency + " is not a decimal number", ex);
			}
		}
		if (minorUnits != null) {
			int digits = 2;
			try {
				digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
			}
			catch (IllegalArgumentException ex) {
				// not an ISO currency: keep two digits, as the API does
			}
			return BigDecimal.valueOf(minorUnits, digits);
		}
		throw new WalletResponseException("Wallet API balance for " + currency + " has no amount");
	}

	private static <T> T call(String what, java.util.function.Supplier<@Nullable T> call) {
		T result;
		try {
			result = call.get();
		}
		catch (WalletException ex) {
			throw ex;
		}
		catch (RestClientException ex) {
			throw new WalletResponseException("Wallet API response to " + what + " could not be read: "
					+ rootMessage(ex), ex);
		}
		if (result == null) {
			throw new WalletResponseException("Wallet API response to " + what + " was empty where JSON was expected");
		}
		return result;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		if (message == null) {
			return root.getClass().getSimpleName();
		}
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

	record ServerTimeJson(@Nullable Long time) {
	}

	record AmountJson(@JsonProperty("at_disposal") @Nullable Long atDisposal,
			@JsonProperty("at_disposal_decimal") @Nullable String atDisposalDecimal,
			@JsonProperty("reserved") @Nullable Long reserved,
			@JsonProperty("reserved_decimal") @Nullable String reservedDecimal) {
	}

}
