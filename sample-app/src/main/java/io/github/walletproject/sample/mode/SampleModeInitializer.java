package io.github.walletproject.sample.mode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.walletproject.sample.mode.SampleMode.Kind;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before the application context is refreshed, whether the dashboard runs against
 * the embedded demo Wallet API or a real one, and prepares it. Registered in
 * {@code META-INF/spring.factories}, so it applies to {@code spring-boot:run}, the packaged
 * jar and {@code @SpringBootTest} alike.
 * <p>
 * {@code sample.mode} chooses: {@code demo}, {@code live}, or {@code auto} (the default):
 * live when MAC credentials are configured ({@code WALLET_MAC_ID}, mapped to
 * {@code paysera.wallet.credentials.mac-id} in {@code application.yml}), demo otherwise.
 * <ul>
 * <li>Demo: starts {@link DemoWalletApi} on a free loopback port, puts its
 * {@code paysera.wallet.*} properties in front of all others, registers it as the bean
 * {@code demoWalletApi}, and stops it when the context closes.</li>
 * <li>Live: nothing is started. Projects come from {@code paysera.wallet.projects.*} (YAML,
 * or environment variables such as {@code PAYSERA_WALLET_PROJECTS_SHOP_ID=1221}) and, as a
 * shorthand, from {@code WALLET_PROJECTS=shop=1221,marketplace=1222}.</li>
 * </ul>
 * Either way a {@link SampleMode} bean says which.
 * <p>
 * Spring AOT processing ({@code process-aot}, {@code mvn -Pnative package}) runs this
 * initializer at build time too. It does nothing there: the mode is decided, and the demo
 * API started, when the processed application starts. No bean definition depends on it.
 */
public final class SampleModeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** The property that chooses the mode: auto, demo or live. */
	public static final String MODE_PROPERTY = "sample.mode";

	/** The shorthand environment variable for live projects: {@code alias=id,alias=id}. */
	public static final String PROJECTS_VARIABLE = "WALLET_PROJECTS";

	/** Bean name of the {@link DemoWalletApi} in demo mode. */
	public static final String DEMO_BEAN_NAME = "demoWalletApi";

	/** The Wallet API the starter talks to when no base URL is configured. */
	static final String REAL_BASE_URL = "https://wallet.paysera.com/rest/v1/";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return; // build time: never start a server into the build
		}
		if (context.getParent() != null || context.getBeanFactory().containsSingleton(DEMO_BEAN_NAME)
				|| context.getBeanFactory().containsSingleton("sampleMode")) {
			return; // a child context (such as a separate management server) shares the parent's mode
		}
		ConfigurableEnvironment environment = context.getEnvironment();
		SampleMode mode;
		if (isLive(environment)) {
			addProjectsVariable(environment);
			mode = new SampleMode(Kind.LIVE, environment.getProperty("paysera.wallet.base-url", REAL_BASE_URL));
		}
		else {
			DemoWalletApi demo = DemoWalletApi.start();
			environment.getPropertySources().addFirst(new MapPropertySource(DEMO_BEAN_NAME, demo.properties()));
			context.getBeanFactory().registerSingleton(DEMO_BEAN_NAME, demo);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
				if (event.getApplicationContext() == context) {
					demo.close();
				}
			});
			mode = new SampleMode(Kind.DEMO, demo.baseUrl());
		}
		context.getBeanFactory().registerSingleton("sampleMode", mode);
	}

	static boolean isLive(ConfigurableEnvironment environment) {
		String mode = environment.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
		return switch (mode) {
			case "live" -> true;
			case "demo" -> false;
			case "auto", "" -> StringUtils.hasText(environment.getProperty("paysera.wallet.credentials.mac-id"));
			default -> throw new IllegalStateException(
					MODE_PROPERTY + " must be auto, demo or live, got '" + mode + "'");
		};
	}

	private static void addProjectsVariable(ConfigurableEnvironment environment) {
		String value = environment.getProperty(PROJECTS_VARIABLE);
		if (StringUtils.hasText(value)) {
			// last: explicit paysera.wallet.projects.* settings win over the shorthand
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROJECTS_VARIABLE, parseProjects(value)));
		}
	}

	/**
	 * Parse {@code shop=1221,marketplace=1222} (also {@code shop:1221}) into project properties.
	 * @param value the variable's value
	 * @return {@code paysera.wallet.projects.<alias>.id} properties
	 */
	static Map<String, Object> parseProjects(String value) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String entry : value.split("[,;\\s]+")) {
			if (entry.isEmpty()) {
				continue;
			}
			String[] parts = entry.split("[=:]", 2);
			if (parts.length != 2 || !parts[0].trim().matches("[A-Za-z][A-Za-z0-9_-]*")
					|| !parts[1].trim().matches("[0-9]+")) {
				throw new IllegalStateException(PROJECTS_VARIABLE + " must list alias=projectId pairs separated by "
						+ "commas, such as shop=1221,marketplace=1222; could not read '" + entry + "'");
			}
			properties.put("paysera.wallet.projects." + parts[0].trim() + ".id", Long.parseLong(parts[1].trim()));
		}
		return properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
