package io.github.walletproject.callback;

import java.nio.charset.Charset;
import java.time.Clock;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.money.Allowance;
import io.github.walletproject.money.Payment;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.routing.ProjectRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.StringUtils;

/**
 * Handles one callback, whatever carried it: verifies {@code sign} over {@code event}, and only
 * then reads the event, tells its project (signed {@code project_id}, else the transaction
 * key's recorded project), checks access, drops duplicates, and publishes the typed event
 * with the project bound. Never echoes the body in a log line.
 */
final class CallbackHandler {

	private static final Log logger = LogFactory.getLog(CallbackHandler.class);

	private static final String UNKNOWN = "unknown";

	private static final String KEPT = "; not dispatched, answered 500 so that Paysera keeps it and sends it again "
			+ "(once a fixed version is deployed it is handled)";

	private final CallbackSignatureVerifier verifier;

	private final ObjectMapper json;

	private final ProjectRegistry registry;

	private final ProjectAccessChecker access;

	private final TransactionProjects transactionProjects;

	private final DeliveredEvents delivered;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final CallbackMetrics metrics;

	private final CallbackUsers users;

	CallbackHandler(CallbackSignatureVerifier verifier, ObjectMapper json, ProjectRegistry registry,
			ProjectAccessChecker access, TransactionProjects transactionProjects, DeliveredEvents delivered,
			Clock clock, ApplicationEventPublisher publisher, CallbackMetrics metrics, CallbackUsers users) {
		this.verifier = verifier;
		this.json = json;
		this.registry = registry;
		this.access = access;
		this.transactionProjects = transactionProjects;
		this.delivered = delivered;
		this.clock = clock;
		this.publisher = publisher;
		this.metrics = metrics;
		this.users = users;
	}

	/**
	 * Handle one callback.
	 * @param event the {@code event} form field, decoded to the exact bytes sent, or {@code null}
	 * @param charset the form's charset, in which the verified {@code event} is read as text
	 * @param sign the {@code sign} form field, or {@code null}
	 * @param from who sent it, for the log (an address, never the body)
	 * @return what became of it
	 */
	CallbackOutcome handle(byte @Nullable [] event, Charset charset, @Nullable String sign, String from) {
		if (event == null || event.length == 0 || !StringUtils.hasLength(sign)) {
			String missing = (event == null || event.length == 0) ? "event" : "sign";
			return refuse(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from + ": form field '"
					+ missing + "' is missing or empty (expected the form fields 'event' and 'sign' in the "
					+ "application/x-www-form-urlencoded body)");
		}
		CallbackSignatureVerifier.Result result;
		try {
			result = this.verifier.verify(event, sign);
		}
		catch (CallbackPublicKey.KeyUnavailableException ex) {
			return refuse(CallbackOutcome.KEY_UNAVAILABLE, "Refused a Paysera callback from " + from + " (answered "
					+ "503 so that it is sent again): " + ex.getMessage());
		}
		if (result == CallbackSignatureVerifier.Result.BAD_BASE64) {
			return refuse(CallbackOutcome.MALFORMED, "Refused a Paysera callback from " + from
					+ ": form field 'sign' is not Base64 (" + sign.length() + " characters)");
		}
		if (result == CallbackSignatureVerifier.Result.INVALID) {
			return refuse(CallbackOutcome.INVALID_SIGNATURE, "Refused a Paysera callback from " + from
					+ ": its signature does not verify with Paysera's key (event of " + event.length
					+ " bytes); it is not dispatched");
		}
		return dispatch(new String(event, charset));
	}

	/**
	 * Refuse a request that never reached verification: counted and logged.
	 * @param outcome what became of it
	 * @param message the log line (never the body)
	 * @return the outcome
	 */
	CallbackOutcome refused(CallbackOutcome outcome, String message) {
		return refuse(outcome, message);
	}

