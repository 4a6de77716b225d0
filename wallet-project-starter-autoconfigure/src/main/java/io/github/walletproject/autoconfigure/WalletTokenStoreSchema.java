package io.github.walletproject.autoconfigure;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.walletproject.internal.PropertyKeys;
import io.github.walletproject.oauth.JdbcWalletTokenStore;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables of the JDBC token store: created by the starter's schema script when
 * {@code paysera.wallet.oauth.jdbc.initialize-schema} says so (Boot's script initializer, as
 * Spring Session JDBC does it), and checked at startup, so that a missing table is reported
 * with the script that creates it rather than at the first refresh.
 */
final class WalletTokenStoreSchema extends DataSourceScriptDatabaseInitializer {

	private static final String PROPERTY = PropertyKeys.PREFIX + "oauth.jdbc.initialize-schema";

	WalletTokenStoreSchema(DataSource dataSource, WalletProperties.Jdbc jdbc) {
		super(dataSource, settings(dataSource, jdbc));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, WalletProperties.Jdbc jdbc) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		DatabaseInitializationMode mode = DatabaseInitializationMode.valueOf(jdbc.getInitializeSchema().name());
		settings.setMode(mode);
		// never: not even a connection to learn the platform
		settings.setSchemaLocations((mode != DatabaseInitializationMode.NEVER)
				? new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, jdbc.getSchema()) : List.of());
		// a table that exists (another instance, or a restart, created it) is no error
		settings.setContinueOnError(true);
		return settings;
	}

	/**
	 * Fail when a table of the store, or a column of it, is missing.
	 * @param dataSource the database
	 * @param jdbc the store's properties
	 */
	static void check(DataSource dataSource, WalletProperties.Jdbc jdbc) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		check(template, JdbcWalletTokenStore.TABLE, "TOKEN_KEY, ACCESS_TOKEN, MAC_KEY, REFRESH_TOKEN, EXPIRES_AT",
				dataSource, jdbc);
		check(template, JdbcWalletTokenStore.LOCK_TABLE, "LOCK_KEY, LOCK_OWNER, EXPIRES_AT", dataSource, jdbc);
	}

	private static void check(JdbcTemplate template, String table, String columns, DataSource dataSource,
			WalletProperties.Jdbc jdbc) {
		try {
			template.queryForList("SELECT " + columns + " FROM " + table + " WHERE 1 = 0");
		}
		catch (BadSqlGrammarException ex) {
			throw new WalletConfigurationException(PROPERTY,
					"is " + jdbc.getInitializeSchema().name().toLowerCase(Locale.ROOT) + ", and the token store's table " + table
							+ " (" + columns + ") is not in the database",
					"Create the tables " + JdbcWalletTokenStore.TABLE + " and " + JdbcWalletTokenStore.LOCK_TABLE
							+ " with the starter's script " + script(dataSource, jdbc)
							+ " (e.g. in a Flyway or Liquibase migration), or set " + PROPERTY + "=always");
		}
	}

	/** The script for this database, or the pattern when its platform is unknown. */
	private static String script(DataSource dataSource, WalletProperties.Jdbc jdbc) {
		try {
			return new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, jdbc.getSchema()).get(0);
		}
		catch (RuntimeException ex) {
			return jdbc.getSchema();
		}
	}

}
