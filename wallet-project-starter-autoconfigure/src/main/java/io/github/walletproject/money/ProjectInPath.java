package io.github.walletproject.money;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a call of an HTTP interface of this package whose path names a project
 * ({@code {projectId}}): the call is routed to that project, whatever is bound, with
 * {@link io.github.walletproject.WalletRequestAttributes#PROJECT}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ProjectInPath {

	/** The name of the path variable that holds the project id. */
	String PATH_VARIABLE = "projectId";

}
