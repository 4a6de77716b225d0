package io.github.walletproject.callback;

import java.util.Locale;

/**
 * What became of one callback: the {@code outcome} tag of the {@code wallet.callbacks} metric
 * and the status the endpoint answers.
 */
public enum CallbackOutcome {

	/** Verified and delivered to the listeners, which all returned: {@code 200}. */
	DISPATCHED(200),

	/**
	 * {@code event} or {@code sign} missing, empty or given twice, named in the query string, the
	 * form not decodable, or {@code sign} not Base64: {@code 400}.
	 */
	MALFORMED(400),

	/** The signature does not verify with Paysera's key (also after fetching it again): {@code 400}. */
	INVALID_SIGNATURE(400),

	/** No key to verify with (its fetch failed): {@code 503}, so that Paysera sends it again. */
	KEY_UNAVAILABLE(503),

	/** Verified, but already dispatched within the duplicate window: {@code 200}, not dispatched again. */
	DUPLICATE(200),

	/**
	 * Verified, but an earlier delivery of the same event is being handled now (its listeners
	 * have not returned, within {@code paysera.wallet.callbacks.in-progress-lease}): {@code 503},
	 * not dispatched, so that Paysera sends it again and it is acknowledged only once the
	 * event was really handled.
	 */
	IN_PROGRESS(503),

	/**
	 * Verified, but no project could be told from signed or recorded data: {@code 503}, not
	 * dispatched, so that Paysera sends it again (the record may yet arrive, a shared cache
	 * come back) and the event is not lost while someone looks.
	 */
	UNKNOWN_PROJECT(503),

	/** Verified, but the credentials may not act for its project: {@code 200}, not dispatched. */
	FORBIDDEN_PROJECT(200),

	/**
	 * Verified, but its transaction was made with a user's token
	 * ({@code WalletUserTokens.callAs}), and that user is not connected now: {@code 503}, not
	 * dispatched, so that Paysera sends it again (it is handled once the user connects again).
	 */
	USER_NOT_CONNECTED(503),

	/** Verified, but whether the credentials may act for its project cannot be decided now: {@code 503}. */
	ACCESS_UNAVAILABLE(503),

	/** Verified, but an object kind this client does not know: {@code 200}, not dispatched. */
	UNSUPPORTED(200),

	/**
	 * Verified, but the starter cannot read it (not JSON, no {@code object}, {@code type} or
	 * {@code data}, or data that does not decode into its record): {@code 500}, not dispatched,
	 * so that Paysera keeps the event and sends it again, and a fixed version handles it.
	 */
	UNREADABLE(500),

	/** A listener threw: {@code 500}, so that Paysera sends it again (and it is dispatched again). */
	LISTENER_FAILED(500),

	/**
	 * The form's body was read before the endpoint (a servlet filter read the request's
	 * parameters), so its exact bytes cannot be verified: {@code 500}, so that Paysera sends it
	 * again once the application is fixed.
	 */
	BODY_UNAVAILABLE(500);

	private final int status;

	CallbackOutcome(int status) {
		this.status = status;
	}

	/**
	 * The HTTP status the endpoint answers.
	 * @return the status code
	 */
	public int httpStatus() {
		return this.status;
	}

	/**
	 * The metric tag value.
	 * @return the name in lower case, such as {@code invalid_signature}
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
