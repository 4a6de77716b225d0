package io.github.walletproject.oauth;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.walletproject.autoconfigure.WalletConfigurationException;
import io.github.walletproject.autoconfigure.WalletOAuthAutoConfiguration;
import io.github.walletproject.support.ShiftedClock;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the JDBC token store does beyond every store's contract
 * ({@link WalletTokenStoreContractTests}): its refresh lock between instances, its own
 * transactions, secrets kept out of its failures, and its tables checked at startup.
 */
@ExtendWith(MockWalletApiExtension.class)
class JdbcWalletTokenStoreTests {

	private static MockWalletApi api;

	private final List<EmbeddedDatabase> databases = new ArrayList<>();

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(EmbeddedDatabase::shutdown);
	}

	/**
	 * A new H2 database in memory with the starter's schema script.
	 * @return the database
	 */
	static EmbeddedDatabase database() {
		return new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.addScript("classpath:io/github/walletproject/oauth/schema-h2.sql")
			.build();
	}

	private EmbeddedDatabase newDatabase() {
		EmbeddedDatabase database = database();
		this.databases.add(database);
		return database;
	}

	private static WalletAccessToken secretToken() {
		return new WalletAccessToken("secret-access-token", "secret-mac-key", "secret-refresh-token",
				Instant.ofEpochSecond(2_000_000_000L));
	}

	@Test
	void oneInstanceHoldsTheRefreshLockUntilItReleasesItOrItExpires() {
		EmbeddedDatabase database = newDatabase();
		ShiftedClock clock = new ShiftedClock();
		WalletTokenStore first = new JdbcWalletTokenStore(database, clock);
		WalletTokenStore second = new JdbcWalletTokenStore(database, clock);

		assertThat(first.tryLock("credentials:default", Duration.ofSeconds(10))).isTrue();
		assertThat(second.tryLock("credentials:default", Duration.ofSeconds(10))).isFalse();
		assertThat(second.tryLock("user:alice", Duration.ofSeconds(10))).as("another key").isTrue();
		second.unlock("credentials:default"); // not its lock: no effect
		assertThat(second.tryLock("credentials:default", Duration.ofSeconds(10))).isFalse();
		first.unlock("credentials:default");
		assertThat(second.tryLock("credentials:default", Duration.ofSeconds(10))).isTrue();
		// the holder never releases it: it expires
		assertThat(first.tryLock("credentials:default", Duration.ofSeconds(10))).isFalse();
		clock.advance(Duration.ofSeconds(11));
		assertThat(first.tryLock("credentials:default", Duration.ofSeconds(10))).isTrue();
	}

	@Test
	void aTokenIsKeptWhenTheCallersTransactionRollsBack() {
		EmbeddedDatabase database = newDatabase();
		WalletTokenStore store = new JdbcWalletTokenStore(database);
		store.put("user:alice", secretToken());
		TransactionTemplate callers = new TransactionTemplate(new DataSourceTransactionManager(database));

		callers.executeWithoutResult((status) -> {
			new JdbcTemplate(database).update("DELETE FROM WALLET_TOKEN_LOCK"); // the caller's own work
			assertThat(store.replace("user:alice", "secret-access-token",
					new WalletAccessToken("t2", "k2", "r2", null))).isTrue();
			status.setRollbackOnly();
		});

		// the refresh token r2 replaced is spent at Paysera: the store must still have r2
		assertThat(store.get("user:alice")).isEqualTo(new WalletAccessToken("t2", "k2", "r2", null));
	}

	@Test
	void aConnectionTheCallersTransactionBoundIsNeitherJoinedNorCommitted() throws Exception {
		EmbeddedDatabase database = newDatabase();
		WalletTokenStore store = new JdbcWalletTokenStore(database);
		store.put("user:alice", secretToken());
		JdbcTemplate jdbc = new JdbcTemplate(database);
		jdbc.update("INSERT INTO WALLET_TOKEN_LOCK (LOCK_KEY, LOCK_OWNER, EXPIRES_AT) VALUES ('callers-row', 'x', 0)");
		// as JPA's transaction manager binds its connection: a holder, not marked as a JDBC transaction
		try (Connection callers = database.getConnection()) {
			callers.setAutoCommit(false);
			TransactionSynchronizationManager.bindResource(database, new ConnectionHolder(callers));
			try {
				jdbc.update("DELETE FROM WALLET_TOKEN_LOCK WHERE LOCK_KEY = 'callers-row'");
				assertThat(store.replace("user:alice", "secret-access-token",
						new WalletAccessToken("t2", "k2", "r2", null))).isTrue();
				callers.rollback();
			}
			finally {
				TransactionSynchronizationManager.unbindResource(database);
			}
		}

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM WALLET_TOKEN_LOCK WHERE LOCK_KEY = 'callers-row'",
				Integer.class)).as("the caller's own work, rolled back").isEqualTo(1);
		assertThat(store.get("user:alice")).isEqualTo(new WalletAccessToken("t2", "k2", "r2", null));
	}

	@Test
	void aFailedWriteNamesTheTableAndTheKeyButNoSecret() {
		EmbeddedDatabase database = newDatabase();
		// a table created by hand with a column too narrow: H2's own message quotes the value
		new JdbcTemplate(database).execute("ALTER TABLE WALLET_TOKEN ALTER COLUMN MAC_KEY VARCHAR(5)");
		WalletTokenStore store = new JdbcWalletTokenStore(database);

		for (Runnable write : List.<Runnable>of(() -> store.put("user:alice", secretToken()),
				() -> store.replace("user:alice", null, secretToken()))) {
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(write::run)
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("WALLET_TOKEN", "user:alice")
					.doesNotContain("secret"))
				.satisfies((ex) -> assertThat(ex).hasNoCause());
		}
		assertThat(store.get("user:alice")).isNull();
	}

	@Test
	void aTokenPartLongerThanTheTableHoldsIsRefusedWithoutEchoingIt() {
		WalletTokenStore store = new JdbcWalletTokenStore(newDatabase());
		String longKey = "secret-" + "k".repeat(600);

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> store.put("user:bob", new WalletAccessToken("t1", longKey, null, null)))
			.withMessageContaining("MAC key")
			.withMessageContaining("WALLET_TOKEN")
			.withMessageNotContaining("secret");
		assertThat(store.get("user:bob")).isNull();
	}

	@Test
	void noTableIsAClearStartupErrorNamingTheTableAndTheSchemaScript() {
		EmbeddedDatabase empty = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.build();
		this.databases.add(empty);

		jdbcApp(empty).withPropertyValues("paysera.wallet.oauth.jdbc.initialize-schema=never").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WalletConfigurationException.class)
				.hasMessageContaining("paysera.wallet.oauth.jdbc.initialize-schema is never")
				.hasMessageContaining("WALLET_TOKEN")
				.hasMessageContaining("classpath:io/github/walletproject/oauth/schema-h2.sql");
		});
	}

	@Test
	void inAnEmbeddedDatabaseTheTablesAreCreatedByDefault() {
		EmbeddedDatabase empty = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.build();
		this.databases.add(empty);

		jdbcApp(empty).run((context) -> {
			assertThat(context).hasNotFailed();
			WalletTokenStore store = context.getBean(WalletTokenStore.class);
			assertThat(store).isInstanceOf(JdbcWalletTokenStore.class);
			store.put("user:carol", secretToken());
			assertThat(new JdbcTemplate(empty).queryForObject(
					"SELECT COUNT(*) FROM WALLET_TOKEN WHERE TOKEN_KEY = 'user:carol'", Integer.class)).isEqualTo(1);
		});
	}

	@Test
	void jdbcWithoutADataSourceIsAClearStartupError() {
		TestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(WalletOAuthAutoConfiguration.class))
			.withPropertyValues("paysera.wallet.oauth.token-store=JDBC")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(WalletConfigurationException.class)
					.hasMessageContaining("paysera.wallet.oauth.token-store is jdbc, but there is no DataSource");
			});
	}

	private static ApplicationContextRunner jdbcApp(DataSource dataSource) {
		return TestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(WalletOAuthAutoConfiguration.class))
			.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("paysera.wallet.oauth.token-store=jdbc");
	}

}
