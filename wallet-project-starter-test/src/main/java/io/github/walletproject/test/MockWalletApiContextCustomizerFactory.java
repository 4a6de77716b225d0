package io.github.walletproject.test;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Applies {@link AutoConfigureMockWalletApi}. Registered in {@code META-INF/spring.factories}.
 */
class MockWalletApiContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		var annotation = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.get(AutoConfigureMockWalletApi.class);
		if (!annotation.isPresent()) {
			return null;
		}
		return new Customizer(annotation.getString("macId"), annotation.getString("macKey"));
	}

	private static final class Customizer implements ContextCustomizer {

		private final String macId;

		private final String macKey;

		Customizer(String macId, String macKey) {
			this.macId = macId;
			this.macKey = macKey;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			MockWalletApi api = MockWalletApi.start();
			ConfigurableEnvironment environment = context.getEnvironment();
			environment.getPropertySources()
				.addFirst(new MapPropertySource("mockWalletApi", Map.of("paysera.wallet.base-url", api.baseUrl())));
			// bound the way the starter binds its properties, so relaxed names (macId, mac_id,
			// PAYSERA_WALLET_CREDENTIALS_MACID) are found as well
			Binder binder = Binder.get(environment);
			if (!binder.bind("paysera.wallet.credentials.mac-id", String.class).isBound()) {
				environment.getPropertySources()
					.addLast(new MapPropertySource("mockWalletApiCredentials",
							Map.of("paysera.wallet.credentials.mac-id", this.macId, "paysera.wallet.credentials.mac-key",
									this.macKey)));
			}
			register(api, Binder.get(environment));
			context.getBeanFactory().registerSingleton("mockWalletApi", api);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> api.close());
		}

		private static void register(MockWalletApi api, Binder binder) {
			binder.bind("paysera.wallet.credentials", Credentials.class).ifBound(credentials -> credentials.register(api));
			binder.bind("paysera.wallet.projects", Bindable.mapOf(String.class, Project.class))
				.ifBound(projects -> projects.forEach((alias, project) -> {
					if (project.credentials() != null) {
						project.credentials().register(api);
					}
					if (project.id() != null && project.id().matches("[0-9]+")) {
						api.alias(alias, Long.parseLong(project.id()));
					}
				}));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer customizer && customizer.macId.equals(this.macId)
					&& customizer.macKey.equals(this.macKey);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.macId, this.macKey);
		}

	}

	/** {@code paysera.wallet[.projects.<alias>].credentials}. */
	record Credentials(String macId, String macKey) {

		void register(MockWalletApi api) {
			if (this.macId != null && this.macKey != null) {
				api.client(this.macId, this.macKey);
			}
		}

	}

	/** {@code paysera.wallet.projects.<alias>}; the id as text so that a bad one is skipped. */
	record Project(String id, Credentials credentials) {

	}

}
