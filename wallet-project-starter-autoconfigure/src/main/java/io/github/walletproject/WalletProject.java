package io.github.walletproject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Routes every Wallet API call made while the annotated method runs to one project.
 * <p>
 * On a class it applies to every method of the class; a method's own annotation wins. It
 * may also be used as a meta-annotation, and on {@code @HttpExchange} interface methods and
 * types, where it names the project of that one request.
 * <p>
 * The value is one of:
 * <ul>
 * <li>a configured alias: {@code @WalletProject("shop")} ({@code paysera.wallet.projects.shop.id});</li>
 * <li>a numeric project id: {@code @WalletProject("1221")};</li>
 * <li>a property placeholder: {@code @WalletProject("${payments.project}")};</li>
 * <li>a SpEL template over the method's arguments (by name) and beans (by {@code @name}):
 * {@code @WalletProject("#{#order.projectId}")}.</li>
 * </ul>
 * Aliases, ids and placeholders are resolved and checked once, at startup. A SpEL template
 * is parsed once and evaluated per call; its result must be a configured alias or a positive
 * id, or the call fails before any request is built. SpEL is only ever read from annotation
 * values, never from request data.
 * <p>
 * Like every Spring AOP annotation, this works on calls that come through the bean's proxy:
 * a call from one method of a bean to another method of the same bean bypasses it. Use
 * {@link ProjectContext} there.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WalletProject {

	/**
	 * The project: an alias, an id, a {@code ${…}} placeholder or a {@code #{…}} SpEL
	 * template.
	 * @return the project
	 */
	@AliasFor("project")
	String value() default "";

	/**
	 * Alias for {@link #value()}.
	 * @return the project
	 */
	@AliasFor("value")
	String project() default "";

}
