package io.github.walletproject.test;

import java.util.LinkedHashMap;
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
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
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

		private static final String BASE_URL_SOURCE = "mockWalletApi";

		private static final String CREDENTIALS_SOURCE = "mockWalletApiCredentials";

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
			MutablePropertySources sources = environment.getPropertySources();
			sources.addFirst(new MapPropertySource(BASE_URL_SOURCE, Map.of("paysera.wallet.base-url", api.baseUrl())));
			PropertySource<?> credentials = new MapPropertySource(CREDENTIALS_SOURCE,
					testCredentials(Binder.get(environment)));
			// above the application's configuration (files, environment variables, system
			// properties), below what the test declares itself (properties, args, files)
			if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
				sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, credentials);
			}
			else {
				sources.addAfter(BASE_URL_SOURCE, credentials);
			}
			register(api, Binder.get(environment));
			context.getBeanFactory().registerSingleton("mockWalletApi", api);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> api.close());
		}

		/**
		 * The annotation's credentials as the default ones, and for every project the
		 * configuration gives credentials of its own, the annotation's with
		 * {@code -<alias>} appended.
		 */
		private Map<String, Object> testCredentials(Binder binder) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("paysera.wallet.credentials.mac-id", this.macId);
			properties.put("paysera.wallet.credentials.mac-key", this.macKey);
			// bound the way the starter binds its properties, so relaxed names (macId, mac_id,
			// PAYSERA_WALLET_PROJECTS_SHOP_CREDENTIALS_MACID) are found as well
			binder.bind("paysera.wallet.projects", Bindable.mapOf(String.class, Project.class))
				.ifBound(projects -> projects.forEach((alias, project) -> {
					if (project.credentials() != null) {
						String base = "paysera.wallet.projects"
								+ (alias.matches("[a-z0-9-]+") ? "." + alias : "[" + alias + "]") + ".credentials.";
						properties.put(base + "mac-id", this.macId + "-" + alias);
						properties.put(base + "mac-key", this.macKey + "-" + alias);
					}
				}));
			return properties;
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
