package io.github.walletproject.routing;

import java.lang.reflect.Method;

import io.github.walletproject.ResolvedProject;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the project of one invocation of an annotated method: fixed at startup, or a SpEL
 * template evaluated over the arguments.
 */
interface ProjectSelector {

	/**
	 * The project for this invocation.
	 * @param method the invoked method
	 * @param arguments its arguments
	 * @param target the target object, or {@code null} for an interface client
	 * @return the project
	 */
	ResolvedProject select(Method method, @Nullable Object[] arguments, @Nullable Object target);

	/**
	 * The project, when it does not depend on the invocation.
	 * @return the fixed project, or {@code null} for a SpEL template
	 */
	default @Nullable ResolvedProject fixed() {
		return null;
	}

}
