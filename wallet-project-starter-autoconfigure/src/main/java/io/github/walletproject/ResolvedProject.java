package io.github.walletproject;

import java.util.Objects;

import io.github.walletproject.auth.WalletCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A project a call goes to, as the configuration resolved it: its id, its alias when it has
 * one, the credentials that sign its calls and, when configured, its default wallet.
 * <p>
 * Resolved projects are made by the project registry. A resolved project handed back to the
 * client (as a binding or a request attribute) is looked up again by alias or id, so one made
 * elsewhere can never bring credentials of its own.
 */
public final class ResolvedProject implements ProjectRef {

	/** Metric tag value for projects reached by a raw id that has no alias. */
	public static final String UNALIASED_TAG = "unaliased";

	private final long id;

	private final String idText;

	private final @Nullable String alias;

	private final WalletCredentials credentials;

	private final @Nullable Long walletId;

	private final String extParameters;

	/**
	 * Create a resolved project.
	 * @param id the project id
	 * @param alias its alias, or {@code null} for a project reached by an unconfigured id
	 * @param credentials the credentials that sign its calls
	 * @param walletId its default wallet when configured, or {@code null}
	 */
	public ResolvedProject(long id, @Nullable String alias, WalletCredentials credentials, @Nullable Long walletId) {
		Assert.isTrue(id > 0, "A project id must be positive");
		Assert.notNull(credentials, "Credentials must not be null");
		this.id = id;
		this.idText = Long.toString(id);
		this.alias = alias;
		this.credentials = credentials;
		this.walletId = walletId;
		this.extParameters = "project_id=" + this.idText;
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
	 * The project's default wallet, when configured
	 * ({@code paysera.wallet.projects.<alias>.wallet-id}).
	 * @return the wallet id, or {@code null} when it is read from the API
	 */
	public @Nullable Long walletId() {
		return this.walletId;
	}

	/**
	 * The alias, or the id when there is none.
	 * @return a name for messages
	 */
	@Override
	public String text() {
		return (this.alias != null) ? this.alias : this.idText;
	}

	/**
	 * The alias, or the id when there is none (the same as {@link #text()}).
	 * @return a name for messages
	 */
	public String name() {
		return text();
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

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ResolvedProject that && this.id == that.id
				&& Objects.equals(this.alias, that.alias) && this.credentials.equals(that.credentials));
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return (this.alias != null) ? this.alias + " (" + this.idText + ")" : this.idText;
	}

}