	private CallbackOutcome dispatch(String event) {
		JsonNode root;
		try {
			root = this.json.readTree(event);
		}
		catch (JacksonException ex) {
			return done(CallbackOutcome.UNREADABLE, UNKNOWN, "A verified Paysera callback's event is not JSON ("
					+ ex.getClass().getSimpleName() + ", event of " + event.length() + " characters)" + KEPT);
		}
		String object = text(root, "object");
		String type = text(root, "type");
		JsonNode data = root.get("data");
		if (object == null || type == null || data == null || !data.isObject()) {
			return done(CallbackOutcome.UNREADABLE, UNKNOWN, "A verified Paysera callback "
					+ "has no 'object', 'type' or 'data' object (object " + Texts.quote(object) + ")" + KEPT);
		}
		if (!object.equals("transaction") && !object.equals("payment") && !object.equals("allowance")) {
			return done(CallbackOutcome.UNSUPPORTED, UNKNOWN, "A verified Paysera callback about object "
					+ Texts.quote(object) + " (type " + Texts.quote(type) + ") is of a kind this starter does not know; "
					+ "acknowledged, not dispatched");
		}
		Decoded decoded;
		try {
			decoded = decode(object, data);
		}
		catch (RuntimeException ex) {
			// the exception's message may quote the data: only its class is logged
			return done(CallbackOutcome.UNREADABLE, object, "A verified Paysera callback about a " + object + " ("
					+ Texts.quote(type) + ") could not be read into the starter's " + object + " record ("
					+ rootClass(ex) + ")" + KEPT);
		}
		String what = object + " " + Texts.quote(decoded.id()) + " (" + Texts.quote(type) + ")";
		Long projectId = projectId(data, decoded.transactionKey());
		if (projectId == null) {
			return done(CallbackOutcome.UNKNOWN_PROJECT, object, "Paysera callback about " + what + " not dispatched: its "
					+ "data has no project_id and no project was recorded for transaction "
					+ Texts.quote(decoded.transactionKey()) + " (the starter records the project of transactions it "
					+ "creates or reads, for paysera.wallet.callbacks.records.time-to-live); answered 503 so that "
					+ "Paysera sends it again");
		}
		ResolvedProject configured = this.registry.byId(projectId);
		String user = (decoded.transactionKey() != null)
				? this.transactionProjects.userOf(decoded.transactionKey(), projectId) : null;
		if (user == null) {
			return checkAndDispatch(configured, object, type, what, decoded);
		}
		// made with a user's token: handled as that user, as the call that made it was
		return this.users.runAs(user, () -> {
			WalletCredentials credentials = CredentialsContext.current();
			ResolvedProject asUser = (credentials != null) ? new ResolvedProject(configured.id(), configured.alias(),
					credentials, configured.walletId()) : configured;
			return checkAndDispatch(asUser, object, type, what, decoded);
		}).orElseGet(() -> done(CallbackOutcome.USER_NOT_CONNECTED, object, "Paysera callback about " + what
				+ " not dispatched: transaction " + Texts.quote(decoded.transactionKey()) + " was made with a user's token "
				+ "(WalletUserTokens.callAs) and that user is not connected now (disconnected, or user tokens are off); "
				+ "answered 503 so that Paysera sends it again (see docs/callbacks.md)"));
	}

