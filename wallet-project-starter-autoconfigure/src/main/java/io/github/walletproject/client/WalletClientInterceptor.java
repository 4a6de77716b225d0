package io.github.walletproject.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Map;

import io.github.walletproject.WalletException;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.WalletMetrics;
import io.github.walletproject.routing.ProjectRouter;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.ResolvedProject;
import io.github.walletproject.routing.RoutingParameters;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * The one interceptor of the Wallet API {@code RestClient}, and the innermost: for each
 * request it chooses the project (choose), checks that the credentials may use it (check),
 * then for each attempt signs the final URI and body afresh (sign) and sends it (send).
 * <p>
 * Attempts are repeated only when that cannot duplicate an effect: I/O failures and
 * 502/503 for the methods of the {@link RetryPolicy}; one replay after
 * {@code invalid_timestamp} once the clock offset was re-measured, and one after
 * {@code invalid_grant} once a {@link WalletTokenRefresher} supplied a new token (the
 * server refused those before doing anything).
 */
public final class WalletClientInterceptor implements ClientHttpRequestInterceptor {

	/** Attribute that turns off the clock-skew replay for one request (used by the clock sync itself). */
	public static final String NO_CLOCK_SYNC_ATTRIBUTE = WalletClientInterceptor.class.getName() + ".noClockSync";

	/**
	 * Attribute for requests that need no authentication ({@code GET server}): sent without
	 * credentials, so the clock can be read even when our timestamps are refused.
	 */
	public static final String UNAUTHENTICATED_ATTRIBUTE = WalletClientInterceptor.class.getName() + ".unauthenticated";

	private static final Log logger = LogFactory.getLog(WalletClientInterceptor.class);

	private final ProjectRouter router;

	private final ProjectAccessChecker access;

	private final RequestAuthenticator authenticator;

	private final RetryPolicy retry;

	private final @Nullable ServerClockSynchronizer clock;

	private final @Nullable WalletTokenRefresher refresher;

	private final WalletMetrics metrics;

	private final long maxResponseBytes;

	private final boolean selectsCertificate;

	private final @Nullable String userAgent;

	private final @Nullable ObservationRegistry observations;

	private WalletClientInterceptor(Builder builder) {
		this.selectsCertificate = builder.selectsCertificate;
		this.router = builder.router;
		this.access = builder.access;
		this.authenticator = new RequestAuthenticator(builder.nonces, builder.time);
		this.retry = builder.retry;
		this.clock = builder.clock;
		this.refresher = builder.refresher;
		this.metrics = builder.metrics;
		this.maxResponseBytes = builder.maxResponseBytes;
		this.userAgent = builder.userAgent;
		this.observations = (builder.observations != null && !builder.observations.isNoop()) ? builder.observations
				: null;
	}

