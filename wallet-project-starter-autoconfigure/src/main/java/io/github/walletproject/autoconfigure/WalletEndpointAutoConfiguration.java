package io.github.walletproject.autoconfigure;

import java.util.Locale;

import io.github.walletproject.access.WalletCaches;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.observability.WalletEndpoint;
import io.github.walletproject.observability.WalletSanitizingFunction;
import io.github.walletproject.routing.ProjectRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code wallet} actuator endpoint, and masking of the starter's secrets in the
 * {@code env} and {@code configprops} endpoints.
 */
@AutoConfiguration(after = { WalletClientAutoConfiguration.class, WalletAccessAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(ProjectRegistry.class)
public final class WalletEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	WalletEndpoint walletEndpoint(ProjectRegistry registry, WalletSettings settings,
			ObjectProvider<WalletCaches> caches, ServerTimeOffset offset) {
		return new WalletEndpoint(registry, settings.baseUrl().toString(),
				settings.authMode().name().toLowerCase(Locale.ROOT),
				settings.accessSource().name().toLowerCase(Locale.ROOT), caches.getIfAvailable(), offset);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WalletSanitizingFunction walletSanitizingFunction(Environment environment) {
			return new WalletSanitizingFunction(environment);
		}

	}

}
