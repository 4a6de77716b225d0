package io.github.walletproject.routing;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.walletproject.WalletRequestAttributes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * Reads {@code @WalletProject} on {@code @HttpExchange} interface methods and types and puts
 * the project on each request as the {@link WalletRequestAttributes#PROJECT} attribute,
 * which wins over the thread's binding. Register it on an {@code HttpServiceProxyFactory}
 * (the auto-configuration does so for every HTTP service group).
 */
public final class WalletProjectRequestValuesProcessor implements HttpRequestValues.Processor {

	private static final Object NONE = new Object();

	private final WalletProjectResolver resolver;

	private final Map<Method, Object> selectors = new ConcurrentHashMap<>();

	/**
	 * Create the processor.
	 * @param resolver resolves and checks annotation values
	 */
	public WalletProjectRequestValuesProcessor(WalletProjectResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Check every annotated method of an HTTP service interface now (at startup).
	 * @param serviceType the interface
	 */
	public void check(Class<?> serviceType) {
		for (Method method : serviceType.getMethods()) {
			selector(method, serviceType);
		}
	}

	@Override
	public void process(Method method, MethodParameter[] parameters, @Nullable Object[] arguments,
			HttpRequestValues.Builder builder) {
		ProjectSelector selector = selector(method, method.getDeclaringClass());
		if (selector != null) {
			builder.addAttribute(WalletRequestAttributes.PROJECT, selector.select(method, arguments, null));
		}
	}

	private @Nullable ProjectSelector selector(Method method, Class<?> serviceType) {
		Object selector = this.selectors.get(method);
		if (selector == null) {
			selector = this.resolver.interfaceSelector(method, serviceType);
			this.selectors.put(method, (selector != null) ? selector : NONE);
		}
		return (selector != NONE) ? (ProjectSelector) selector : null;
	}

}
