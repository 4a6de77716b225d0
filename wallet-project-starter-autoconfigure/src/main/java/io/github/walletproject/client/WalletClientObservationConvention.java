package io.github.walletproject.client;

import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.ResolvedProject;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Observes Wallet API calls with Spring's standard HTTP client keys plus the project:
 * {@code wallet.project} (low cardinality: the configured alias, {@code unaliased} for a raw
 * id, {@code none} for account-level calls) and {@code wallet.project.id} (high cardinality).
 */
public final class WalletClientObservationConvention extends DefaultClientRequestObservationConvention {

	/** Low-cardinality key with the project alias. */
	public static final String PROJECT_KEY = "wallet.project";

	/** High-cardinality key with the project id. */
	public static final String PROJECT_ID_KEY = "wallet.project.id";

	private static final KeyValue NO_PROJECT = KeyValue.of(PROJECT_KEY, "none");

	private static final KeyValue NO_PROJECT_ID = KeyValue.of(PROJECT_ID_KEY, "none");

	/**
	 * Create a convention.
	 * @param name the observation name
	 */
	public WalletClientObservationConvention(String name) {
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

	private static ResolvedProject project(ClientRequestObservationContext context) {
		// put there by WalletClientInterceptor once it has chosen the route
		RequestRoute route = context.get(RequestRoute.class);
		return (route != null) ? route.project() : null;
	}

}
