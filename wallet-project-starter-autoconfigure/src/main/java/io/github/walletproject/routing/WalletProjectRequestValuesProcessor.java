package io.github.walletproject.routing;

import java.lang.reflect.Method;

import io.github.walletproject.WalletRequestAttributes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.util.Assert;

/**
 * Reads {@code @WalletProject} on {@code @HttpExchange} interface methods and puts the
 * project on each request as the {@link WalletRequestAttributes#PROJECT} attribute, which
 * wins over every binding. Annotations on the interface type are applied per service type by
 * {@link WalletProjectHttpServicePostProcessor}, because the same inherited method may belong
 * to several interfaces with different projects. Register it on an
 * {@code HttpServiceProxyFactory} (the auto-configuration does so for every HTTP service
 * group).
 */
final class WalletProjectRequestValuesProcessor implements HttpRequestValues.Processor {

	private final WalletProjectResolver resolver;

	/**
	 * Create the processor.
	 * @param resolver resolves and checks annotation values
	 */
	WalletProjectRequestValuesProcessor(WalletProjectResolver resolver) {
		Assert.notNull(resolver, "Resolver must not be null");
		this.resolver = resolver;
	}

	@Override
	public void process(Method method, MethodParameter[] parameters, @Nullable Object[] arguments,
			HttpRequestValues.Builder builder) {
		ProjectSelector selector = this.resolver.methodSelector(method);
		if (selector != null) {
			builder.addAttribute(WalletRequestAttributes.PROJECT, selector.select(method, arguments, null));
		}
	}

}
