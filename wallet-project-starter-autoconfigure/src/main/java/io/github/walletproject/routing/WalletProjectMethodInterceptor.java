package io.github.walletproject.routing;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

/**
 * The advice behind {@code @WalletProject}: binds the method's project for the duration of
 * the call and restores the previous binding afterwards, whatever happens.
 */
final class WalletProjectMethodInterceptor implements MethodInterceptor {

	private final WalletProjectResolver resolver;

	WalletProjectMethodInterceptor(WalletProjectResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : null;
		Method method = invocation.getMethod();
		ProjectSelector selector = this.resolver.selector(method, targetClass);
		if (selector == null) {
			return invocation.proceed();
		}
		ResolvedProject project = selector.select(method, invocation.getArguments(), target);
		ProjectBindings.Binding binding = ProjectBindings.push(project);
		try {
			return invocation.proceed();
		}
		finally {
			ProjectBindings.restore(binding.outer());
		}
	}

}
