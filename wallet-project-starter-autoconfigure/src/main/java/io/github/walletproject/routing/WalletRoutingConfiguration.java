package io.github.walletproject.routing;

import io.github.walletproject.internal.PropertyKeys;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * The routing beans whose types stay inside this package: the {@code @WalletProject} advisor
 * for service beans, and, for {@code @HttpExchange} clients, the post-processor for annotated
 * interface types and the request-values processor for annotated methods. Imported by
 * {@code WalletRoutingAutoConfiguration}, which owns the conditions and the resolver.
 */
@Configuration(proxyBeanMethods = false)
class WalletRoutingConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.aopalliance.intercept.MethodInterceptor")
	static class AdvisorConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		@ConditionalOnMissingBean
		static WalletProjectAdvisor walletProjectAdvisor(WalletProjectResolver resolver, Environment environment) {
			int order = environment.getProperty(PropertyKeys.ROUTING_ASPECT_ORDER, Integer.class,
					PropertyKeys.ROUTING_ASPECT_ORDER_DEFAULT);
			return new WalletProjectAdvisor(resolver, order);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	static class HttpServiceConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static WalletProjectHttpServicePostProcessor walletProjectHttpServicePostProcessor(
				WalletProjectResolver resolver) {
			return new WalletProjectHttpServicePostProcessor(resolver);
		}

		@Bean // named as WalletRoutingAutoConfiguration.REQUEST_VALUES_PROCESSOR
		@ConditionalOnMissingBean
		WalletProjectRequestValuesProcessor walletProjectRequestValuesProcessor(WalletProjectResolver resolver) {
			return new WalletProjectRequestValuesProcessor(resolver);
		}

	}

}
