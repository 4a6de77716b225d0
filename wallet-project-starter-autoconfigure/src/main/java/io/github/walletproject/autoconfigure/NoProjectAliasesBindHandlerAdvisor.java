package io.github.walletproject.autoconfigure;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * Leaves out of {@code paysera.wallet.projects} the entries that are no projects: aliases
 * that only operating-system variables name, none of them a project's property (what
 * Kubernetes injects for a Service named {@code paysera-wallet-projects}, see
 * {@link WalletPropertyNames#aliasesThatAreNoProjects}). Without this, a
 * {@code PAYSERA_WALLET_PROJECTS_PORT=tcp://10.96.12.35:443} stops startup, since a
 * project cannot be made from a single value.
 */
final class NoProjectAliasesBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor {

	private static final ConfigurationPropertyName PROJECTS = ConfigurationPropertyName.of("paysera.wallet.projects");

	private final Environment environment;

	NoProjectAliasesBindHandlerAdvisor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return new AbstractBindHandler(bindHandler) {

			private @Nullable Set<String> ignored;

			@Override
			public <T> @Nullable Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target,
					BindContext context) {
				if (name.getNumberOfElements() == 4 && PROJECTS.isParentOf(name)) {
					if (this.ignored == null) {
						this.ignored = WalletPropertyNames.aliasesThatAreNoProjects(
								NoProjectAliasesBindHandlerAdvisor.this.environment);
					}
					if (this.ignored.contains(name.getElement(3, ConfigurationPropertyName.Form.ORIGINAL))) {
						return null;
					}
				}
				return super.onStart(name, target, context);
			}

		};
	}

}
