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
	 * Authenticate one attempt.
	 * @return the nonce of its MAC signature, or {@code null} for client-certificate credentials
	 */
	@Nullable String authenticate(HttpRequest request, byte[] body, RequestRoute route,
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
			return null;
		}
		ResolvedProject project = route.project();
		String nonce = this.nonces.nextNonce();
		String authorization = signer.authorization(request.getMethod().name(), request.getURI(), body,
				(project != null) ? project.extParameters() : "", (extra != null) ? extra.encoded() : "",
				this.time.timestamp(), nonce);
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
		return nonce;
	}

}
