package io.github.walletproject.routing;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.util.Assert;

/**
 * The Spring AOP advisor for {@code @WalletProject}: matches methods routed by the annotation
 * (checking each class's declarations when it is first proxied) and binds their project.
 * Its order decides where the binding sits among other advice: by default it wraps
 * {@code @Transactional}, so commit callbacks still see the project.
 */
final class WalletProjectAdvisor extends AbstractPointcutAdvisor {

	private static final long serialVersionUID = 1L;

	private final transient WalletProjectResolver resolver;

	private final transient Pointcut pointcut;

	private final transient Advice advice;

	/**
	 * Create the advisor.
	 * @param resolver finds and checks the annotations
	 * @param order the advisor order (lower runs first, outside higher ones)
	 */
	WalletProjectAdvisor(WalletProjectResolver resolver, int order) {
		Assert.notNull(resolver, "Resolver must not be null");
		this.resolver = resolver;
		this.pointcut = new StaticMethodMatcherPointcut() {
			@Override
			public boolean matches(Method method, @Nullable Class<?> targetClass) {
				return resolver.isAnnotated(method, targetClass);
			}
		};
		this.advice = new WalletProjectMethodInterceptor(resolver);
		setOrder(order);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.advice;
	}

	/**
	 * The resolver behind this advisor.
	 * @return the resolver
	 */
	WalletProjectResolver resolver() {
		return this.resolver;
	}

}
