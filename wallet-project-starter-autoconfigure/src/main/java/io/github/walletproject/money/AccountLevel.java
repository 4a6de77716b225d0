package io.github.walletproject.money;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the calls of an HTTP interface of this package as account-level: they describe the
 * signing user, not a project, and are sent with
 * {@link io.github.walletproject.WalletRequestAttributes#ACCOUNT_LEVEL}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@interface AccountLevel {

}
