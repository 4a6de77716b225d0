package io.github.walletproject.client;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.walletproject.auth.NonceGenerator;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.RouteCheck;
import io.github.walletproject.routing.RouteResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.observation.ClientRequestObservationConvention;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * What the Wallet clients sign and send with, shared by the routed client and the starter's
 * own client: nonces and timestamps, the current signer of each set of credentials, the
 * attempt policy, and how an attempt reaches the network. Each client gets an interceptor of
 * its own from here, with the route resolver that client needs. Once {@linkplain #close()
 * closed} (when its application context closes), every client refuses every call at once
 * with a {@link io.github.walletproject.WalletClosedException}, before anything is checked,
 * signed or sent.
 */
public final class WalletSigning implements AutoCloseable {

	private static final TransactionCalls NO_TRANSACTIONS = new TransactionCalls(() -> TransactionObserver.NONE);

	private final RequestAuthenticator authenticator;

	private final Attempts attempts;

	private final Attempts unauthenticatedAttempts;

	private final Sender sender;

	private final @Nullable String userAgent;

	private final boolean observed;

	private final AtomicBoolean open = new AtomicBoolean(true);

	private final TransactionCalls transactions;

	private WalletSigning(Builder builder) {
		this.authenticator = new RequestAuthenticator(builder.nonces, builder.time, builder.signers);
		this.attempts = new Attempts(builder.retry, builder.clock, builder.signers, builder.metrics,
				builder.maxResponseBytes);
		this.unauthenticatedAttempts = new Attempts(builder.retry, null, builder.signers, builder.metrics,
				builder.maxResponseBytes);
		this.sender = (builder.certificates != null) ? Sender.byCertificate(builder.certificates) : Sender.EXECUTION;
		this.userAgent = builder.userAgent;
		this.observed = builder.observed;
		this.transactions = new TransactionCalls(builder.transactions);
	}

	/**
	 * The observation convention of the Wallet clients: Boot's HTTP client tags plus the
	 * project ({@code wallet.project}, {@code wallet.project.id}), and the outcome
	 * {@code REFUSED} for a call refused before anything was sent.
	 * @param name the observation name
	 * @return the convention
	 */
	public static ClientRequestObservationConvention observationConvention(String name) {
		return new WalletClientObservationConvention(name);
	}

	/**
	 * Start building.
	 * @param nonces the nonce source
	 * @param time the timestamp source
	 * @param signers the current signer of each set of MAC credentials
	 * @return a builder
	 */
	public static Builder builder(NonceGenerator nonces, ServerTimeOffset time, MacSigners signers) {
		return new Builder(nonces, time, signers);
	}

	/**
	 * An interceptor that signs each request with the route the resolver chooses.
	 * @param routes chooses the route of each request
	 * @return the interceptor, to be the innermost of its {@code RestClient}
	 */
	public WalletSigningInterceptor interceptor(RouteResolver routes) {
		return interceptor(routes, RouteCheck.NONE);
	}

	/**
	 * An interceptor that signs each request with the route the resolver chooses, once the
	 * check let it through.
	 * @param routes chooses the route of each request
	 * @param check decides whether a route may be sent (the routed client checks access)
	 * @return the interceptor, to be the innermost of its {@code RestClient}
	 */
	public WalletSigningInterceptor interceptor(RouteResolver routes, RouteCheck check) {
		return new WalletSigningInterceptor(steps(routes, check), this.sender);
	}

	/**
	 * The steps of a client that signs each request with the route the resolver chooses,
	 * once the check let it through; for the blocking interceptor and the reactive filter.
	 * Both refuse every call once this is {@linkplain #close() closed}.
	 */
	SigningSteps steps(RouteResolver routes, RouteCheck check) {
		return new SigningSteps(this.open, routes, check, this.authenticator, this.attempts, this.userAgent,
				this.observed, this.transactions);
	}

