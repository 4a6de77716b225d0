package io.github.walletproject.client;

import java.net.URI;

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
 * {@link Reactive} applies the same to the reactive client, so both clients' observations have
 * the same name and the same low-cardinality keys.
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
		return super.getLowCardinalityKeyValues(context).and(projectKey(project(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
		return super.getHighCardinalityKeyValues(context).and(projectIdKey(project(context)));
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
		return withoutQuery(request.getURI());
	}

	@Override
	protected KeyValue outcome(ClientRequestObservationContext context) {
		if (context.getResponse() == null && isRefusal(context.getError())) {
			return REFUSED_OUTCOME;
		}
		return super.outcome(context);
	}

	private static KeyValue projectKey(@Nullable ResolvedProject project) {
		return (project != null) ? KeyValue.of(PROJECT_KEY, project.tag()) : NO_PROJECT;
	}

	private static KeyValue projectIdKey(@Nullable ResolvedProject project) {
		return (project != null) ? KeyValue.of(PROJECT_ID_KEY, project.idText()) : NO_PROJECT_ID;
	}

	private static KeyValue withoutQuery(URI uri) {
		String full = uri.toASCIIString();
		int query = full.indexOf('?');
		return KeyValue.of(ClientHttpObservationDocumentation.HighCardinalityKeyNames.HTTP_URL,
				(query >= 0) ? full.substring(0, query) : full);
	}

	private static @Nullable ResolvedProject routed(@Nullable Object route) {
		return (route instanceof RequestRoute chosen) ? chosen.project() : null;
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
		return routed((request != null) ? request.getAttributes().get(WalletSigningInterceptor.ROUTE_ATTRIBUTE) : null);
	}

	/**
	 * The same keys and values for the reactive client ({@code walletWebClient}): Spring's
	 * standard {@code WebClient} keys, whose low-cardinality names and values are those of the
	 * blocking client, plus the project, the outcome {@value #REFUSED} and the address without
	 * its query, decided by the methods of the enclosing class. Only loaded with Spring WebFlux.
	 */
	public static final class Reactive
			extends org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention {

		/**
		 * Create a convention.
		 * @param name the observation name, the blocking client's
		 */
		public Reactive(String name) {
			super(name);
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(
				org.springframework.web.reactive.function.client.ClientRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and(projectKey(project(context)));
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(
				org.springframework.web.reactive.function.client.ClientRequestObservationContext context) {
			return super.getHighCardinalityKeyValues(context).and(projectIdKey(project(context)));
		}

		@Override
		protected KeyValue httpUrl(org.springframework.web.reactive.function.client.ClientRequestObservationContext context) {
			org.springframework.web.reactive.function.client.ClientRequest request = context.getRequest();
			return (request != null) ? withoutQuery(request.url()) : super.httpUrl(context);
		}

		@Override
		protected KeyValue outcome(org.springframework.web.reactive.function.client.ClientRequestObservationContext context) {
			if (context.getResponse() == null && isRefusal(context.getError())) {
				return REFUSED_OUTCOME;
			}
			return super.outcome(context);
		}

		private static @Nullable ResolvedProject project(
				org.springframework.web.reactive.function.client.ClientRequestObservationContext context) {
			// put there by WalletExchangeFilter once it has chosen the route
			return routed(context.get(WalletSigningInterceptor.ROUTE_ATTRIBUTE));
		}

	}

}
