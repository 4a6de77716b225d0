package io.github.walletproject.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.walletproject.WalletProject;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.ProjectLocations;
import io.github.walletproject.money.WalletAllowances;
import io.github.walletproject.money.WalletMoneyAutoConfiguration;
import io.github.walletproject.money.WalletPayments;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.money.WalletUsers;
import io.github.walletproject.money.Wallets;
import io.github.walletproject.support.TestApps;
import org.junit.jupiter.api.Test;

import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.DecoratingProxy;
import org.springframework.core.ResolvableType;
import org.springframework.javapoet.ClassName;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * An application with the starter, processed by Spring AOT as {@code process-aot} does at
 * build time ({@link ApplicationContextAotGenerator}): the starter's contributions arrive
 * through {@code aot.factories}, the proxies of {@code @WalletProject} beans are generated at
 * build time, and what Spring registers on its own (HTTP interface proxies, configuration
 * properties, failure analyzers) covers what the starter does not register itself.
 */
class WalletAotProcessingTests {

	private static final ReflectionHintsPredicates REFLECTION = RuntimeHintsPredicates.reflection();

	private final ApplicationContextRunner runner = TestApps.runner()
		.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
				HttpServiceClientAutoConfiguration.class, WalletMoneyAutoConfiguration.class))
		.withUserConfiguration(RoutedApp.class)
		.withPropertyValues("paysera.wallet.credentials.mac-id=" + TestApps.MAC_ID,
				"paysera.wallet.credentials.mac-key=" + TestApps.MAC_KEY, "paysera.wallet.projects.shop.id=1221",
				"paysera.wallet.projects.marketplace.id=1222");

	@Test
	void theStartersRegistrarIsAppliedByAotProcessing() {
		process(this.runner, (hints, files) -> {
			assertThat(REFLECTION.onType(WalletRuntimeHints.EXPRESSION_ROOT)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(hints);
			assertThat(REFLECTION.onType(WalletBalance.class)).accepts(hints);
		});
	}

	@Test
	void theArgumentTypesOfSpelRoutedMethodsAreRegisteredForTheTemplate() throws Exception {
		process(this.runner, (hints, files) -> {
			// #{#order.project}: a record accessor, read by SpEL through reflection
			assertThat(REFLECTION.onMethodInvocation(Order.class.getMethod("project"))).accepts(hints);
			assertThat(REFLECTION.onType(Order.class).withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS))
				.accepts(hints);
			// and what the order contains
			assertThat(REFLECTION.onMethodInvocation(Customer.class.getMethod("alias"))).accepts(hints);
			// a method routed by a fixed alias needs nothing
			assertThat(REFLECTION.onType(Refund.class)).rejects(hints);
		});
	}

	@Test
	void theProxyOfAWalletProjectBeanIsGeneratedAtBuildTime() {
		process(this.runner, (hints, files) -> {
			Set<String> classes = files.getGeneratedFiles(Kind.CLASS).keySet();
			assertThat(classes).anyMatch(path -> path.startsWith(RoutedCalls.class.getName().replace('.', '/') + "$$SpringCGLIB$$"));
		});
	}

	@Test
	void springRegistersTheJdkProxiesOfTheMoneyInterfacesAndOfAnApplicationInterfaceRoutedByItsType() {
		process(this.runner, (hints, files) -> {
			for (Class<?> service : new Class<?>[] { WalletTransactions.class, WalletPayments.class,
					WalletAllowances.class, Wallets.class, ProjectLocations.class, WalletUsers.class,
					MarketBalance.class }) {
				// the same interfaces WalletProjectHttpServicePostProcessor proxies a routed client with
				assertThat(RuntimeHintsPredicates.proxies()
					.forInterfaces(service, SpringProxy.class, Advised.class, DecoratingProxy.class))
					.as("%s proxy", service.getSimpleName())
					.accepts(hints);
			}
		});
	}

	@Test
	void bootRegistersEveryReadablePropertyOfWalletPropertiesAsTheUnknownKeyCheckReadsThem() {
		process(this.runner, (hints, files) -> {
			Deque<Class<?>> pending = new ArrayDeque<>(Set.of(WalletProperties.class));
			Set<Class<?>> checked = new LinkedHashSet<>();
			while (!pending.isEmpty()) {
				Class<?> type = pending.pop();
				if (!checked.add(type)) {
					continue;
				}
				assertThat(REFLECTION.onType(type)).as(type.getName()).accepts(hints);
				for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
					Method getter = property.getReadMethod();
					if (getter == null || getter.getDeclaringClass() == Object.class) {
						continue;
					}
					assertThat(REFLECTION.onMethodInvocation(getter)).as("%s", getter).accepts(hints);
					Class<?> nested = Map.class.isAssignableFrom(property.getPropertyType())
							? ResolvableType.forMethodReturnType(getter).resolveGeneric(1)
							: property.getPropertyType();
					if (nested != null && nested.getName().startsWith(WalletProperties.class.getName() + "$")
							&& !nested.isEnum()) {
						pending.push(nested);
					}
				}
			}
			assertThat(checked).as("WalletProperties and its nested groups").hasSizeGreaterThan(5);
		});
	}

	@Test
	void theFailureAnalyzersOfSpringFactoriesCanBeCreated() throws Exception {
		process(this.runner, (hints, files) -> {
			for (Class<?> analyzer : new Class<?>[] { WalletConfigurationFailureAnalyzer.class,
					WalletProjectDeclarationFailureAnalyzer.class }) {
				assertThat(REFLECTION.onType(analyzer).withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
					.accepts(hints);
			}
		});
	}

	@Test
	void anApplicationWhoseCredentialsComeOnlyAtRunTimeIsProcessedWithoutThem() {
		// the build has no credentials and no projects; @WalletProject("shop") is checked at run time
		ApplicationContextRunner withoutSettings = TestApps.runner().withUserConfiguration(RoutedApp.class);
		assertThatNoException().isThrownBy(() -> process(withoutSettings, (hints, files) -> {
			assertThat(files.getGeneratedFiles(Kind.CLASS).keySet())
				.anyMatch(path -> path.contains("RoutedCalls$$SpringCGLIB$$"));
		}));
	}

	/** Process the prepared context as {@code process-aot} does, with its system property set. */
	private static void process(ApplicationContextRunner runner, HintsAndFiles assertions) {
		runner.prepare(context -> {
			InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(WalletAotProcessingTests.class)), files);
			System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
			try {
				new ApplicationContextAotGenerator().processAheadOfTime(
						context.getSourceApplicationContext(GenericApplicationContext.class), generation);
			}
			finally {
				System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
			}
			generation.writeGeneratedContent();
			assertions.accept(generation.getRuntimeHints(), files);
		});
	}

	@FunctionalInterface
	interface HintsAndFiles {

		void accept(RuntimeHints hints, InMemoryGeneratedFiles files) throws Exception;

	}

	record Customer(String alias) {
	}

	record Order(String project, Customer customer) {
	}

	record Refund(long amount) {
	}

	static class RoutedCalls {

		private final WalletProjects wallet;

		RoutedCalls(WalletProjects wallet) {
			this.wallet = wallet;
		}

		@WalletProject("#{#order.project}")
		public String place(Order order) {
			return this.wallet.current().name();
		}

		@WalletProject("shop")
		public String refund(Refund refund) {
			return this.wallet.current().name();
		}

	}

	@HttpExchange
	@WalletProject("marketplace")
	interface MarketBalance {

		@GetExchange("wallet/{id}/balance")
		Map<String, Object> balance(@PathVariable long id);

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wallet", types = MarketBalance.class)
	static class RoutedApp {

		@Bean
		RoutedCalls routedCalls(WalletProjects wallet) {
			return new RoutedCalls(wallet);
		}

	}

}
