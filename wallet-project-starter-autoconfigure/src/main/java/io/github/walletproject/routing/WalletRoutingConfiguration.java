package io.github.walletproject.routing;

import io.github.walletproject.internal.PropertyKeys;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.service.registry.HttpServiceGroup;

/**
 * The routing beans whose types stay inside this package: the resolver of
 * {@code @WalletProject} values, the advisor for service beans and the startup check that
 * they are proxied at all, and, for {@code @HttpExchange} clients of every HTTP service group,
 * the post-processor for annotated interface types, the request-values processor for annotated
 * methods and the group configurers that add it and check each group's interfaces at startup.
 * Imported by {@code WalletRoutingAutoConfiguration}, which owns the conditions.
 */
@Configuration(proxyBeanMethods = false)
class WalletRoutingConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static WalletProjectResolver walletProjectResolver(ObjectProvider<ProjectRegistry> registry, Environment environment,
			BeanFactory beanFactory) {
		return new WalletProjectResolver(registry::getObject, environment, beanFactory);
	}

	@Bean
	WalletProjectProxyCheck walletProjectProxyCheck(ConfigurableListableBeanFactory beanFactory,
			WalletProjectResolver resolver) {
		return new WalletProjectProxyCheck(beanFactory, resolver);
	}

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

		@Bean
		@ConditionalOnMissingBean
		WalletProjectRequestValuesProcessor walletProjectRequestValuesProcessor(WalletProjectResolver resolver) {
			return new WalletProjectRequestValuesProcessor(resolver);
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		@ConditionalOnMissingBean(name = "walletProjectHttpServiceGroupConfigurer")
		RestClientHttpServiceGroupConfigurer walletProjectHttpServiceGroupConfigurer(
				WalletProjectRequestValuesProcessor processor, WalletProjectResolver resolver) {
			return groups -> groups.forEachGroup((group, clientBuilder, factoryBuilder) -> route(group, factoryBuilder, resolver, processor));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer")
		static class WebClientHttpServiceConfiguration {

			@Bean
			@Order(Ordered.LOWEST_PRECEDENCE)
			@ConditionalOnMissingBean(name = "walletProjectWebClientHttpServiceGroupConfigurer")
			WebClientHttpServiceGroupConfigurer walletProjectWebClientHttpServiceGroupConfigurer(
					WalletProjectRequestValuesProcessor processor, WalletProjectResolver resolver) {
				return groups -> groups.forEachGroup((group, clientBuilder, factoryBuilder) -> route(group, factoryBuilder,
						resolver, processor));
			}

		}

	}

	/** Every HTTP service group: its interfaces checked now (at startup), its methods routed. */
	private static void route(HttpServiceGroup group, HttpServiceProxyFactory.Builder factoryBuilder,
			WalletProjectResolver resolver, WalletProjectRequestValuesProcessor processor) {
		group.httpServiceTypes().forEach(resolver::checkHttpService);
		factoryBuilder.httpRequestValuesProcessor(processor);
	}

}
