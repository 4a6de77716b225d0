-- The JDBC token store of wallet-project-starter (paysera.wallet.oauth.token-store=jdbc).
-- WALLET_TOKEN holds the newest Paysera user token of each key: every column but TOKEN_KEY and
-- EXPIRES_AT (epoch seconds) is a secret; keep this table as private as the MAC keys themselves.
-- WALLET_TOKEN_LOCK lets instances refresh one chain of single-use refresh tokens once between
-- them (EXPIRES_AT: epoch milliseconds).

CREATE TABLE WALLET_TOKEN (
	TOKEN_KEY VARCHAR2(255 CHAR) NOT NULL,
	ACCESS_TOKEN VARCHAR2(500 CHAR) NOT NULL,
	MAC_KEY VARCHAR2(500 CHAR) NOT NULL,
	REFRESH_TOKEN VARCHAR2(500 CHAR),
	EXPIRES_AT NUMBER(19),
	CONSTRAINT WALLET_TOKEN_PK PRIMARY KEY (TOKEN_KEY)
);

CREATE TABLE WALLET_TOKEN_LOCK (
	LOCK_KEY VARCHAR2(255 CHAR) NOT NULL,
	LOCK_OWNER VARCHAR2(36 CHAR) NOT NULL,
	EXPIRES_AT NUMBER(19) NOT NULL,
	CONSTRAINT WALLET_TOKEN_LOCK_PK PRIMARY KEY (LOCK_KEY)
);
