package io.github.walletproject.client;

import java.io.IOException;

import io.github.walletproject.WalletException;
import io.github.walletproject.internal.BlockingCalls;
import io.github.walletproject.routing.RequestRoute;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The attempt policy of one request: sends it, and sends it again only when that cannot
 * duplicate an effect. I/O failures and the configured statuses are retried for the methods
 * of the {@link RetryPolicy}, with its backoff; one replay follows {@code invalid_timestamp}
 * once the clock offset was re-measured, and one follows {@code invalid_grant} once a newer
 * token exists (the server refused those before doing anything). Every attempt is signed
 * afresh by the {@link Attempt} it runs.
 * <p>
 * The decisions are made once, in {@link Run}; {@link #run} drives them for the blocking
 * client and {@code WalletExchangeFilter} for the reactive one, which runs the steps that
 * may wait (clock re-read, token refresh) off the event loop and waits with a timer.
 */
final class Attempts {

	private static final Log logger = LogFactory.getLog(Attempts.class);

	private final RetryPolicy retry;

	private final @Nullable ServerClockSynchronizer clock;

	private final MacSigners signers;

	private final WalletMetrics metrics;

	private final long maxResponseBytes;

	Attempts(RetryPolicy retry, @Nullable ServerClockSynchronizer clock, MacSigners signers, WalletMetrics metrics,
			long maxResponseBytes) {
		this.retry = retry;
		this.clock = clock;
		this.signers = signers;
		this.metrics = metrics;
		this.maxResponseBytes = maxResponseBytes;
	}

	long maxResponseBytes() {
		return this.maxResponseBytes;
	}

	ClientHttpResponse run(HttpRequest request, RequestRoute route, Attempt attempt) throws IOException {
		Run run = start(request, route);
		for (;;) {
			run.starting();
			ClientHttpResponse response;
			int status;
			try {
				response = attempt.send(run.state);
				// HttpURLConnection reads the answer to a request with a body only here
				status = response.getStatusCode().value();
			}
			catch (IOException ex) {
				pause(run.afterFailure(ex));
				continue;
			}
			run.answered();
			if (status < 400) {
				return new SizeLimitedResponse(response, this.maxResponseBytes);
			}
			BufferedResponse error = BufferedResponse.read(response, WalletErrorDecoder.MAX_ERROR_BODY);
			Next next = run.afterError(status, error.bodyBytes());
			while (next == Next.RESYNC_CLOCK || next == Next.REFRESH_TOKEN) {
				boolean helped = (next == Next.RESYNC_CLOCK) ? run.resynchronize() : run.refreshToken();
				next = helped ? run.replay(next) : run.next();
			}
			if (next == Next.RETURN || (next == Next.RETRY && CallDeadline.passed())) {
				return error;
			}
			if (next == Next.RETRY) {
				pause(run.backOff());
			}
		}
	}

	/**
	 * Start the attempts of one request.
	 * @param request the request
	 * @param route its route
	 * @return the decisions of this request
	 */
	Run start(HttpRequest request, RequestRoute route) {
		return new Run(request, route);
	}

	private static void pause(long millis) {
		if (millis > 0) {
			BlockingCalls.blocking("waiting to retry a Wallet API request");
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WalletException("Interrupted while waiting to retry a Wallet API request", ex);
			}
		}
	}

	/**
	 * What follows an answered or failed attempt.
	 */
	enum Next {

		/** Hand the response to the caller. */
		RETURN,

		/** Wait {@link Run#backOff()}, then make the next attempt. */
		RETRY,

		/** Make the same attempt again, signed afresh, at once (not counted as a retry). */
		REPLAY,

		/** Re-read the server clock ({@link Run#resynchronize()}, may wait), then replay if that worked. */
		RESYNC_CLOCK,

		/** Refresh the token ({@link Run#refreshToken()}, may wait), then replay if that worked. */
		REFRESH_TOKEN

	}

	/**
	 * The decisions of one request's attempts, in the order the Wallet API needs them: one
	 * clock replay, one token replay, then retries of the configured statuses. Not
	 * thread-safe: one request's attempts run one after another.
	 */
	final class Run extends State {

		/** What the attempts were signed with: this object, so that a request makes one, not two. */
		final State state = this;

		private final HttpRequest request;

		private final RequestRoute route;

		private int number = 1;

		private boolean clockReplayed;

		private boolean tokenReplayed;

		private boolean reachedServer;

		private long clockVersion;

		private @Nullable BackOffExecution backOff;

		private int status;

		private @Nullable String code;

		private int stage;

		private Run(HttpRequest request, RequestRoute route) {
			this.request = request;
			this.route = route;
		}

		/** Before each attempt: remember the clock it is signed with. */
		void starting() {
			this.clockVersion = (Attempts.this.clock != null) ? Attempts.this.clock.offset().version() : 0;
		}

		/**
		 * After an attempt failed without an answer.
		 * @param ex the failure
		 * @return the wait before the next attempt, in milliseconds
		 * @throws io.github.walletproject.WalletTransportException when no attempt follows
		 */
		long afterFailure(Throwable ex) {
			this.reachedServer |= !TransportFailures.notSent(ex);
			// past the caller's deadline (a fan-out task's) no attempt follows: its read was cut there
			if (TransportFailures.mayRetry(ex) && Attempts.this.retry.allows(this.request.getMethod(), this.number)
					&& !CallDeadline.passed()) {
				Attempts.this.metrics.retry(TransportFailures.timedOut(ex) ? "timeout" : "io_error");
				this.number++;
				return backOff();
			}
			throw TransportFailures.failure(this.request, ex, this.number, this.route, this.state.nonce,
					this.reachedServer);
		}

		/** An attempt got an answer. */
		void answered() {
			this.reachedServer = true;
		}

		/**
		 * After an attempt was answered with an error status.
		 * @param status the status
		 * @param body the error body, read up to {@link WalletErrorDecoder#MAX_ERROR_BODY} bytes
		 * @return what to do
		 */
		Next afterError(int status, byte[] body) {
			this.status = status;
			this.code = (status < 500) ? WalletErrorDecoder.errorCode(body) : null;
			this.stage = 0;
			return next();
		}

		/**
		 * The next decision after {@link #afterError}, once a clock re-read or token refresh
		 * did not help.
		 * @return what to do
		 */
		Next next() {
			if (this.stage < 1) {
				this.stage = 1;
				if ("invalid_timestamp".equals(this.code) && !this.clockReplayed && Attempts.this.clock != null) {
					this.clockReplayed = true;
					return Next.RESYNC_CLOCK;
				}
			}
			if (this.stage < 2) {
				this.stage = 2;
				if ("invalid_grant".equals(this.code) && !this.tokenReplayed) {
					return Next.REFRESH_TOKEN;
				}
			}
			if (this.stage < 3) {
				this.stage = 3;
				if (Attempts.this.retry.retriesStatus(this.status)
						&& Attempts.this.retry.allows(this.request.getMethod(), this.number)) {
					Attempts.this.metrics.retry("status_" + this.status);
					this.number++;
					return Next.RETRY;
				}
			}
			return Next.RETURN;
		}

		/**
		 * A clock re-read or token refresh worked: the attempt is made again.
		 * @param after the step that worked
		 * @return {@link Next#REPLAY}
		 */
		Next replay(Next after) {
			if (after == Next.REFRESH_TOKEN) {
				this.tokenReplayed = true;
				Attempts.this.metrics.retry("invalid_grant");
			}
			else {
				Attempts.this.metrics.retry("invalid_timestamp");
			}
			return Next.REPLAY;
		}

		/**
		 * Re-read the server clock after {@code invalid_timestamp} (may wait for the read).
		 * @return {@code true} when the attempt may be replayed
		 */
		boolean resynchronize() {
			try {
				Attempts.this.clock.synchronizeAfter(this.clockVersion);
				return true;
			}
			catch (WalletException ex) {
				logger.warn("Wallet API refused a timestamp and its clock could not be read (" + ex.getMessage()
						+ "); the request is not replayed");
				return false;
			}
		}

		/**
		 * Refresh the token after {@code invalid_grant} (may wait for the refresh).
		 * @return {@code true} when the attempt may be replayed with a newer token
		 */
		boolean refreshToken() {
			return Attempts.this.signers.refreshAfter(this.route.credentials(), this.state.signerVersion);
		}

		/**
		 * The wait before the next retry.
		 * @return milliseconds, 0 for none
		 */
		long backOff() {
			if (this.backOff == null) {
				this.backOff = Attempts.this.retry.startBackOff();
			}
			long millis = this.backOff.nextBackOff();
			return (millis > 0 && millis != BackOffExecution.STOP) ? millis : 0;
		}

		RequestRoute route() {
			return this.route;
		}

	}

	/**
	 * Signs and sends one attempt.
	 */
	@FunctionalInterface
	interface Attempt {

		ClientHttpResponse send(State state) throws IOException;

	}

	/**
	 * What the last attempt of a request was signed with.
	 */
	static class State {

		@Nullable String nonce;

		long signerVersion;

	}

}
