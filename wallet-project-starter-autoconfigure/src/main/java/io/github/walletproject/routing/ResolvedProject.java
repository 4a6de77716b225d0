package io.github.walletproject.routing;

import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

/**
 * A project a call is routed to: its id, its alias when configured, and the credentials
 * that sign calls for it. Everything a call needs is computed once here, so routing a call
 * allocates nothing.
 */
public final class ResolvedProject {

	/** Metric tag value for projects reached by a raw id that has no alias. */
	public static final String UNALIASED_TAG = "unaliased";

	private final long id;

	private final String idText;

	private final @Nullable String alias;

	private final WalletCredentials credentials;

	private final String extParameters;

	private final RequestRoute route;

	private final Object owner;

	ResolvedProject(Object owner, long id, @Nullable String alias, WalletCredentials credentials) {
		this.owner = owner;
		this.id = id;
		this.idText = Long.toString(id);
		this.alias = alias;
		this.credentials = credentials;
		this.extParameters = "project_id=" + this.idText;
		this.route = new RequestRoute(this, credentials);
	}

	/**
	 * The project id.
	 * @return the id, positive
	 */
	public long id() {
		return this.id;
	}

	/**
	 * The project id as decimal text.
	 * @return the id
	 */
	public String idText() {
		return this.idText;
	}

	/**
	 * The configured alias.
	 * @return the alias, or {@code null} when reached by an unconfigured id
	 */
	public @Nullable String alias() {
		return this.alias;
	}

	/**
	 * The credentials that sign calls for this project.
	 * @return the credentials
	 */
	public WalletCredentials credentials() {
		return this.credentials;
	}

	/**
	 * The alias, or the id when there is none.
	 * @return a name for messages
	 */
	public String name() {
		return (this.alias != null) ? this.alias : this.idText;
	}

	/**
	 * The bounded metric tag: the alias, or {@value #UNALIASED_TAG}.
	 * @return the tag value
	 */
	public String tag() {
		return (this.alias != null) ? this.alias : UNALIASED_TAG;
	}

	/**
	 * {@code project_id=<id>}, ready for {@code ext}.
	 * @return the encoded parameter
	 */
	public String extParameters() {
		return this.extParameters;
	}

	RequestRoute route() {
		return this.route;
	}

	boolean belongsTo(Object owner) {
		return this.owner == owner;
	}

	@Override
	public String toString() {
		return (this.alias != null) ? this.alias + " (" + this.idText + ")" : this.idText;
	}

}
