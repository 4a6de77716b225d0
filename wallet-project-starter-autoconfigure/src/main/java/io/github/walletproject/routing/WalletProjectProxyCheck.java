package io.github.walletproject.routing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aop.framework.autoproxy.AbstractAdvisorAutoProxyCreator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.Assert;

/**
 * Stops the application when beans use {@code @WalletProject} but nothing applies advisors
 * to them ({@code spring.aop.auto=false} and no other auto-proxy creator): the annotation
 * would be ignored, and their calls would go to the default project or fail at run time.
 */
final class WalletProjectProxyCheck implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final WalletProjectResolver resolver;

	/**
	 * Create the check.
	 * @param beanFactory the application's bean factory
	 * @param resolver the resolver, for the configured aliases in the message
	 */
	public WalletProjectProxyCheck(ConfigurableListableBeanFactory beanFactory, WalletProjectResolver resolver) {
		Assert.notNull(beanFactory, "Bean factory must not be null");
		Assert.notNull(resolver, "Resolver must not be null");
		this.beanFactory = beanFactory;
		this.resolver = resolver;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.beanFactory.getBeanNamesForType(AbstractAdvisorAutoProxyCreator.class, true, false).length > 0) {
			return;
		}
		List<String> unproxied = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
			if (definition.getRole() != BeanDefinition.ROLE_APPLICATION || definition.isAbstract()) {
				continue;
			}
			Class<?> type = this.beanFactory.getType(name, false);
			if (type != null && !type.isInterface() && WalletProjectResolver.mentionsWalletProject(type)) {
				unproxied.add(type.getName() + " (bean '" + name + "')");
			}
		}
		if (!unproxied.isEmpty()) {
			throw this.resolver.unproxied(String.join(", ", unproxied));
		}
	}

}
