-- The JDBC token store of wallet-project-starter (paysera.wallet.oauth.token-store=jdbc).
-- WALLET_TOKEN holds the newest Paysera user token of each key: every column but TOKEN_KEY and
-- EXPIRES_AT (epoch seconds) is a secret; keep this table as private as the MAC keys themselves.
-- WALLET_TOKEN_LOCK lets instances refresh one chain of single-use refresh tokens once between
-- them (EXPIRES_AT: epoch milliseconds).

CREATE TABLE WALLET_TOKEN (
	TOKEN_KEY VARCHAR(255) NOT NULL,
	ACCESS_TOKEN VARCHAR(500) NOT NULL,
	MAC_KEY VARCHAR(500) NOT NULL,
	REFRESH_TOKEN VARCHAR(500),
	EXPIRES_AT BIGINT,
	CONSTRAINT WALLET_TOKEN_PK PRIMARY KEY (TOKEN_KEY)
);

CREATE TABLE WALLET_TOKEN_LOCK (
	LOCK_KEY VARCHAR(255) NOT NULL,
	LOCK_OWNER VARCHAR(36) NOT NULL,
	EXPIRES_AT BIGINT NOT NULL,
	CONSTRAINT WALLET_TOKEN_LOCK_PK PRIMARY KEY (LOCK_KEY)
);
