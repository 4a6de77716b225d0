package io.github.walletproject.client;

import java.time.Instant;
import java.util.List;

import io.github.walletproject.WalletApiException;
import io.github.walletproject.WalletException;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.money.WalletBalance;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Typed calls of the Wallet API endpoints this starter uses, over the signed and routed
 * {@code RestClient}. Account-level calls ({@link #client()}, {@link #userProjects(String)})
 * carry no {@code project_id} and are signed with the bound project's credentials (the
 * default ones when nothing is bound); {@link #serverTime()} needs no credentials; the others
 * go to the bound project.
 * <p>
 * Every failure is a {@link WalletException}: a Wallet API error as a typed
 * {@link WalletApiException}, an empty or unreadable body as {@link WalletResponseException}.
 */
public final class WalletApi {

	private static final ParameterizedTypeReference<List<Project>> PROJECT_LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient restClient;

	private final InternalWalletApi internal;

	/**
	 * Create the typed client.
	 * @param restClient the routed Wallet API {@code RestClient}
	 * @param internal the starter's own calls, for the unauthenticated clock
	 */
	public WalletApi(RestClient restClient, InternalWalletApi internal) {
		Assert.notNull(restClient, "RestClient must not be null");
		Assert.notNull(internal, "Internal client must not be null");
		this.restClient = restClient;
		this.internal = internal;
	}

	/**
	 * {@code GET server}: the server's clock. Needs no authentication, so it is sent without
	 * credentials, carries no project and is never access-checked.
	 * @return the server time
	 */
	public Instant serverTime() {
		return this.internal.serverTime();
	}

	/**
	 * {@code GET project/{id}}, routed to that project.
	 * @param projectId the project
	 * @return its details
	 */
	public Project project(long projectId) {
		return Responses.read("GET project/" + projectId, () -> this.restClient.get().uri("project/{id}", projectId)
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
		return Responses.read("GET user/" + user + "/projects", () -> this.restClient.get()
			.uri("user/{user}/projects", user)
			.attributes(WalletRequestAttributes.accountLevel())
			.retrieve()
			.body(PROJECT_LIST));
	}

	/**
	 * {@code GET client}: the client the credentials belong to.
	 * @return the client
	 */
	public ClientInfo client() {
		return Responses.read("GET client", () -> this.restClient.get().uri("client")
			.attributes(WalletRequestAttributes.accountLevel())
			.retrieve()
			.body(ClientInfo.class));
	}

	/**
	 * {@code GET wallet/{id}/balance} for the bound project, read as the money package's
	 * {@link WalletBalance} (also {@code Wallets.balance}, which takes {@code convert_to}).
	 * @param walletId the wallet
	 * @return the balance per currency
	 */
	public WalletBalance balance(long walletId) {
		return Responses.read("GET wallet/" + walletId + "/balance",
				() -> this.restClient.get().uri("wallet/{id}/balance", walletId).retrieve().body(WalletBalance.class));
	}

	/**
	 * The signed, routed {@code RestClient} behind these calls.
	 * @return the client
	 */
	public RestClient restClient() {
		return this.restClient;
	}

}
