package io.github.walletproject.routing;

import java.lang.reflect.Method;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

/**
 * The advice behind {@code @WalletProject}: binds the method's project for the duration of
 * the call and restores the previous binding afterwards, whatever happens. Work the method
 * hands back for later runs with the same project bound ({@link LazyResults}), decided for
 * the same method as its project.
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
		WalletProjectResolver.AnnotatedMethod annotated = this.resolver.annotated(method, targetClass);
		if (annotated == null) {
			return invocation.proceed();
		}
		ResolvedProject project = annotated.selector().select(method, invocation.getArguments(), target);
		Object result;
		try (ProjectContext.Scope scope = ProjectContext.open(project)) {
			result = invocation.proceed();
		}
		ResultBinding results = annotated.results();
		return (results != ResultBinding.AS_IS) ? results.bind(result, new WorkScope.Project(project)) : result;
	}

}
