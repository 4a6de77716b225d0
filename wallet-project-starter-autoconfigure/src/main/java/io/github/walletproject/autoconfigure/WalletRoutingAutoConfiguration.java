package io.github.walletproject.autoconfigure;

import java.util.List;

import io.github.walletproject.internal.PropertyKeys;
import io.github.walletproject.routing.ProjectRegistry;
import io.github.walletproject.routing.WalletProjectAdvisor;
import io.github.walletproject.routing.WalletProjectHttpServicePostProcessor;
import io.github.walletproject.routing.WalletProjectProxyCheck;
import io.github.walletproject.routing.WalletProjectRequestValuesProcessor;
import io.github.walletproject.routing.WalletProjectResolver;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration of {@code @WalletProject} routing: the AOP advisor for service beans (and
 * a startup check that they are proxied at all), and, for {@code @HttpExchange} clients of
 * every HTTP service group, the request-values processor for annotated methods and the
 * post-processor for annotated interface types (plus the Wallet client settings for the
 * groups named in {@code paysera.wallet.routing.http-service-groups}).
 */
@AutoConfiguration(after = WalletClientAutoConfiguration.class)
@ConditionalOnBean(ProjectRegistry.class)
public final class WalletRoutingAutoConfiguration {

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
					WalletProperties.DEFAULT_ASPECT_ORDER);
			return new WalletProjectAdvisor(resolver, order);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	static class HttpServiceGroupConfiguration {

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
		@ConditionalOnMissingBean(name = "walletHttpServiceGroupConfigurer")
		RestClientHttpServiceGroupConfigurer walletHttpServiceGroupConfigurer(
				WalletProjectRequestValuesProcessor processor, WalletProjectResolver resolver,
				WalletSettings settings, ObjectProvider<WalletRestClientConfigurer> configurer) {
			List<String> walletGroups = settings.httpServiceGroups();
			return groups -> groups.forEachGroup((group, clientBuilder, factoryBuilder) -> {
				group.httpServiceTypes().forEach(resolver::checkHttpService);
				factoryBuilder.httpRequestValuesProcessor(processor);
				if (walletGroups.contains(group.name())) {
					configurer.getObject().configure(clientBuilder);
				}
			});
		}

	}

}
