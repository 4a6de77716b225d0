package io.github.walletproject.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
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

		private static final Pattern MAC_ID = Pattern.compile("paysera\\.wallet\\.(?:projects\\.([^.]+)\\.)?credentials\\.mac-id");

		private static final Pattern PROJECT_ID = Pattern.compile("paysera\\.wallet\\.projects\\.([^.]+)\\.id");

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
			if (environment.getProperty("paysera.wallet.credentials.mac-id") == null) {
				environment.getPropertySources()
					.addLast(new MapPropertySource("mockWalletApiCredentials",
							Map.of("paysera.wallet.credentials.mac-id", this.macId, "paysera.wallet.credentials.mac-key",
									this.macKey)));
			}
			register(api, environment);
			context.getBeanFactory().registerSingleton("mockWalletApi", api);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> api.close());
		}

		private static void register(MockWalletApi api, ConfigurableEnvironment environment) {
			Map<String, String> names = new HashMap<>();
			for (PropertySource<?> source : environment.getPropertySources()) {
				if (source instanceof EnumerablePropertySource<?> enumerable) {
					for (String name : enumerable.getPropertyNames()) {
						names.putIfAbsent(name, name);
					}
				}
			}
			for (String name : names.keySet()) {
				Matcher macId = MAC_ID.matcher(name);
				if (macId.matches()) {
					String id = environment.getProperty(name);
					String key = environment.getProperty(name.substring(0, name.length() - "mac-id".length()) + "mac-key");
					if (id != null && key != null) {
						api.client(id, key);
					}
				}
				Matcher projectId = PROJECT_ID.matcher(name);
				if (projectId.matches()) {
					String id = environment.getProperty(name);
					if (id != null && id.matches("[0-9]+")) {
						api.alias(projectId.group(1), Long.parseLong(id));
					}
				}
			}
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

}
