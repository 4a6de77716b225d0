package io.github.walletproject.autoconfigure;

import io.github.walletproject.access.WalletCaches;
import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.client.InternalWalletApi;
import io.github.walletproject.observability.WalletHealthIndicator;
import io.github.walletproject.routing.ProjectRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code wallet} health indicator ({@code management.health.wallet.enabled}).
 */
@AutoConfiguration(after = WalletClientAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(InternalWalletApi.class)
@ConditionalOnEnabledHealthIndicator("wallet")
@EnableConfigurationProperties(WalletHealthProperties.class)
public final class WalletHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "walletHealthIndicator")
	WalletHealthIndicator walletHealthIndicator(InternalWalletApi api, ProjectRegistry registry, ServerTimeOffset offset,
			WalletHealthProperties health, ObjectProvider<WalletCaches> caches) {
		return new WalletHealthIndicator(api, registry.credentials(), offset,
				new WalletHealthIndicator.Settings(health.isCheckReachability(), health.getClockTolerance(),
						health.isCheckCredentials(), health.getTimeToLive()),
				caches.getIfUnique());
	}

}
