package io.github.walletproject.client;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectAccessUnavailableException;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.routing.RequestRoute;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Observes Wallet API calls with Spring's standard HTTP client keys plus the project:
 * {@code wallet.project} (low cardinality: the configured alias, {@code unaliased} for a raw
 * id, {@code none} for account-level calls) and {@code wallet.project.id} (high cardinality).
 * A call the starter refused before sending anything (no project bound, an invalid project,
 * access denied or undecidable) has the outcome {@value #REFUSED}, never {@code UNKNOWN}.
 */
final class WalletClientObservationConvention extends DefaultClientRequestObservationConvention {

	/** Low-cardinality key with the project alias. */
	static final String PROJECT_KEY = "wallet.project";

	/** High-cardinality key with the project id. */
	static final String PROJECT_ID_KEY = "wallet.project.id";

	/** Outcome of a call refused before anything was sent. */
	static final String REFUSED = "REFUSED";

	private static final KeyValue NO_PROJECT = KeyValue.of(PROJECT_KEY, "none");

	private static final KeyValue NO_PROJECT_ID = KeyValue.of(PROJECT_ID_KEY, "none");

	private static final KeyValue REFUSED_OUTCOME = KeyValue.of("outcome", REFUSED);

	/**
	 * Create a convention.
	 * @param name the observation name
	 */
	WalletClientObservationConvention(String name) {
		super(name);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		ResolvedProject project = project(context);
		return super.getLowCardinalityKeyValues(context)
			.and((project != null) ? KeyValue.of(PROJECT_KEY, project.tag()) : NO_PROJECT);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
		ResolvedProject project = project(context);
		return super.getHighCardinalityKeyValues(context)
			.and((project != null) ? KeyValue.of(PROJECT_ID_KEY, project.idText()) : NO_PROJECT_ID);
	}

	/**
	 * The request's address without its query: a query may hold a secret (revoking a token
	 * sends {@code access_token=…}) or a payer's e-mail address, and traces are exported.
	 */
	@Override
	protected KeyValue requestUri(ClientRequestObservationContext context) {
		ClientHttpRequest request = context.getCarrier();
		if (request == null || request.getURI().getRawQuery() == null) {
			return super.requestUri(context);
		}
		String full = request.getURI().toASCIIString();
		return KeyValue.of(ClientHttpObservationDocumentation.HighCardinalityKeyNames.HTTP_URL,
				full.substring(0, full.indexOf('?')));
	}

	@Override
	protected KeyValue outcome(ClientRequestObservationContext context) {
		Throwable error = context.getError();
		if (context.getResponse() == null && isRefusal(error)) {
			return REFUSED_OUTCOME;
		}
		return super.outcome(context);
	}

	private static boolean isRefusal(@Nullable Throwable error) {
		for (Throwable each = error; each != null; each = each.getCause()) {
			if (each instanceof NoProjectBoundException || each instanceof InvalidProjectException
					|| each instanceof ProjectAccessDeniedException || each instanceof ProjectAccessUnavailableException) {
				return true;
			}
			if (each.getCause() == each) {
				break;
			}
		}
		return false;
	}

	private static @Nullable ResolvedProject project(ClientRequestObservationContext context) {
		ClientHttpRequest request = context.getCarrier();
		// put there by WalletSigningInterceptor once it has chosen the route
		Object route = (request != null) ? request.getAttributes().get(WalletSigningInterceptor.ROUTE_ATTRIBUTE) : null;
		return (route instanceof RequestRoute chosen) ? chosen.project() : null;
	}

}