	/**
	 * Start building an interceptor.
	 * @param router chooses the project of each request
	 * @param nonces the nonce source
	 * @param time the timestamp source
	 * @return a builder
	 */
	public static Builder builder(ProjectRouter router, NonceGenerator nonces, ServerTimeOffset time) {
		return new Builder(router, nonces, time);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Map<String, Object> attributes = request.getAttributes();
		RequestRoute route = this.router.route(attributes, () -> describe(request));
		if (this.observations != null) {
			recordRoute(route);
		}
		ResolvedProject project = route.project();
		if (project != null) {
			this.access.check(project);
		}
		RoutingParameters extra = (RoutingParameters) attributes.get(WalletRequestAttributes.ROUTING_PARAMETERS);
		if (this.userAgent != null && !request.getHeaders().containsHeader(HttpHeaders.USER_AGENT)) {
			// here rather than as a RestClient default header, which Spring copies and merges on every call
			request.getHeaders().set(HttpHeaders.USER_AGENT, this.userAgent);
		}
		HttpRequest outgoing = withoutEmptyQuery(request);
		HttpMethod method = outgoing.getMethod();
		boolean clockReplayed = attributes.containsKey(NO_CLOCK_SYNC_ATTRIBUTE);
		boolean unauthenticated = attributes.containsKey(UNAUTHENTICATED_ATTRIBUTE);
		boolean tokenReplayed = false;
		boolean reachedServer = false;
		for (int attempt = 1;; attempt++) {
			long clockVersion = (this.clock != null) ? this.clock.offset().version() : 0;
			String nonce = null;
			if (!unauthenticated) {
				nonce = this.authenticator.authenticate(outgoing, body, route, extra);
			}
			ClientHttpResponse response;
			int status;
			try {
				response = send(outgoing, body, execution, route);
				// HttpURLConnection reads the answer to a request with a body only here
				status = response.getStatusCode().value();
			}
			catch (IOException ex) {
				reachedServer |= !TransportFailures.notSent(ex);
				if (isRetryableFailure(ex) && this.retry.allows(method, attempt)) {
					this.metrics.retry(isTimeout(ex) ? "timeout" : "io_error");
					pause(attempt);
					continue;
				}
				throw transportFailure(outgoing, ex, attempt, route, nonce, reachedServer);
			}
			reachedServer = true;
			if (status < 400) {
				return new SizeLimitedResponse(response, this.maxResponseBytes);
			}
			BufferedResponse error = BufferedResponse.read(response, WalletErrorDecoder.MAX_ERROR_BODY);
			String code = (status < 500) ? WalletErrorDecoder.errorCode(error.bodyBytes()) : null;
			if ("invalid_timestamp".equals(code) && !clockReplayed && this.clock != null) {
				clockReplayed = true;
				if (resynchronized(clockVersion)) {
					this.metrics.retry("invalid_timestamp");
					attempt--;
					continue;
				}
			}
			if ("invalid_grant".equals(code) && !tokenReplayed && refreshToken(route.credentials())) {
				tokenReplayed = true;
				this.metrics.retry("invalid_grant");
				attempt--;
				continue;
			}
			if (this.retry.retriesStatus(status) && this.retry.allows(method, attempt)) {
				this.metrics.retry("status_" + status);
				pause(attempt);
				continue;
			}
			return error;
		}
	}

	/**
	 * Give the route to the observation of this request, for its {@code wallet.project} key.
	 * The {@code RestClient} opens the observation's scope around the exchange, so it is the
	 * current one here. Not a request attribute: Spring copies every attribute into a new map
	 * of the outgoing request, which would cost each call ~250 B even with observations off.
	 */
	private void recordRoute(RequestRoute route) {
		Observation current = this.observations.getCurrentObservation();
		if (current != null && current.getContext() instanceof ClientRequestObservationContext context) {
			context.put(RequestRoute.class, route);
		}
	}

	private ClientHttpResponse send(HttpRequest request, byte[] body, ClientHttpRequestExecution execution,
			RequestRoute route) throws IOException {
		if (!this.selectsCertificate) {
			return execution.execute(request, body);
		}
		String previous = CertificateRoutingRequestFactory.select(route.credentials().sslBundle());
		try {
			return execution.execute(request, body);
		}
		finally {
			CertificateRoutingRequestFactory.restore(previous);
		}
	}

	private boolean resynchronized(long clockVersion) {
		try {
			this.clock.synchronizeAfter(clockVersion);
			return true;
		}
		catch (WalletException ex) {
			logger.warn("Wallet API refused a timestamp and its clock could not be read (" + ex.getMessage()
					+ "); the request is not replayed");
			return false;
		}
	}

	private boolean refreshToken(WalletCredentials credentials) {
		if (this.refresher == null || credentials.signer() == null) {
			return false;
		}
		MacSigner refreshed = this.refresher.refresh(credentials);
		if (refreshed == null) {
			return false;
		}
		credentials.updateSigner(refreshed);
		logger.info("Wallet API access token of credentials '" + credentials.name() + "' was refreshed");
		return true;
	}

