package io.github.walletproject.oauth;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Tokens kept in a relational database, shared by every instance of the application that uses
 * it: one row per key in {@value #TABLE} (the access token, MAC key, refresh token and expiry),
 * and a lock row per key in {@value #LOCK_TABLE}, so that instances sharing a chain of
 * single-use refresh tokens refresh it once between them. Create the tables with the starter's
 * {@code io/github/walletproject/oauth/schema-<platform>.sql} (see {@link #SCHEMA}).
 * <p>
 * {@link #replace} is one conditional {@code UPDATE … WHERE TOKEN_KEY = ? AND ACCESS_TOKEN = ?}
 * (an {@code INSERT} that loses to an existing row when no token is expected), so of two
 * instances that refreshed one token only the first is kept. Every statement runs in a
 * transaction of its own, on a connection of its own: a token is kept even when the caller's
 * transaction rolls back, since its refresh token is spent by then.
 * <p>
 * The values are secrets: they are bound straight to the statements (never through Spring's
 * logged parameter setting), never shown by {@link #toString()}, and a failed write reports the
 * table and the database's error code, not the database's message, which may quote a value.
 * Keep the table private.
 */
public final class JdbcWalletTokenStore implements WalletTokenStore {

	/** The table of tokens. */
	public static final String TABLE = "WALLET_TOKEN";

	/** The table of refresh locks. */
	public static final String LOCK_TABLE = "WALLET_TOKEN_LOCK";

	/** The starter's schema scripts, per database platform ({@code h2}, {@code postgresql}, …). */
	public static final String SCHEMA = "classpath:io/github/walletproject/oauth/schema-@@platform@@.sql";

	/** The longest key ({@code TOKEN_KEY}, {@code LOCK_KEY}). */
	static final int MAX_KEY = 255;

	/** The longest access token, MAC key or refresh token. */
	static final int MAX_SECRET = 500;

	private static final String SELECT = "SELECT ACCESS_TOKEN, MAC_KEY, REFRESH_TOKEN, EXPIRES_AT FROM " + TABLE
			+ " WHERE TOKEN_KEY = ?";

	private static final String INSERT = "INSERT INTO " + TABLE
			+ " (ACCESS_TOKEN, MAC_KEY, REFRESH_TOKEN, EXPIRES_AT, TOKEN_KEY) VALUES (?, ?, ?, ?, ?)";

	private static final String UPDATE = "UPDATE " + TABLE
			+ " SET ACCESS_TOKEN = ?, MAC_KEY = ?, REFRESH_TOKEN = ?, EXPIRES_AT = ? WHERE TOKEN_KEY = ?";

	private static final String COMPARE_AND_SET = UPDATE + " AND ACCESS_TOKEN = ?";

	private static final String DELETE = "DELETE FROM " + TABLE + " WHERE TOKEN_KEY = ?";

	private static final String LOCK_EXPIRED = "DELETE FROM " + LOCK_TABLE + " WHERE LOCK_KEY = ? AND EXPIRES_AT < ?";

	private static final String LOCK = "INSERT INTO " + LOCK_TABLE + " (LOCK_KEY, LOCK_OWNER, EXPIRES_AT) VALUES (?, ?, ?)";

	private static final String UNLOCK = "DELETE FROM " + LOCK_TABLE + " WHERE LOCK_KEY = ? AND LOCK_OWNER = ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	/**
	 * Create the store.
	 * @param dataSource the database that holds {@value #TABLE} and {@value #LOCK_TABLE}
	 */
	public JdbcWalletTokenStore(DataSource dataSource) {
		this(dataSource, Clock.systemUTC());
	}

	/**
	 * Create the store.
	 * @param dataSource the database that holds {@value #TABLE} and {@value #LOCK_TABLE}
	 * @param clock the clock of lock expiry
	 */
	public JdbcWalletTokenStore(DataSource dataSource, Clock clock) {
		Assert.notNull(dataSource, "DataSource must not be null");
		Assert.notNull(clock, "Clock must not be null");
		// a DataSource of its own: the caller's transaction (bound to the application's
		// DataSource) is neither joined nor committed, and a rollback of it keeps the token
		DataSource own = new DelegatingDataSource(dataSource);
		this.jdbc = new JdbcTemplate(own);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(own));
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public @Nullable WalletAccessToken get(String key) {
		return inTransaction(() -> this.jdbc.query(SELECT, (statement) -> statement.setString(1, key), (rows) -> {
			if (!rows.next()) {
				return null;
			}
			long expiresAt = rows.getLong(4);
			Instant expiry = rows.wasNull() ? null : Instant.ofEpochSecond(expiresAt);
			return new WalletAccessToken(rows.getString(1), rows.getString(2), rows.getString(3), expiry);
		}));
	}

	@Override
	public void put(String key, WalletAccessToken token) {
		PreparedStatementSetter values = values(key, token);
		writing("save", key, () -> {
			try {
				inTransaction(() -> (this.jdbc.update(UPDATE, values) == 0) ? this.jdbc.update(INSERT, values) : 1);
			}
			catch (DuplicateKeyException ex) {
				// another instance saved the first token of this key meanwhile: this one is newer
				inTransaction(() -> this.jdbc.update(UPDATE, values));
			}
			return null;
		});
	}

	@Override
	public boolean replace(String key, @Nullable String expected, WalletAccessToken token) {
		PreparedStatementSetter values = values(key, token);
		Boolean replaced = writing("replace", key, () -> {
			if (expected == null) {
				try {
					return inTransaction(() -> this.jdbc.update(INSERT, values) == 1);
				}
				catch (DuplicateKeyException ex) {
					return false;
				}
			}
			return inTransaction(() -> this.jdbc.update(COMPARE_AND_SET, (statement) -> {
				values.setValues(statement);
				statement.setString(6, expected);
			}) == 1);
		});
		return Boolean.TRUE.equals(replaced);
	}

	@Override
	public void remove(String key) {
		inTransaction(() -> this.jdbc.update(DELETE, (statement) -> statement.setString(1, key)));
	}

	@Override
	public boolean tryLock(String key, Duration ttl) {
		long now = this.clock.millis();
		try {
			return Boolean.TRUE.equals(inTransaction(() -> {
				this.jdbc.update(LOCK_EXPIRED, (statement) -> {
					statement.setString(1, key);
					statement.setLong(2, now);
				});
				return this.jdbc.update(LOCK, (statement) -> {
					statement.setString(1, key);
					statement.setString(2, this.owner);
					statement.setLong(3, now + ttl.toMillis());
				}) == 1;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public void unlock(String key) {
		inTransaction(() -> this.jdbc.update(UNLOCK, (statement) -> {
			statement.setString(1, key);
			statement.setString(2, this.owner);
		}));
	}

	/**
	 * The values of a row, bound straight to the statement: the parameters 1 to 5, in the
	 * order of {@link #INSERT} and {@link #UPDATE}.
	 */
	private static PreparedStatementSetter values(String key, WalletAccessToken token) {
		checkLength("key", key, MAX_KEY);
		checkLength("access token", token.accessToken(), MAX_SECRET);
		checkLength("MAC key", token.macKey(), MAX_SECRET);
		checkLength("refresh token", token.refreshToken(), MAX_SECRET);
		return (statement) -> {
			statement.setString(1, token.accessToken());
			statement.setString(2, token.macKey());
			setNullable(statement, 3, token.refreshToken());
			if (token.expiresAt() != null) {
				statement.setLong(4, token.expiresAt().getEpochSecond());
			}
			else {
				statement.setNull(4, Types.BIGINT);
			}
			statement.setString(5, key);
		};
	}

	private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
			throws SQLException {
		if (value != null) {
			statement.setString(index, value);
		}
		else {
			statement.setNull(index, Types.VARCHAR);
		}
	}

	/** Checked before writing: a database refusing a long value may quote it in its message. */
	private static void checkLength(String part, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			throw new IllegalArgumentException("A Wallet token's " + part + " of " + value.length()
					+ " characters does not fit the " + max + " of table " + TABLE);
		}
	}

	private <T> @Nullable T inTransaction(Supplier<@Nullable T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	/**
	 * A write, whose failure names the table, the key and the database's error codes, never
	 * the database's message (which may quote a value written).
	 */
	private <T> @Nullable T writing(String what, String key, Supplier<@Nullable T> write) {
		try {
			return write.get();
		}
		catch (DataAccessException ex) {
			SQLException cause = sqlException(ex);
			String codes = (cause != null) ? " (SQL state " + cause.getSQLState() + ", error code "
					+ cause.getErrorCode() + ")" : "";
			throw new DataAccessResourceFailureException("Could not " + what + " the Wallet token under key '" + key
					+ "' in table " + TABLE + ": " + ex.getClass().getSimpleName() + codes);
		}
	}

	private static @Nullable SQLException sqlException(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "JdbcWalletTokenStore[" + TABLE + "]";
	}

}
