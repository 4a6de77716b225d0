package io.github.walletproject.money;

import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.service.registry.AbstractHttpServiceRegistrar;

/**
 * Registers this package's HTTP interfaces in the first Wallet HTTP service group
 * ({@code paysera.wallet.routing.http-service-groups}, {@code wallet} by default), next to
 * whatever the application registers there or in groups of its own.
 */
final class MoneyHttpServicesRegistrar extends AbstractHttpServiceRegistrar {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		super.setEnvironment(environment);
		this.environment = environment;
	}

	@Override
	protected void registerHttpServices(GroupRegistry registry, AnnotationMetadata importingClassMetadata) {
		String group = MoneyServices.groupName(this.environment);
		if (group != null) {
			registry.forGroup(group).register(MoneyServices.TYPES.toArray(Class<?>[]::new));
		}
	}

}
