package io.github.walletproject.autoconfigure;

import java.util.List;

import io.github.walletproject.routing.ProjectRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration of {@code @WalletProject} routing: the AOP advisor for service beans (and
 * a startup check that they are proxied at all), and, for {@code @HttpExchange} clients of
 * every HTTP service group, the request-values processor for annotated methods and the
 * post-processor for annotated interface types, all declared by the routing package's own
 * configuration; here, the Wallet client settings for the groups named in
 * {@code paysera.wallet.routing.http-service-groups}.
 */
@AutoConfiguration(after = WalletClientAutoConfiguration.class)
@ConditionalOnBean(ProjectRegistry.class)
@Import(WalletRoutingAutoConfiguration.RoutingBeans.class)
public final class WalletRoutingAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	static class HttpServiceGroupConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		@ConditionalOnMissingBean(name = "walletHttpServiceGroupConfigurer")
		RestClientHttpServiceGroupConfigurer walletHttpServiceGroupConfigurer(WalletSettings settings,
				ObjectProvider<WalletRestClientConfigurer> configurer) {
			List<String> walletGroups = settings.httpServiceGroups();
			return groups -> groups.forEachGroup((group, clientBuilder, factoryBuilder) -> {
				if (walletGroups.contains(group.name())) {
					configurer.getObject().configure(clientBuilder);
				}
			});
		}

	}

	/**
	 * Imports the routing package's own configuration, whose types are not public (as
	 * ShedLock's {@code EnableSchedulerLock} imports its package-private configurations).
	 */
	static final class RoutingBeans implements ImportSelector {

		@Override
		public String[] selectImports(AnnotationMetadata metadata) {
			return new String[] { "io.github.walletproject.routing.WalletRoutingConfiguration" };
		}

	}

}
