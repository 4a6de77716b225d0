package io.github.walletproject.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletException;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.RequestRoute.AccountRoute;
import io.github.walletproject.routing.RequestRoute.ProjectRoute;
import io.github.walletproject.routing.RouteResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The starter's own Wallet API calls: access lists, project details, the server clock and
 * health checks. Each call names its credentials (and, for project details, its project)
 * itself, on a client of its own that never routes, never checks access and never reaches
 * the routed client, so nothing the starter does for itself can wait on the call that asked
 * for it. {@code GET server} is sent unauthenticated, on a client without credentials.
 * <p>
 * Internal API: use {@link WalletApi} and {@code WalletProjects}.
 */
public final class InternalWalletApi {

	private static final String ROUTE = InternalWalletApi.class.getName() + ".route";

	private static final ParameterizedTypeReference<List<Project>> PROJECT_LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient signed;

	private final RestClient unauthenticated;

	/**
	 * Create the client.
	 * @param signed a client whose signing interceptor uses {@link #routes()}
	 * @param unauthenticated a client that sends no credentials
	 */
	public InternalWalletApi(RestClient signed, RestClient unauthenticated) {
		Assert.notNull(signed, "Signed client must not be null");
		Assert.notNull(unauthenticated, "Unauthenticated client must not be null");
		this.signed = signed;
		this.unauthenticated = unauthenticated;
	}

	/**
	 * The route resolver of the signed client: the route each call names itself.
	 * @return the resolver
	 */
	public static RouteResolver routes() {
		return request -> {
			Object route = request.getAttributes().get(ROUTE);
			if (route instanceof RequestRoute explicit) {
				return explicit;
			}
			throw new IllegalStateException("Request " + request.getURI().getRawPath()
					+ " was not made by InternalWalletApi");
		};
	}

	/**
	 * {@code GET server}: the server's clock, unauthenticated.
	 * @return the server time
	 */
	public Instant serverTime() {
		ServerTimeJson json = Responses.read("GET server",
				() -> this.unauthenticated.get().uri("server").retrieve().body(ServerTimeJson.class));
		if (json.time() == null || json.time() <= 0) {
			throw new WalletResponseException("Wallet API response to GET server has no valid \"time\"");
		}
		return Instant.ofEpochSecond(json.time());
	}

	/**
	 * {@code GET client} signed with given credentials.
	 * @param credentials the credentials to describe
	 * @return the client
	 */
	public ClientInfo client(WalletCredentials credentials) {
		return Responses.read("GET client", () -> this.signed.get().uri("client")
			.attribute(ROUTE, new AccountRoute(credentials))
			.retrieve()
			.body(ClientInfo.class));
	}

	/**
	 * {@code GET user/{user}/projects} signed with given credentials and no project.
	 * @param user a user id or {@code me}
	 * @param credentials the credentials whose projects are listed
	 * @return the projects
	 */
	public List<Project> userProjects(String user, WalletCredentials credentials) {
		return Responses.read("GET user/" + user + "/projects", () -> this.signed.get()
			.uri("user/{user}/projects", user)
			.attribute(ROUTE, new AccountRoute(credentials))
			.retrieve()
			.body(PROJECT_LIST));
	}

	/**
	 * {@code GET project/{id}} for a project, signed with its credentials.
	 * @param project the project
	 * @return its details
	 */
	public Project project(ResolvedProject project) {
		return Responses.read("GET project/" + project.idText(), () -> this.signed.get()
			.uri("project/{id}", project.id())
			.attribute(ROUTE, new ProjectRoute(project))
			.retrieve()
			.body(Project.class));
	}

	/**
	 * A form {@code POST} to an absolute address of the Wallet API's host (such as the OAuth
	 * token endpoint, which is not under the REST base URL), signed with given credentials and no
	 * project.
	 * @param <T> the answer's type
	 * @param what what the call is, for messages (never holding a secret)
	 * @param uri the absolute address
	 * @param form the form fields
	 * @param credentials the credentials that sign it
	 * @param type the answer's type
	 * @return the answer
	 */
	public <T> T postForm(String what, URI uri, MultiValueMap<String, String> form, WalletCredentials credentials,
			Class<T> type) {
		return Responses.read(what, () -> this.signed.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.attribute(ROUTE, new AccountRoute(credentials))
			.retrieve()
			.body(type));
	}

	/**
	 * A {@code DELETE} of an absolute address of the Wallet API's host, signed with given
	 * credentials and no project.
	 * @param what what the call is, for messages (never holding a secret)
	 * @param uri the absolute address
	 * @param credentials the credentials that sign it
	 */
	public void delete(String what, URI uri, WalletCredentials credentials) {
		try {
			this.signed.delete().uri(uri).attribute(ROUTE, new AccountRoute(credentials)).retrieve().toBodilessEntity();
		}
		catch (WalletException ex) {
			throw ex;
		}
		catch (RestClientException ex) {
			// no cause: its message names the full address, whose query may hold a token
			throw new WalletResponseException("Wallet API response to " + what + " could not be read ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * {@code GET} of a public document of the Wallet API outside the REST base, such as the
	 * key that signs callbacks ({@code /publickey}): unauthenticated, with the client's
	 * timeouts, size limit and retries of idempotent reads.
	 * @param uri the absolute address
	 * @return the document's text
	 */
	public String publicDocument(URI uri) {
		return Responses.read("GET " + uri.getRawPath(),
				() -> this.unauthenticated.get().uri(uri).retrieve().body(String.class));
	}

	record ServerTimeJson(@Nullable Long time) {
	}

}