	private CallbackOutcome checkAndDispatch(ResolvedProject project, String object, String type, String what,
			Decoded decoded) {
		try {
			this.access.check(project);
		}
		catch (ProjectAccessDeniedException ex) {
			return done(CallbackOutcome.FORBIDDEN_PROJECT, object, "Paysera callback about " + what
					+ " not dispatched: its project " + project.name() + " is not one the credentials may use; acknowledged");
		}
		catch (ProjectAccessUnavailableException ex) {
			return refuse(CallbackOutcome.ACCESS_UNAVAILABLE, "Paysera callback about " + what + " not dispatched "
					+ "(answered 503 so that it is sent again): access to project " + project.name()
					+ " cannot be checked now: " + ex.getMessage());
		}
		String claim = object + ':' + decoded.id() + ':' + type;
		DeliveredEvents.Claim found = this.delivered.claim(claim);
		if (found == DeliveredEvents.Claim.DONE) {
			this.metrics.record(CallbackOutcome.DUPLICATE, object);
			logger.info("Paysera callback about " + what + " in project " + project.name()
					+ " was dispatched already; acknowledged, not dispatched again");
			return CallbackOutcome.DUPLICATE;
		}
		if (found == DeliveredEvents.Claim.IN_PROGRESS) {
			this.metrics.record(CallbackOutcome.IN_PROGRESS, object);
			logger.info("Paysera callback about " + what + " in project " + project.name() + " is being handled "
					+ "by an earlier delivery; answered 503 so that Paysera sends it again once that one is done");
			return CallbackOutcome.IN_PROGRESS;
		}
		long started = this.clock.millis();
		WalletCallback callback = decoded.event(type, project);
		try (ProjectContext.Scope scope = ProjectContext.open(project)) {
			this.publisher.publishEvent(callback);
		}
		catch (RuntimeException ex) {
			this.delivered.release(claim);
			this.metrics.record(CallbackOutcome.LISTENER_FAILED, object);
			logger.error("A listener of the Paysera callback about " + what + " in project " + project.name()
					+ " failed; answered 500 so that Paysera sends it again", ex);
			return CallbackOutcome.LISTENER_FAILED;
		}
		this.delivered.done(claim);
		this.metrics.record(CallbackOutcome.DISPATCHED, object);
		long took = this.clock.millis() - started;
		if (took > this.delivered.lease().toMillis()) {
			logger.warn("The listeners of the Paysera callback about " + what + " in project " + project.name()
					+ " took " + took + " ms and outlived paysera.wallet.callbacks.in-progress-lease ("
					+ this.delivered.lease() + "): a delivery meanwhile may have been dispatched again; "
					+ "raise the property above your slowest listener");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Dispatched the Paysera callback about " + what + " in project " + project.name());
		}
		return CallbackOutcome.DISPATCHED;
	}

	private @Nullable Long projectId(JsonNode data, @Nullable String transactionKey) {
		JsonNode signed = data.get("project_id");
		if (signed != null && signed.canConvertToLong() && signed.asLong() > 0) {
			return signed.asLong();
		}
		return (transactionKey != null) ? this.transactionProjects.projectOf(transactionKey) : null;
	}

	private Decoded decode(String object, JsonNode data) {
		return switch (object) {
			case "transaction" -> {
				Transaction transaction = this.json.treeToValue(data, Transaction.class);
				yield new Decoded(transaction.key(), transaction.key(), (type, project) -> new TransactionCallback(
						TransactionCallbackType.fromWireValue(type), type, transaction, project));
			}
			case "payment" -> {
				Payment payment = this.json.treeToValue(data, Payment.class);
				yield new Decoded(Long.toString(payment.id()), payment.transactionKey(), (type, project) -> new PaymentCallback(
						PaymentCallbackType.fromWireValue(type), type, payment, project));
			}
			default -> {
				Allowance allowance = this.json.treeToValue(data, Allowance.class);
				yield new Decoded(Long.toString(allowance.id()), allowance.transactionKey(),
						(type, project) -> new AllowanceCallback(AllowanceCallbackType.fromWireValue(type), type,
								allowance, project));
			}
		};
	}

	private static String rootClass(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	private static @Nullable String text(JsonNode root, String field) {
		JsonNode node = root.get(field);
		return (node != null && node.isString() && !node.asString().isEmpty()) ? node.asString() : null;
	}

	private CallbackOutcome refuse(CallbackOutcome outcome, String message) {
		this.metrics.record(outcome, UNKNOWN);
		logger.warn(message);
		return outcome;
	}

	private CallbackOutcome done(CallbackOutcome outcome, String object, String message) {
		this.metrics.record(outcome, object);
		logger.warn(message);
		return outcome;
	}

	private interface EventFactory {

		WalletCallback create(String type, ResolvedProject project);

	}

	private record Decoded(String id, @Nullable String transactionKey, EventFactory factory) {

		WalletCallback event(String type, ResolvedProject project) {
			return this.factory.create(type, project);
		}

	}

}
