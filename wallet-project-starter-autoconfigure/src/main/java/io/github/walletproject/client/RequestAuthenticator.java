package io.github.walletproject.client;

import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.ResolvedProject;
import io.github.walletproject.routing.RoutingParameters;
import io.github.walletproject.routing.ResolvedProject;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;

/**
 * Puts the credentials and the routing parameters on one attempt of a request: the MAC
 * {@code Authorization} header with {@code ext} (body_hash, project_id, then further
 * parameters), or, for client-certificate credentials, {@code Wallet-Api-*} headers.
 * Every call to {@link #authenticate} takes a fresh timestamp and nonce.
 */
final class RequestAuthenticator {

	static final String PROJECT_HEADER = "Wallet-Api-Project-Id";

	private final NonceGenerator nonces;

	private final ServerTimeOffset time;

	RequestAuthenticator(NonceGenerator nonces, ServerTimeOffset time) {
		this.nonces = nonces;
		this.time = time;
	}

	/**
	 * Form-encode the parameters that follow {@code project_id}, once per request.
	 * @param route the route
	 * @param extra further routing parameters, or {@code null}
	 * @return {@code project_id=…&location_id=…}, possibly empty
	 */
	static String extParameters(RequestRoute route, @Nullable RoutingParameters extra) {
		ResolvedProject project = route.project();
		String projectPart = (project != null) ? project.extParameters() : "";
		if (extra == null) {
			return projectPart;
		}
		return projectPart.isEmpty() ? extra.encoded() : projectPart + '&' + extra.encoded();
	}

	void authenticate(HttpRequest request, byte[] body, RequestRoute route, String extParameters,
			@Nullable RoutingParameters extra) {
		HttpHeaders headers = request.getHeaders();
		MacSigner signer = route.credentials().signer();
		if (signer == null) {
			headers.remove(HttpHeaders.AUTHORIZATION);
			ResolvedProject project = route.project();
			if (project != null) {
				headers.set(PROJECT_HEADER, project.idText());
			}
			if (extra != null) {
				extra.forEachHeader(headers::set);
			}
			return;
		}
		String authorization = signer.authorization(request.getMethod().name(), request.getURI(), body,
				extParameters, this.time.timestamp(), this.nonces.nextNonce());
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
	}

}
