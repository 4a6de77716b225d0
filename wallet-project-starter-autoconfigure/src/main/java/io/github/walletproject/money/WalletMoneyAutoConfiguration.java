package io.github.walletproject.money;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration of the typed money operations: registers {@link WalletTransactions},
 * {@link WalletPayments}, {@link WalletAllowances}, {@link Wallets}, {@link ProjectLocations}
 * and {@link WalletUsers} in the first Wallet HTTP service group
 * ({@code paysera.wallet.routing.http-service-groups}, {@code wallet} by default), where the
 * Wallet client settings, signing and routing apply to them, and teaches that group their
 * filters, routing marks and error handling. Groups of the application are left as they are.
 * Exclude this class to leave the interfaces out.
 */
// by name: money must not depend on the autoconfigure package, which depends on it (no package cycles)
@AutoConfiguration(afterName = "io.github.walletproject.autoconfigure.WalletRoutingAutoConfiguration")
@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
@ConditionalOnBooleanProperty(name = "paysera.wallet.enabled", matchIfMissing = true)
@Import(MoneyHttpServicesRegistrar.class)
public final class WalletMoneyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "walletMoneyHttpServiceGroupConfigurer")
	static RestClientHttpServiceGroupConfigurer walletMoneyHttpServiceGroupConfigurer() {
		return groups -> groups
			.filter(group -> group.httpServiceTypes().stream().anyMatch(MoneyServices::isMoneyType))
			.forEachProxyFactory((group, factory) -> factory.customArgumentResolver(new QueryParametersArgumentResolver())
				.httpRequestValuesProcessor(new MoneyRequestValuesProcessor())
				.exchangeAdapterDecorator(MoneyExchangeAdapter::new));
	}

}