	private void pause(int attempt) {
		long millis = this.retry.backoffMillis(attempt);
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletException("Interrupted while waiting to retry a Wallet API request", ex);
		}
	}

	private static boolean isRetryableFailure(IOException ex) {
		return !(ex instanceof SizeLimitedResponse.ResponseTooLargeException);
	}

	private static boolean isTimeout(IOException ex) {
		return ex instanceof SocketTimeoutException || ex instanceof HttpTimeoutException
				|| (ex instanceof InterruptedIOException && !(ex.getCause() instanceof InterruptedException))
				|| ex.getClass().getSimpleName().contains("Timeout");
	}

	private static RuntimeException transportFailure(HttpRequest request, IOException ex, int attempts,
			RequestRoute route, @Nullable String nonce, boolean reachedServer) {
		return TransportFailures.failure(request, ex, attempts, route, nonce, reachedServer);
	}

	static String describe(HttpRequest request) {
		return request.getMethod().name() + " " + request.getURI().getRawPath();
	}

	private static HttpRequest withoutEmptyQuery(HttpRequest request) {
		URI uri = request.getURI();
		String query = uri.getRawQuery();
		if (query == null || !query.isEmpty()) {
			return request;
		}
		// "…/balance?" would be sent with a bare '?' that the signed request-uri leaves out
		String text = uri.toString();
		URI trimmed = URI.create(text.substring(0, text.indexOf('?')));
		return new HttpRequestWrapper(request) {
			@Override
			public URI getURI() {
				return trimmed;
			}
		};
	}

	/**
	 * Builds a {@link WalletClientInterceptor}.
	 */
	public static final class Builder {

		private final ProjectRouter router;

		private final NonceGenerator nonces;

		private final ServerTimeOffset time;

		private ProjectAccessChecker access = ProjectAccessChecker.NONE;

		private RetryPolicy retry = RetryPolicy.DEFAULT;

		private @Nullable ServerClockSynchronizer clock;

		private @Nullable WalletTokenRefresher refresher;

		private WalletMetrics metrics = WalletMetrics.NONE;

		private long maxResponseBytes = 1024 * 1024;

		private boolean selectsCertificate;

		private @Nullable String userAgent;

		private @Nullable ObservationRegistry observations;

		private Builder(ProjectRouter router, NonceGenerator nonces, ServerTimeOffset time) {
			this.router = router;
			this.nonces = nonces;
			this.time = time;
		}

		/**
		 * Check access before each routed call.
		 * @param access the checker
		 * @return this builder
		 */
		public Builder access(ProjectAccessChecker access) {
			this.access = access;
			return this;
		}

		/**
		 * Set when attempts are repeated.
		 * @param retry the policy
		 * @return this builder
		 */
		public Builder retry(RetryPolicy retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Re-measure the server clock on {@code invalid_timestamp} and replay once.
		 * @param clock the synchronizer, or {@code null} to turn this off
		 * @return this builder
		 */
		public Builder clockSync(@Nullable ServerClockSynchronizer clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Refresh user tokens on {@code invalid_grant} and replay once.
		 * @param refresher the refresher, or {@code null}
		 * @return this builder
		 */
		public Builder tokenRefresher(@Nullable WalletTokenRefresher refresher) {
			this.refresher = refresher;
			return this;
		}

		/**
		 * Count retries.
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(WalletMetrics metrics) {
			this.metrics = metrics;
			return this;
		}

		/**
		 * Bound successful response bodies.
		 * @param maxResponseBytes the most bytes read from one response
		 * @return this builder
		 */
		public Builder maxResponseBytes(long maxResponseBytes) {
			this.maxResponseBytes = maxResponseBytes;
			return this;
		}

		/**
		 * Select each request's SSL bundle for a {@link CertificateRoutingRequestFactory}.
		 * @param selectsCertificate whether the client uses such a factory
		 * @return this builder
		 */
		public Builder selectsCertificate(boolean selectsCertificate) {
			this.selectsCertificate = selectsCertificate;
			return this;
		}

		/**
		 * Send this {@code User-Agent} on requests that do not set one.
		 * @param userAgent the header value, or {@code null} to leave requests as they are
		 * @return this builder
		 */
		public Builder userAgent(@Nullable String userAgent) {
			this.userAgent = userAgent;
			return this;
		}

		/**
		 * Tell the observations of the {@code RestClient} which project each call is for
		 * (read by {@link WalletClientObservationConvention}).
		 * @param observations the registry the {@code RestClient} observes with, or
		 * {@code null} when it is not observed
		 * @return this builder
		 */
		public Builder observationRegistry(@Nullable ObservationRegistry observations) {
			this.observations = observations;
			return this;
		}

		/**
		 * Build the interceptor.
		 * @return the interceptor
		 */
		public WalletClientInterceptor build() {
			return new WalletClientInterceptor(this);
		}

	}

}