	/**
	 * An interceptor for requests that need no authentication ({@code GET server}): sent
	 * without credentials, retried like any request, never replayed after a clock refusal.
	 * @param route the route named in messages and observations
	 * @return the interceptor
	 */
	public WalletSigningInterceptor unauthenticatedInterceptor(RequestRoute route) {
		return new WalletSigningInterceptor(new SigningSteps(this.open, request -> route, RouteCheck.NONE, null,
				this.unauthenticatedAttempts, this.userAgent, this.observed, NO_TRANSACTIONS), Sender.EXECUTION);
	}

	/**
	 * Refuse every further call of every client made from here, blocking and reactive: called
	 * when the application context closes (its own beans are destroyed after the beans that use
	 * them, so calls made from their {@code @PreDestroy} methods still go out).
	 */
	@Override
	public void close() {
		this.open.set(false);
	}

	/** Whether calls may still be made: {@code false} once {@linkplain #close() closed}. */
	boolean isOpen() {
		return this.open.get();
	}

	/**
	 * Builds {@link WalletSigning}.
	 */
	public static final class Builder {

		private final NonceGenerator nonces;

		private final ServerTimeOffset time;

		private final MacSigners signers;

		private RetryPolicy retry = RetryPolicy.DEFAULT;

		private @Nullable ServerClockSynchronizer clock;

		private WalletMetrics metrics = WalletMetrics.NONE;

		private long maxResponseBytes = 1024 * 1024;

		private @Nullable Map<String, ClientHttpRequestFactory> certificates;

		private @Nullable String userAgent;

		private boolean observed;

		private Supplier<@Nullable TransactionObserver> transactions = () -> TransactionObserver.NONE;

		private Builder(NonceGenerator nonces, ServerTimeOffset time, MacSigners signers) {
			Assert.notNull(nonces, "Nonces must not be null");
			Assert.notNull(time, "Time must not be null");
			Assert.notNull(signers, "Signers must not be null");
			this.nonces = nonces;
			this.time = time;
			this.signers = signers;
		}

		/**
		 * Set when attempts are repeated (by default GET and HEAD, three attempts, on 502 and
		 * 503, 100 ms to 2 s backoff): only the given (idempotent) methods, on the given
		 * statuses or on failures that left the outcome unknown, with an exponential backoff
		 * spread by a random jitter.
		 * @param maxAttempts attempts in all, including the first; 1 turns retries off
		 * @param methods methods that may be resent
		 * @param statuses HTTP statuses that are resent
		 * @param initialBackoff the wait before the second attempt
		 * @param maxBackoff the longest wait between any two attempts
		 * @return this builder
		 */
		public Builder retry(int maxAttempts, Set<HttpMethod> methods, Set<Integer> statuses, Duration initialBackoff,
				Duration maxBackoff) {
			this.retry = new RetryPolicy(maxAttempts, methods, statuses, initialBackoff, maxBackoff);
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
		 * Send each request on the HTTP client of its credentials' SSL bundle (certificate
		 * mode with certificates of their own per project).
		 * @param factories an HTTP client per SSL bundle name, or {@code null} to send every
		 * request on the {@code RestClient}'s own
		 * @return this builder
		 */
		public Builder certificates(@Nullable Map<String, ClientHttpRequestFactory> factories) {
			this.certificates = factories;
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
		 * Tell the observation of each request which route it took (read by
		 * {@link WalletSigning#observationConvention(String)}).
		 * @param observed whether the clients are observed
		 * @return this builder
		 */
		public Builder observed(boolean observed) {
			this.observed = observed;
			return this;
		}

		/**
		 * Tell an observer of every transaction a call in a project created, read or changed
		 * (after a 2xx answer), whichever client made it.
		 * @param observer the observer, looked up on the first call about a transaction until
		 * there is one ({@code null} meanwhile)
		 * @return this builder
		 */
		public Builder transactions(Supplier<@Nullable TransactionObserver> observer) {
			this.transactions = SingletonSupplier.of(observer);
			return this;
		}

		/**
		 * Build.
		 * @return the signing support
		 */
		public WalletSigning build() {
			return new WalletSigning(this);
		}

	}

}
