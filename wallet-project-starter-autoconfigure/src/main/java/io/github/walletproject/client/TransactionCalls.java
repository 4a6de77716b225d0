package io.github.walletproject.client;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.routing.RequestRoute;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.web.util.UriUtils;

/**
 * Which Wallet calls are about a transaction, and where its key is (the protocol, written
 * once for both clients): {@code transaction/{key}[/…]} names it in the path;
 * {@code POST transaction} creates one, whose key is the answer's {@code transaction_key}.
 * Only calls routed to a project are told to the {@link TransactionObserver}.
 */
final class TransactionCalls {

	private static final Pattern PATH = Pattern.compile("/transaction(?:/([^/]+)(?:/.*)?)?$");

	private static final Log logger = LogFactory.getLog(TransactionCalls.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Supplier<@Nullable TransactionObserver> observer;

	TransactionCalls(Supplier<@Nullable TransactionObserver> observer) {
		this.observer = observer;
	}

	/**
	 * What one call is about, before it is sent.
	 * @param request the request as it goes on the wire
	 * @param route its checked route
	 * @return the call, or {@code null} when it is not about a transaction in a project (or
	 * nothing observes transactions)
	 */
	@Nullable Call of(HttpRequest request, RequestRoute route) {
		if (!(route instanceof RequestRoute.ProjectRoute project)) {
			return null;
		}
		// the pattern only where it can match, and only when someone listens: without callbacks,
		// no call makes a Matcher, and other calls do not look the observer up
		String path = request.getURI().getRawPath();
		if (path == null || !path.contains("/transaction")) {
			return null;
		}
		TransactionObserver observer = this.observer.get();
		if (observer == null || observer == TransactionObserver.NONE) {
			return null;
		}
		Matcher matcher = PATH.matcher(path);
		if (!matcher.find()) {
			return null;
		}
		String key = (matcher.group(1) != null) ? UriUtils.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
		if (key == null && !HttpMethod.POST.equals(request.getMethod())) {
			return null;
		}
		WalletCredentials signer = project.project().credentials();
		return new Call(observer, key, project.project().id(), signer.isUser() ? signer.name() : null);
	}

	/**
	 * A call about a transaction in a project.
	 * @param observer who is told
	 * @param keyInPath the key the path names, or {@code null} when it is created (the key is
	 * in the answer)
	 * @param projectId the project it was routed to
	 * @param user the name of the user's credentials that signed it, or {@code null} for the
	 * application's
	 */
	record Call(TransactionObserver observer, @Nullable String keyInPath, long projectId, @Nullable String user) {

		/** Whether the answer's body must be read for the key. */
		boolean needsBody() {
			return this.keyInPath == null;
		}

		/**
		 * The call was answered with 2xx.
		 * @param body the answer's body when {@link #needsBody()}, else ignored
		 */
		void answered(byte @Nullable [] body) {
			String key = (this.keyInPath != null) ? this.keyInPath : keyIn(body);
			if (key == null || key.isEmpty()) {
				return;
			}
			try {
				this.observer.observed(key, this.projectId, this.user);
			}
			catch (RuntimeException ex) {
				// the call itself succeeded: its caller gets its answer whatever the observer did
				logger.warn("Could not record the project of transaction '" + key + "' ("
						+ ex.getClass().getSimpleName() + "); callbacks about it may not be routed", ex);
			}
		}

		private static @Nullable String keyIn(byte @Nullable [] body) {
			if (body == null || body.length == 0) {
				return null;
			}
			try {
				JsonNode key = JSON.readTree(body).get("transaction_key");
				return (key != null && key.isString()) ? key.asString() : null;
			}
			catch (JacksonException ex) {
				// not a transaction: nothing to record, and the caller's decoding reports it
				return null;
			}
		}

	}

}
