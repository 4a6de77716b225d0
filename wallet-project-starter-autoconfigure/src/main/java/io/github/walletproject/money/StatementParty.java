package io.github.walletproject.money;

import org.jspecify.annotations.Nullable;

/**
 * The other side of a statement.
 *
 * @param name the party's name (its display name when no name is sent), or {@code null}
 * @param code the party's person or company code, or {@code null}
 * @param bic the bank's BIC, or {@code null}
 * @param accountNumber the party's account number, or {@code null}
 */
public record StatementParty(@Nullable String name, @Nullable String code, @Nullable String bic,
		@Nullable String accountNumber) {

}
