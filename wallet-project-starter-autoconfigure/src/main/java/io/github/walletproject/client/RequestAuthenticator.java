package io.github.walletproject.client;

import io.github.walletproject.ResolvedProject;
import io.github.walletproject.RoutingParameters;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.routing.RequestRoute;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;

/**
 * Puts the credentials and the routing parameters on one attempt of a request: the MAC
 * {@code Authorization} header with {@code ext} (body_hash, project_id, then further
 * parameters), or, for client-certificate credentials, {@code Wallet-Api-*} headers. Every
 * call takes a fresh timestamp and nonce.
 */
final class RequestAuthenticator {

	static final String PROJECT_HEADER = "Wallet-Api-Project-Id";

	private final NonceGenerator nonces;

	private final ServerTimeOffset time;

	private final MacSigners signers;

	/**
	 * Whether signing for a route would answer from memory at once (see
	 * {@link MacSigners#ready}); if not, {@link #prepare} on a thread that may block first.
	 * @param route the route
	 * @return {@code true} when signing would not wait
	 */
	boolean ready(RequestRoute route) {
		return this.signers.ready(route.credentials());
	}

	/**
	 * Read the stored token and refresh it ahead of expiry if due, so that signing then answers
	 * from memory; may block.
	 * @param route the route
	 */
	void prepare(RequestRoute route) {
		this.signers.current(route.credentials());
	}

	RequestAuthenticator(NonceGenerator nonces, ServerTimeOffset time, MacSigners signers) {
		this.nonces = nonces;
		this.time = time;
		this.signers = signers;
	}

	/**
	 * Authenticate one attempt.
	 * @return the signer version used (for a refresh after {@code invalid_grant}); 0 in
	 * certificate mode
	 */
	long authenticate(HttpRequest request, byte[] body, RequestRoute route, @Nullable RoutingParameters extra,
			Attempts.State state) {
		HttpHeaders headers = request.getHeaders();
		ResolvedProject project = route.project();
		MacSigners.Current current = this.signers.current(route.credentials());
		MacSigner signer = current.signer();
		if (signer == null) {
			if (project != null) {
				headers.set(PROJECT_HEADER, project.idText());
			}
			if (extra != null) {
				extra.forEachHeader(headers::set);
			}
			return 0;
		}
		String nonce = this.nonces.nextNonce();
		state.nonce = nonce;
		headers.set(HttpHeaders.AUTHORIZATION, signer.authorization(request.getMethod().name(), request.getURI(), body,
				(project != null) ? project.extParameters() : "", (extra != null) ? extra.encoded() : "",
				this.time.timestamp(), nonce));
		return current.version();
	}

}
