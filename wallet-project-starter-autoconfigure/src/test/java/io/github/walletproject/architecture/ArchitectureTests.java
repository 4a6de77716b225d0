package io.github.walletproject.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules Spring Boot's own modules are built to, checked on the starter's main classes:
 * no package cycles, no {@code @ConditionalOnClass} on {@code @Bean} methods (a missing class
 * there fails when the method signature is read, not when the condition is), and final
 * auto-configuration classes.
 */
class ArchitectureTests {

	static final String ROOT = "io.github.walletproject";

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(location -> !location.contains("/test-classes/"))
			.importPackages(ROOT);
		// the rules must see the main classes of every package, or they would pass on nothing
		org.assertj.core.api.Assertions.assertThat(classes.stream().map(type -> type.getPackageName()).distinct())
			.contains(ROOT, ROOT + ".auth", ROOT + ".routing", ROOT + ".client", ROOT + ".access", ROOT + ".money",
					ROOT + ".autoconfigure", ROOT + ".observability", ROOT + ".internal");
	}

	/** Every package, the root included, is a slice: no slice may depend on itself through others. */
	static ArchRule cycleRule() {
		return slices().matching("(**)").should().beFreeOfCycles();
	}

	@Test
	void packagesAreFreeOfCycles() {
		cycleRule().check(classes);
	}

	@Test
	void theCycleRuleFailsWhenACycleIsAddedBack() {
		// two test packages that depend on each other, like root -> client -> root once did
		JavaClasses cyclic = new ClassFileImporter().importPackages(ROOT + ".architecture.cycle");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> cycleRule().check(cyclic))
			.withMessageContaining("Cycle detected");
	}

	@Test
	void noConditionalOnClassOnBeanMethods() {
		methods().that().areAnnotatedWith(Bean.class).should().notBeAnnotatedWith(ConditionalOnClass.class).check(classes);
	}

	@Test
	void autoConfigurationsAreFinal() {
		classes().that().areAnnotatedWith(AutoConfiguration.class).should().haveModifier(
				com.tngtech.archunit.core.domain.JavaModifier.FINAL).check(classes);
	}

}
