package io.github.walletproject.routing;

import java.lang.reflect.Proxy;

import io.github.walletproject.ProjectContext;
import io.github.walletproject.ResolvedProject;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.Assert;

/**
 * Applies {@code @WalletProject} on an {@code @HttpExchange} interface type to the client of
 * that type: its calls run with the type's project bound, inside any binding of the caller
 * (so the type wins over the caller, and a method's own annotation, sent as a request
 * attribute, wins over both). Resolved per service type, so a method inherited from a shared
 * parent interface goes to the project of the interface it is called through.
 */
final class WalletProjectHttpServicePostProcessor implements BeanPostProcessor {

	private final WalletProjectResolver resolver;

	private final @Nullable Class<? extends java.lang.annotation.Annotation> httpExchange = WalletProjectResolver
		.annotation("org.springframework.web.service.annotation.HttpExchange");

	/**
	 * Create the post-processor.
	 * @param resolver resolves and checks annotation values
	 */
	WalletProjectHttpServicePostProcessor(WalletProjectResolver resolver) {
		Assert.notNull(resolver, "Resolver must not be null");
		this.resolver = resolver;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.httpExchange == null || !Proxy.isProxyClass(bean.getClass())) {
			return bean;
		}
		for (Class<?> serviceType : bean.getClass().getInterfaces()) {
			if (MergedAnnotations.from(serviceType, SearchStrategy.TYPE_HIERARCHY).isPresent(this.httpExchange)
					|| hasExchangeMethods(serviceType)) {
				ProjectSelector selector = this.resolver.typeSelector(serviceType);
				if (selector != null) {
					return bound(bean, serviceType, selector);
				}
			}
		}
		return bean;
	}

	private boolean hasExchangeMethods(Class<?> serviceType) {
		for (java.lang.reflect.Method method : serviceType.getMethods()) {
			if (MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY).isPresent(this.httpExchange)) {
				return true;
			}
		}
		return false;
	}

	private static Object bound(Object client, Class<?> serviceType, ProjectSelector selector) {
		ProxyFactory factory = new ProxyFactory(client);
		factory.setInterfaces(serviceType);
		factory.addAdvice((MethodInterceptor) invocation -> {
			ResolvedProject project = selector.select(invocation.getMethod(), invocation.getArguments(), null);
			Object result;
			try (ProjectContext.Scope scope = ProjectContext.open(project)) {
				result = invocation.proceed();
			}
			// a Mono or Flux is sent when subscribed: bind it into the subscriber's Context
			return LazyResults.exchangeResult(result, project);
		});
		return factory.getProxy(serviceType.getClassLoader());
	}

}
