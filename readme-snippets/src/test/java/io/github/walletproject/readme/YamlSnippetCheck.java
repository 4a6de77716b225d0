package io.github.walletproject.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import io.github.walletproject.autoconfigure.WalletClientAutoConfiguration;
import io.github.walletproject.autoconfigure.WalletHealthProperties;
import io.github.walletproject.autoconfigure.WalletProperties;
import io.github.walletproject.readme.Readme.Block;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/**
 * Checks a {@code yaml} block of the README:
 * <ol>
 * <li>it parses (SnakeYAML, through Boot's YAML loader);</li>
 * <li>what it sets under {@code paysera.wallet} binds to {@link WalletProperties}, and what it
 * sets under {@code management.health.wallet} to {@link WalletHealthProperties}, with Boot's
 * {@link Binder}, and every key under them binds to something (Boot's
 * {@link NoUnboundElementsBindHandler}; {@code management.health.wallet.enabled} is Boot's
 * own switch of the indicator);</li>
 * <li>the starter accepts it at startup: its auto-configuration's {@code walletSettings} bean
 * is created from the YAML (the starter's own check of unknown and renamed keys, durations,
 * URL and access settings).</li>
 * </ol>
 * Placeholders get values from {@link Placeholders}. Keys outside those two prefixes (such as
 * {@code spring.*}) are only parsed.
 */
final class YamlSnippetCheck {

	static final String WALLET = "paysera.wallet";

	static final String HEALTH = "management.health.wallet";

	/** Boot's {@code management.health.<name>.enabled}, read by its health conditions. */
	private static final ConfigurationPropertyName HEALTH_ENABLED = ConfigurationPropertyName.of(HEALTH + ".enabled");

	private YamlSnippetCheck() {
	}

	/**
	 * Check one block.
	 * @param block a {@code yaml} block
	 * @return the problems, each naming its README line; empty when the block binds
	 */
	static List<String> check(Block block) {
		List<PropertySource<?>> yaml;
		try {
			yaml = new YamlPropertySourceLoader().load(block.toString(),
					new ByteArrayResource(block.text().getBytes(StandardCharsets.UTF_8), block.toString()));
		}
		catch (IOException | RuntimeException ex) {
			return List.of(parseProblem(block, ex));
		}
		MutablePropertySources sources = new MutablePropertySources();
		yaml.forEach(sources::addLast);
		Map<String, Object> placeholders = Placeholders.in(block.text());
		sources.addLast(new MapPropertySource("placeholders", placeholders));
		List<String> problems = new ArrayList<>();
		bind(block, yaml, sources, WALLET, Bindable.ofInstance(new WalletProperties()), (name) -> true, problems);
		bind(block, yaml, sources, HEALTH, Bindable.ofInstance(new WalletHealthProperties()),
				(name) -> !name.equals(HEALTH_ENABLED), problems);
		if (problems.isEmpty() && hasKeysUnder(yaml, WALLET, (name) -> true)) {
			startStarter(block, yaml, placeholders, problems);
		}
		return problems;
	}

	private static void bind(Block block, List<PropertySource<?>> yaml, MutablePropertySources all, String prefix,
			Bindable<?> target, Predicate<ConfigurationPropertyName> checked, List<String> problems) {
		if (!hasKeysUnder(yaml, prefix, checked)) {
			return;
		}
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.from(yaml)) {
			sources.add((source instanceof IterableConfigurationPropertySource iterable) ? iterable.filter(checked)
					: source.filter(checked));
		}
		Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(all));
		try {
			binder.bind(prefix, target, new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		}
		catch (BindException ex) {
			problems.add(bindProblem(block, prefix, target, ex));
		}
	}

	private static boolean hasKeysUnder(List<PropertySource<?>> yaml, String prefix,
			Predicate<ConfigurationPropertyName> checked) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
		return StreamSupport.stream(ConfigurationPropertySources.from(yaml).spliterator(), false)
			.filter(IterableConfigurationPropertySource.class::isInstance)
			.map(IterableConfigurationPropertySource.class::cast)
			.flatMap(IterableConfigurationPropertySource::stream)
			.anyMatch((key) -> (name.isAncestorOf(key) || name.equals(key)) && checked.test(key));
	}

	/** The starter's own startup check: only the {@code walletSettings} bean and what it needs. */
	private static void startStarter(Block block, List<PropertySource<?>> yaml, Map<String, Object> placeholders,
			List<String> problems) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WalletClientAutoConfiguration.class))
			.withInitializer((context) -> {
				MutablePropertySources sources = context.getEnvironment().getPropertySources();
				// the README's YAML alone, not this machine's environment
				sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
				sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
				yaml.forEach(sources::addLast);
				sources.addLast(new MapPropertySource("placeholders", placeholders));
				context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
			})
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				// paysera.wallet.enabled=false switches the starter, and so its check, off
				if (failure == null && context.containsBean("walletSettings")) {
					try {
						context.getBean("walletSettings");
					}
					catch (RuntimeException ex) {
						failure = ex;
					}
				}
				if (failure != null) {
					problems.add(block + ": the starter refuses it at startup: " + rootCause(failure).getMessage());
				}
			});
	}

	private static String parseProblem(Block block, Exception ex) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof MarkedYAMLException)) {
			cause = cause.getCause();
		}
		if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
			int line = marked.getProblemMark().getLine() + 1;
			return block.at(line) + ": not valid YAML: " + marked.getProblem() + "\n    > " + block.lineText(line).strip();
		}
		return block + ": not valid YAML: " + ex.getMessage();
	}

	private static String bindProblem(Block block, String prefix, Bindable<?> target, BindException ex) {
		String type = target.getType().resolve(Object.class).getSimpleName();
		if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
			List<String> keys = new ArrayList<>();
			for (ConfigurationProperty property : unbound.getUnboundProperties()) {
				keys.add(where(block, property.getOrigin()) + ": " + property.getName() + " binds to nothing in " + type);
			}
			return String.join("\n", keys);
		}
		String where = (ex.getProperty() != null) ? where(block, ex.getProperty().getOrigin()) : block.toString();
		return where + ": " + prefix + " does not bind to " + type + ": " + ex.getMessage() + ": "
				+ rootCause(ex).getMessage();
	}

	private static String where(Block block, @Nullable Origin origin) {
		Origin current = origin;
		while (current != null) {
			if (current instanceof PropertySourceOrigin propertySource && propertySource.getOrigin() != null) {
				current = propertySource.getOrigin();
				continue;
			}
			if (current instanceof TextResourceOrigin text && text.getLocation() != null) {
				int line = text.getLocation().getLine() + 1;
				return block.at(line) + " (" + block.lineText(line).strip() + ")";
			}
			current = current.getParent();
		}
		return block.toString();
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
