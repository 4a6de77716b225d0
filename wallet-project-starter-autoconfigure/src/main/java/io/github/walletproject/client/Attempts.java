package io.github.walletproject.client;

import java.io.IOException;

import io.github.walletproject.WalletException;
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

	ClientHttpResponse run(HttpRequest request, RequestRoute route, Attempt attempt) throws IOException {
		State state = new State();
		BackOffExecution backOff = null;
		boolean clockReplayed = false;
		boolean tokenReplayed = false;
		boolean reachedServer = false;
		for (int number = 1;; number++) {
			long clockVersion = (this.clock != null) ? this.clock.offset().version() : 0;
			ClientHttpResponse response;
			int status;
			try {
				response = attempt.send(state);
				// HttpURLConnection reads the answer to a request with a body only here
				status = response.getStatusCode().value();
			}
			catch (IOException ex) {
				reachedServer |= !TransportFailures.notSent(ex);
				if (TransportFailures.mayRetry(ex) && this.retry.allows(request.getMethod(), number)) {
					this.metrics.retry(TransportFailures.timedOut(ex) ? "timeout" : "io_error");
					backOff = pause(backOff);
					continue;
				}
				throw TransportFailures.failure(request, ex, number, route, state.nonce, reachedServer);
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
					number--;
					continue;
				}
			}
			if ("invalid_grant".equals(code) && !tokenReplayed
					&& this.signers.refreshAfter(route.credentials(), state.signerVersion)) {
				tokenReplayed = true;
				this.metrics.retry("invalid_grant");
				number--;
				continue;
			}
			if (this.retry.retriesStatus(status) && this.retry.allows(request.getMethod(), number)) {
				this.metrics.retry("status_" + status);
				backOff = pause(backOff);
				continue;
			}
			return error;
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

	private BackOffExecution pause(@Nullable BackOffExecution backOff) {
		BackOffExecution execution = (backOff != null) ? backOff : this.retry.startBackOff();
		long millis = execution.nextBackOff();
		if (millis > 0 && millis != BackOffExecution.STOP) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WalletException("Interrupted while waiting to retry a Wallet API request", ex);
			}
		}
		return execution;
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
	static final class State {

		@Nullable String nonce;

		long signerVersion;

	}

}
